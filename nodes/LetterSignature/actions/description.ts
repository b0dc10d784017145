import type { INodeProperties } from 'n8n-workflow';

import { operations } from './router';

export const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Sign PDF',
				value: 'signPdf',
				action: 'Sign a letter PDF',
				description:
					"Sign each item's PDF (PAdES) and replace it with the signed file; the visible block shows the QR code, the signatory and the time; a draft for signing by hand passes unsigned",
			},
			{
				name: 'Limit Tries',
				value: 'limitTries',
				action: 'Limit tries of a signing form',
				description:
					'Allow at most so many runs in so many minutes (e.g. the TTE form): each item says whether this try may go on',
			},
			{
				name: 'Verify PDF',
				value: 'verifyPdf',
				action: 'Verify a signed PDF',
				description:
					'Check a PDF someone received: signer, signing time, whether the signature still matches the file, and an Indonesian summary',
			},
		],
		default: 'signPdf',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
