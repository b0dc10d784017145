import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/description';
import { router } from './actions/router';

export class ServiceReport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Service Report',
		name: 'serviceReport',
		icon: { light: 'file:serviceReport.svg', dark: 'file:serviceReport.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] }}',
		description:
			'Monthly service indicators (requests, letters, time to letter, IKM, complaints) and the report PDF for the Lurah',
		defaults: { name: 'Service Report' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
