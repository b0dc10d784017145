import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../common/itemLoop';
import { renderMessage } from '../../shared/catalog';
import { newSession, resumeBot } from '../../shared/conversation';
import { getCatalog } from './catalog';
import {
	sessionProperty,
	storedSession,
	versionFields,
	versionProperty,
	waIdProperty,
} from './helpers';

export const description: INodeProperties[] = [
	sessionProperty('resumeBot'),
	versionProperty('resumeBot'),
	waIdProperty('resumeBot', 'The resident staff finished talking with'),
];

/** Staff finished talking with a resident: the bot answers them again, and tells them so. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const now = new Date();
	const catalog = getCatalog.call(this, i);
	const waId = String(this.getNodeParameter('waId', i, '') ?? '').trim();
	const session = resumeBot(storedSession.call(this, i) ?? newSession(waId, '', now), now);
	const replies = [{ type: 'text', text: renderMessage(catalog.messages, 'handoff.resumed') }];
	return {
		json: { waId, session: JSON.stringify(session), replies, ...versionFields.call(this, i) },
	};
}
