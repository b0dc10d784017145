import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './description';
import { generateLetters } from './generate';

export class LetterPdf implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Letter PDF',
		name: 'letterPdf',
		icon: { light: 'file:letterPdf.svg', dark: 'file:letterPdf.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["templateSource"] === "custom" ? "custom template" : "service template" }}',
		description:
			'Prints an approved application as a signed-ready kelurahan letter (PDF) with letterhead, number and verification QR code',
		defaults: { name: 'Letter PDF' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await generateLetters.call(this);
	}
}
