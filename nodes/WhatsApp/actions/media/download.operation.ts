import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { Gateway } from '../../providers/gateway';
import {
	DEFAULT_FONNTE_MEDIA_HOSTS,
	DEFAULT_MEDIA_MAX_MB,
	DEFAULT_MEDIA_TIMEOUT_S,
} from '../../providers/fonnte/download';

const show = { resource: ['media'], operation: ['download'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '={{ $json.media.id }}',
		description: 'The media.ID of an incoming message (WhatsApp Cloud API)',
		displayOptions: { show: { ...show, provider: ['meta'] } },
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		required: true,
		default: '={{ $json.media.url }}',
		description: 'The media.URL of an incoming message (Fonnte)',
		displayOptions: { show: { ...show, provider: ['fonnte'] } },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show },
	},
	{
		displayName: 'Allowed Attachment Hosts',
		name: 'allowedHosts',
		type: 'string',
		default: DEFAULT_FONNTE_MEDIA_HOSTS,
		description:
			'Comma-separated hosts attachment URLs may point to, fetched over https on port 443 only (*. allows subdomains; write https://host:port for another port). The URL comes from the webhook body, so anything else is refused.',
		displayOptions: { show: { ...show, provider: ['fonnte'] } },
	},
	{
		displayName: 'Max Attachment Size (MB)',
		name: 'maxSizeMb',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_MEDIA_MAX_MB,
		description: 'Larger files are refused (and not downloaded further)',
		displayOptions: { show },
	},
	{
		displayName: 'Download Time Limit (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_MEDIA_TIMEOUT_S,
		displayOptions: { show },
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		description: "Overrides the file name; defaults to the message's file name or the media ID",
		displayOptions: { show },
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	gateway: Gateway,
): Promise<INodeExecutionData> {
	const item = this.getInputData()[itemIndex];
	const ref =
		gateway.provider === 'meta'
			? { id: String(this.getNodeParameter('mediaId', itemIndex) ?? '') }
			: { url: String(this.getNodeParameter('mediaUrl', itemIndex) ?? '') };
	const field = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const media = (item.json.media ?? {}) as IDataObject;
	const fileName =
		(this.getNodeParameter('fileName', itemIndex, '') as string) ||
		(typeof media.fileName === 'string' && media.fileName) ||
		undefined;
	const file = await gateway.downloadMedia(ref, {
		allowedHosts: String(
			this.getNodeParameter('allowedHosts', itemIndex, DEFAULT_FONNTE_MEDIA_HOSTS) ?? '',
		),
		maxBytes:
			Number(this.getNodeParameter('maxSizeMb', itemIndex, DEFAULT_MEDIA_MAX_MB)) * 1024 * 1024,
		timeoutMs:
			Number(this.getNodeParameter('timeoutSeconds', itemIndex, DEFAULT_MEDIA_TIMEOUT_S)) * 1000,
	});
	const binary = await this.helpers.prepareBinaryData(
		file.data,
		fileName ?? file.fileName,
		file.mimeType,
	);
	return {
		json: item.json,
		binary: { ...(item.binary ?? {}), [field]: binary },
	};
}
