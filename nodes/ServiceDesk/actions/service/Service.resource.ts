import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../n8nHelpers/itemLoop';
import * as checkApplication from './checkApplication.operation';
import * as describeService from './describeService.operation';
import * as listServices from './listServices.operation';

export const operations: Record<string, Operation> = {
	checkApplication,
	describeService,
	listServices,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['service'] } },
		options: [
			{
				name: 'Check Application',
				value: 'checkApplication',
				action: 'Check an application against its requirements',
				description:
					'Tell whether an application is complete: missing documents and invalid fields, each with a reason',
			},
			{
				name: 'Describe Service',
				value: 'describeService',
				action: 'Describe the requirements of a service',
			},
			{ name: 'List Services', value: 'listServices', action: 'List the services in the catalog' },
		],
		default: 'listServices',
	},
	...checkApplication.description,
	...describeService.description,
	...listServices.description,
];
