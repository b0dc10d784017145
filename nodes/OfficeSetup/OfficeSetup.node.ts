import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/description';
import { router } from './actions/router';

export class OfficeSetup implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Office Setup',
		name: 'officeSetup',
		icon: { light: 'file:officeSetup.svg', dark: 'file:officeSetup.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] }}',
		description:
			"Prepares a new office: the Google Sheets API bodies for the office's spreadsheet, and the ready workflows with the office's ids, letterhead, signatory and credentials filled in",
		defaults: { name: 'Office Setup' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
