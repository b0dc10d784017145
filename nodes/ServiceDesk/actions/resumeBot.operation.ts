import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { renderMessage } from '../../shared/catalog';
import { newSession, resumeBot } from '../../shared/conversation';
import type { Session } from '../../shared/conversation';
import { getCatalog } from './catalog';

const show = { operation: ['resumeBot'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Session',
		name: 'session',
		type: 'string',
		default: '',
		description: "The resident's stored session (JSON text); empty if none",
		displayOptions: { show },
	},
	{
		displayName: 'WhatsApp ID',
		name: 'waId',
		type: 'string',
		default: '',
		required: true,
		description: 'The resident staff finished talking with',
		displayOptions: { show },
	},
];

/** Staff finished talking with a resident: the bot answers them again, and tells them so. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const now = new Date();
	return [
		items.map((_, i) => {
			const catalog = getCatalog.call(this, i);
			const waId = String(this.getNodeParameter('waId', i, '') ?? '').trim();
			let stored: Session | null = null;
			try {
				stored = JSON.parse(
					String(this.getNodeParameter('session', i, '') || 'null'),
				) as Session | null;
			} catch {
				stored = null;
			}
			const session = resumeBot(stored ?? newSession(waId, '', now), now);
			const replies = [{ type: 'text', text: renderMessage(catalog.messages, 'handoff.resumed') }];
			return { json: { waId, session: JSON.stringify(session), replies }, pairedItem: { item: i } };
		}),
	];
}
