/** Reading a template's header and buttons from the node's parameters (Send Template). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MediaSource, TemplateButton, TemplateHeader } from '../../providers/gateway';

type Show = Record<string, string[]>;

export function templateHeaderProperties(show: Show): INodeProperties[] {
	const media = { ...show, headerType: ['image', 'document'] };
	return [
		{
			displayName: 'Header',
			name: 'headerType',
			type: 'options',
			default: 'none',
			description: 'Must match the header the approved template declares',
			options: [
				{ name: 'None', value: 'none' },
				{ name: 'Text', value: 'text', description: 'A text header with one {{1}} placeholder' },
				{ name: 'Image', value: 'image' },
				{ name: 'Document', value: 'document', description: 'For example the letter as a PDF' },
			],
			displayOptions: { show },
		},
		{
			displayName: 'Header Text',
			name: 'headerText',
			type: 'string',
			default: '',
			displayOptions: { show: { ...show, headerType: ['text'] } },
		},
		{
			displayName: 'Header Source',
			name: 'headerSource',
			type: 'options',
			default: 'binary',
			options: [
				{ name: 'Binary Data', value: 'binary', description: 'Uploaded first' },
				{ name: 'Media ID', value: 'mediaId', description: 'An earlier upload to WhatsApp' },
				{ name: 'URL', value: 'url', description: 'A public HTTPS link' },
			],
			displayOptions: { show: media },
		},
		{
			displayName: 'Input Binary Field',
			name: 'headerBinaryField',
			type: 'string',
			default: 'data',
			displayOptions: { show: { ...media, headerSource: ['binary'] } },
		},
		{
			displayName: 'Media ID',
			name: 'headerMediaId',
			type: 'string',
			default: '',
			displayOptions: { show: { ...media, headerSource: ['mediaId'] } },
		},
		{
			displayName: 'Header URL',
			name: 'headerUrl',
			type: 'string',
			default: '',
			displayOptions: { show: { ...media, headerSource: ['url'] } },
		},
		{
			displayName: 'File Name',
			name: 'headerFileName',
			type: 'string',
			default: '',
			description: 'Name the resident sees for a document; defaults to the binary file name',
			displayOptions: { show: { ...show, headerType: ['document'] } },
		},
	];
}

export function templateButtonProperty(show: Show): INodeProperties {
	return {
		displayName: 'Buttons',
		name: 'templateButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Button Parameter',
		default: {},
		description: "Parameters for the template's quick-reply and URL buttons",
		displayOptions: { show },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Kind',
						name: 'kind',
						type: 'options',
						default: 'quickReply',
						options: [
							{ name: 'Quick Reply', value: 'quickReply' },
							{ name: 'URL', value: 'url' },
						],
					},
					{
						displayName: 'Index',
						name: 'index',
						type: 'number',
						default: 0,
						description: 'Position of the button in the template, from 0',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'The payload a quick reply sends back, or the variable end of a URL button',
					},
				],
			},
		],
	};
}

/** A file from this item's binary data, as the gateway takes it. */
export async function binaryFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	fileName?: string,
): Promise<{ source: MediaSource; fileName: string }> {
	const binary = ctx.helpers.assertBinaryData(itemIndex, field);
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, field);
	const name = fileName || binary.fileName || 'document';
	return {
		source: {
			file: { data, mimeType: binary.mimeType || 'application/octet-stream', fileName: name },
		},
		fileName: name,
	};
}

export async function readTemplateHeader(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<TemplateHeader | undefined> {
	const kind = ctx.getNodeParameter('headerType', itemIndex, 'none') as string;
	if (kind === 'none') return undefined;
	if (kind === 'text') {
		return { kind, text: String(ctx.getNodeParameter('headerText', itemIndex, '')) };
	}
	const headerKind = kind as 'image' | 'document';
	const source = ctx.getNodeParameter('headerSource', itemIndex, 'binary') as string;
	let fileName = String(ctx.getNodeParameter('headerFileName', itemIndex, '') || '') || undefined;
	let media: MediaSource;
	if (source === 'binary') {
		const field = String(ctx.getNodeParameter('headerBinaryField', itemIndex, 'data'));
		const file = await binaryFile(ctx, itemIndex, field, fileName);
		media = file.source;
		if (headerKind === 'document') fileName = file.fileName;
	} else if (source === 'mediaId') {
		media = { id: String(ctx.getNodeParameter('headerMediaId', itemIndex, '')).trim() };
	} else {
		const url = String(ctx.getNodeParameter('headerUrl', itemIndex, '')).trim();
		if (!/^https?:\/\//i.test(url)) {
			throw new NodeOperationError(ctx.getNode(), `"${url}" is not an http(s) URL`, {
				itemIndex,
			});
		}
		media = { url };
	}
	return { kind: headerKind, media, fileName: headerKind === 'document' ? fileName : undefined };
}

export function readTemplateButtons(ctx: IExecuteFunctions, itemIndex: number): TemplateButton[] {
	const raw = (ctx.getNodeParameter('templateButtons.button', itemIndex, []) as IDataObject[]) ?? [];
	return raw.map((b) => ({
		kind: b.kind === 'url' ? 'url' : 'quickReply',
		index: Math.max(0, Math.floor(Number(b.index) || 0)),
		value: String(b.value ?? ''),
	}));
}
