import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { parseKtpText } from '../../../domain/ktp/parse';
import { ktpAnswers } from '../../../domain/ktp/answers';
import {
	ktpReadPrompt,
	ktpUnreadable,
	unreadableReason,
} from '../../../domain/conversation/ktpConfirm';
import { textsFor } from '../../../domain/conversation/texts';
import { readPhotoText } from '../../ocr/ktpOcr';
import { getCatalog } from '../catalog';

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
 * Reads a KTP photo on this server (no outside service): the fields read, the answers they give
 * to the catalog's identity questions (fieldSet `identitas`, checked as typed answers, the NIK's
 * birth date and sex compared with the printed ones) and the replies that show them to the
 * resident to confirm or correct, or the short reason a photo could not be read. Nothing read is
 * used before that confirmation.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const property = this.getNodeParameter('binaryPropertyName', i) as string;
	const image = await this.helpers.getBinaryDataBuffer(i, property);
	const ocr = await readPhotoText(image);
	const reading = parseKtpText(ocr.text);
	const catalog = getCatalog.call(this, i);
	const texts = textsFor(catalog);
	const identity = catalog.fieldSets?.identitas ?? [];
	const answers = ktpAnswers(reading, identity, new Date());
	const reason = unreadableReason(reading, ocr.confidence);
	const replies = reason ? [ktpUnreadable(texts, reason)] : ktpReadPrompt(texts, identity, answers);
	return {
		json: {
			...this.getInputData()[i].json,
			ktp: { isKtp: reading.isKtp, unreadable: reason ?? null, fields: reading.fields, answers },
			ocr: { ms: ocr.ms, confidence: Math.round(ocr.confidence) },
			replies,
		},
		pairedItem: { item: i },
	};
}
