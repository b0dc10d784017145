/** Shared by Send Document and Send Image: from n8n binary data (uploaded first) or from a URL. */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Gateway, MediaSource } from '../../providers/gateway';
import { recipient, recipientProperty } from '../common';

export function sendFileProperties(
	operation: string,
	kind: 'document' | 'image',
): INodeProperties[] {
	const show = { resource: ['media'], operation: [operation] };
	return [
		recipientProperty([operation], 'media'),
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			default: 'binary',
			options: [
				{
					name: 'Binary Data',
					value: 'binary',
					description: `Upload the ${kind} from this item's binary data`,
				},
				{ name: 'URL', value: 'url', description: `A public HTTPS link to the ${kind}` },
			],
			displayOptions: { show },
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary field containing the file',
			displayOptions: { show: { ...show, source: ['binary'] } },
		},
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/file.pdf',
			displayOptions: { show: { ...show, source: ['url'] } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show },
			options: [
				{ displayName: 'Caption', name: 'caption', type: 'string', default: '' },
				...(kind === 'document'
					? [
							{
								displayName: 'File Name',
								name: 'fileName',
								type: 'string' as const,
								default: '',
								description: 'Name the resident sees; defaults to the binary file name',
							},
						]
					: []),
			],
		},
	];
}

export async function sendFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	gateway: Gateway,
	kind: 'document' | 'image',
): Promise<INodeExecutionData> {
	const to = recipient(ctx, itemIndex);
	const source = ctx.getNodeParameter('source', itemIndex) as 'binary' | 'url';
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const caption = extra.caption ? String(extra.caption) : undefined;
	let fileName = extra.fileName ? String(extra.fileName) : undefined;
	let media: MediaSource;
	if (source === 'binary') {
		const field = ctx.getNodeParameter('binaryPropertyName', itemIndex) as string;
		const binary = ctx.helpers.assertBinaryData(itemIndex, field);
		const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, field);
		fileName = fileName ?? binary.fileName ?? (kind === 'document' ? 'document' : undefined);
		media = {
			file: {
				data,
				mimeType: binary.mimeType || 'application/octet-stream',
				fileName: fileName ?? 'file',
			},
		};
	} else {
		const url = String(ctx.getNodeParameter('url', itemIndex) ?? '').trim();
		if (!/^https?:\/\//i.test(url)) {
			throw new NodeOperationError(ctx.getNode(), `"${url}" is not an http(s) URL`, { itemIndex });
		}
		media = { url };
	}
	const options = {
		...(caption ? { caption } : {}),
		...(fileName && kind === 'document' ? { fileName } : {}),
	};
	const { messageIds } = await gateway.sendMedia(to, kind, media, options);
	return { json: { provider: gateway.provider, to, messageIds } };
}
