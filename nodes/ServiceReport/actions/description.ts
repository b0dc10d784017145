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
				name: 'Compute Indicators',
				value: 'computeIndicators',
				action: 'Compute the monthly service indicators',
				description:
					'Requests, letters per service, residents served, time to letter, fixes and rejections, IKM and complaints, for the month and the year to date',
			},
			{
				name: 'Register PDF',
				value: 'registerPdf',
				action: 'Make the monthly register PDF',
				description:
					"Print a month's Buku Agenda (register of letters out) from its tab: kop, a landscape table, page numbers, the signatory",
			},
			{
				name: 'Report PDF',
				value: 'reportPdf',
				action: 'Make the indicator report PDF',
				description: 'Lay the computed indicators out as a one-to-two-page PDF for the Lurah',
			},
		],
		default: 'computeIndicators',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
