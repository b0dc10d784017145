import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { outputsFor, properties } from './actions/description';
import { router } from './actions/router';

export class ServiceDesk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Service Desk',
		name: 'serviceDesk',
		icon: { light: 'file:serviceDesk.svg', dark: 'file:serviceDesk.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["resource"] + ": " + $parameter["operation"] }}',
		description:
			'Talks a resident through a letter request: catalog of services, requirement check and the conversation',
		defaults: { name: 'Service Desk' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${outputsFor})($parameter.operation)}}`,
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
