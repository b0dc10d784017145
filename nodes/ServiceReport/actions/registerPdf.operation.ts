import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../n8nHelpers/itemLoop';
import { jsonParameter } from '../../n8nHelpers/jsonParameter';
import {
	letterheadProperty,
	outputBinaryOption,
	paperOption,
	readLetterhead,
	signatoryProperty,
} from '../../n8nHelpers/readPrintParameters';
import { DEFAULT_SIGNATORY, type Paper } from '../../domain/letter';
import { formatPartialDateId } from '../../domain/indonesian/format';
import { previousMonth, renderRegisterPdf, wibDay } from '../../domain/staff';

const show = { show: { operation: ['registerPdf'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Register Rows',
		name: 'registerRows',
		type: 'json',
		default: "={{ $('Read Buku Agenda').all().map(item => item.json) }}",
		description: 'The rows of the Buku Agenda tab (the month printed is taken from them)',
		displayOptions: show,
	},
	{
		displayName: 'Month',
		name: 'month',
		type: 'string',
		default: '',
		placeholder: '2026-11',
		description: 'The month printed (YYYY-MM); empty for the month before today (WIB)',
		displayOptions: show,
	},
	{ ...letterheadProperty, displayOptions: show },
	{
		...signatoryProperty,
		description: 'Who closes the register (signs under it): the Lurah',
		displayOptions: show,
	},
	{
		displayName: 'Options',
		name: 'registerOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [outputBinaryOption, paperOption],
	},
];

/** The settings an admin filled in; empty ones keep the bundled defaults. */
const filled = (values: IDataObject) =>
	Object.fromEntries(
		Object.entries(values).filter(([, v]) => v !== '' && v !== undefined && v !== null),
	);

/** One PDF of the month's Buku Agenda (the item's run starts it; the rows come as a parameter). */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const rows = (
		jsonParameter<unknown>(this, 'registerRows', i, { empty: [], shape: 'list' }) as unknown[]
	).filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null);
	const now = new Date();
	const month = String(this.getNodeParameter('month', i, '') ?? '').trim() || previousMonth(now);
	const options = this.getNodeParameter('registerOptions', i, {}) as IDataObject;
	const { letterhead, emblem } = await readLetterhead(this, i);
	const signatory = {
		...DEFAULT_SIGNATORY,
		...filled(this.getNodeParameter('signatory', i, {}) as IDataObject),
	};
	let register;
	try {
		register = await renderRegisterPdf(rows, {
			month,
			date: wibDay(now),
			letterhead,
			signatory,
			emblem,
			paper: (options.paper as Paper) || 'F4',
		});
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`The register could not be made: ${(error as Error).message}`,
			{ itemIndex: i, description: 'Give the month as YYYY-MM, e.g. 2026-11.' },
		);
	}
	const binary = await this.helpers.prepareBinaryData(
		Buffer.from(register.pdf),
		register.fileName,
		'application/pdf',
	);
	return {
		json: {
			month,
			/** The month as people write it (`November 2026`), for the message. */
			period: formatPartialDateId(month),
			letters: register.letters,
			pages: register.pages,
			bytes: register.pdf.length,
			fileName: register.fileName,
		},
		binary: { [String(options.binaryPropertyName || 'data')]: binary },
	};
}
