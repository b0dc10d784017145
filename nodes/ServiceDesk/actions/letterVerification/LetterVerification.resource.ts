import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../n8nHelpers/itemLoop';
import * as letterRecord from './letterRecord.operation';
import * as letterRecordChanges from './letterRecordChanges.operation';
import * as verificationPage from './verificationPage.operation';

export const operations: Record<string, Operation> = {
	letterRecord,
	letterRecordChanges,
	verificationPage,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['letterVerification'] } },
		options: [
			{
				name: 'Letter Record',
				value: 'letterRecord',
				action: 'Build the verification record of a letter',
				description:
					'What the verification page may show of a letter just made (masked NIK), to store by its code',
			},
			{
				name: 'Letter Record Changes',
				value: 'letterRecordChanges',
				action: 'Find the verification records to update',
				description:
					'Compare the sheet with the stored records: revoked or restored letters, and letters without a record',
			},
			{
				name: 'Verification Page',
				value: 'verificationPage',
				action: 'Build the page behind a letter QR code',
				description:
					'Confirm an issued letter (number, date, holder with masked NIK) or say it is unknown',
			},
		],
		default: 'verificationPage',
	},
	...letterRecord.description,
	...letterRecordChanges.description,
	...verificationPage.description,
];
