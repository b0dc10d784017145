import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_LETTERHEAD, type Letterhead } from '../domain/letter';

// The parameters live in printDescription (no letter engine: the Office Setup node shows them too).
export {
	letterheadProperty,
	outputBinaryOption,
	paperOption,
	signatoryProperty,
} from './printDescription';

/** The letterhead the node is set to (empty fields keep the bundled default) and its emblem. */
export async function readLetterhead(
	ctx: IExecuteFunctions,
	i: number,
): Promise<{ letterhead: Letterhead; emblem?: Uint8Array }> {
	const head = ctx.getNodeParameter('letterhead', i, {}) as IDataObject;
	let emblem: Uint8Array | undefined;
	const emblemProperty = String(head.emblemProperty ?? '').trim();
	if (emblemProperty) {
		ctx.helpers.assertBinaryData(i, emblemProperty);
		emblem = await ctx.helpers.getBinaryDataBuffer(i, emblemProperty);
	}
	const lines = String(head.government ?? '')
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
	const given = Object.fromEntries(
		Object.entries(head).filter(
			([key, v]) => key in DEFAULT_LETTERHEAD && key !== 'government' && v !== '' && v != null,
		),
	) as Partial<Letterhead>;
	return {
		letterhead: {
			...DEFAULT_LETTERHEAD,
			...given,
			government: lines.length ? lines : DEFAULT_LETTERHEAD.government,
		},
		emblem,
	};
}
