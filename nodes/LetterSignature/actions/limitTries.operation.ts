/**
 * Guards the batch-signing form: at most so many tries in so many minutes (the times are kept in
 * the workflow's static data, so they outlive the run; nothing typed is kept), per signer when the
 * form asks who signs (the Lurah's tries never lock the deputy out, nor the other way). Each item says
 * whether this try may go on; a refused one carries the signatory's page text (Indonesian, from
 * templates/signing/tte-form.json).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import tteForm from '../../../templates/signing/tte-form.json';
import type { ItemResult } from '../../n8nHelpers/itemLoop';
import { decideTry } from '../../domain/signing';
import { SIGNER_WORDS, signerOfChoice } from '../../domain/letter/signer';

const show = { show: { operation: ['limitTries'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Most Tries',
		name: 'maxTries',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 3,
		description: 'How many tries the form allows in the window; a further try is refused',
		displayOptions: show,
	},
	{
		displayName: 'Window (Minutes)',
		name: 'windowMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 15,
		displayOptions: show,
	},
	{
		displayName: 'Signer',
		name: 'signer',
		type: 'string',
		default: '',
		description:
			'Who signs in this try, as the form\'s choice gives it (Lurah / Wakil, alone or before a name): tries are counted per signer, and the output says who ("signer": lurah or deputy, "signerWord" as the sheet\'s signer column writes it). Empty: one count for all, no signer.',
		displayOptions: show,
	},
];

const fill = (text: string, values: Record<string, string | number>) =>
	text.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const max = Math.max(1, Math.floor(Number(this.getNodeParameter('maxTries', i, 3))));
	const minutes = Math.max(1, Number(this.getNodeParameter('windowMinutes', i, 15)));
	const state = this.getWorkflowStaticData('node') as IDataObject;
	const choice = String(this.getNodeParameter('signer', i, '') ?? '').trim();
	const signer = choice ? signerOfChoice(choice) : undefined;
	if (choice && !signer) {
		const { lurah, deputy } = SIGNER_WORDS.choices;
		return {
			json: {
				allowed: false,
				triesInWindow: 0,
				retryAt: null,
				signer: null,
				answer: fill(tteForm.unknownSigner, { choices: `${lurah}, ${deputy}` }),
			},
		};
	}
	// Each signer's tries apart: one signer's wrong tries never hold the other back.
	const perSigner = (signer ? (state.triesOf ?? {}) : {}) as IDataObject;
	const kept = signer ? perSigner[signer] : state.tries;
	const decision = decideTry(kept, new Date(), { max, windowMs: minutes * 60_000 });
	if (signer) state.triesOf = { ...perSigner, [signer]: decision.tries };
	else state.tries = decision.tries;
	const time = decision.retryAt
		? new Intl.DateTimeFormat('id-ID', {
				hour: '2-digit',
				minute: '2-digit',
				timeZone: this.getTimezone(),
			}).format(decision.retryAt)
		: '';
	return {
		json: {
			allowed: decision.allowed,
			triesInWindow: decision.tries.length,
			retryAt: decision.retryAt?.toISOString() ?? null,
			answer: decision.allowed ? '' : fill(tteForm.tooManyTries, { max, minutes, time }),
			signer: signer ?? null,
			signerWord: signer ? SIGNER_WORDS.choices[signer] : null,
		},
	};
}
