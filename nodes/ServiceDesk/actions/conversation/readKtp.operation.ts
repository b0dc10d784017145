import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { parseKtpText } from '../../../domain/ktp/parse';
import { readPhotoText } from '../../ocr/ktpOcr';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description:
			'The binary field holding the photo (JPEG or PNG), as WhatsApp media download leaves it',
	},
];

const displayOptions = { show: { operation: ['readKtp'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Reads a KTP photo on this server (no outside service): the fields read, for the resident to
 * confirm or correct. Nothing read is used before that confirmation.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const property = this.getNodeParameter('binaryPropertyName', i) as string;
	const image = await this.helpers.getBinaryDataBuffer(i, property);
	const ocr = await readPhotoText(image);
	const reading = parseKtpText(ocr.text);
	return {
		json: {
			...this.getInputData()[i].json,
			ktp: { isKtp: reading.isKtp, fields: reading.fields, labels: reading.labels },
			ocr: { ms: ocr.ms, confidence: Math.round(ocr.confidence) },
		},
		pairedItem: { item: i },
	};
}
