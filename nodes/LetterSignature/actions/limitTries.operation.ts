/**
 * Guards the batch-signing form: at most so many tries in so many minutes (the times are kept in
 * the workflow's static data, so they outlive the run; nothing typed is kept). Each item says
 * whether this try may go on; a refused one carries the signatory's page text (Indonesian, from
 * templates/signing/tte-form.json).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import tteForm from '../../../templates/signing/tte-form.json';
import type { ItemResult } from '../../n8nHelpers/itemLoop';
import { decideTry } from '../../domain/signing';

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
];

const fill = (text: string, values: Record<string, string | number>) =>
	text.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const max = Math.max(1, Math.floor(Number(this.getNodeParameter('maxTries', i, 3))));
	const minutes = Math.max(1, Number(this.getNodeParameter('windowMinutes', i, 15)));
	const state = this.getWorkflowStaticData('node') as IDataObject;
	const decision = decideTry(state.tries, new Date(), { max, windowMs: minutes * 60_000 });
	state.tries = decision.tries;
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
		},
	};
}
