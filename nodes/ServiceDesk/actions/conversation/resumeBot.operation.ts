import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { FailurePolicy, ItemResult } from '../../../n8nHelpers/itemLoop';
import { renderMessage } from '../../../domain/catalog';
import { newSession, resumeBot } from '../../../domain/conversation';
import { SHEET_PROBLEMS } from '../../../domain/sheet/problems';
import { getCatalog } from '../catalog';
import {
	sessionProperty,
	storedSession,
	versionFields,
	versionProperty,
	waIdProperty,
} from '../residentSession';

/**
 * What staff read in the hand-off row's Masalah cell when the message cannot go out ("{reason}"
 * to fill, templates/sheet.json): on the item, and on the error item should this node fail itself.
 */
const problem = { problem: SHEET_PROBLEMS.handoffNotSent };
export const failurePolicy: FailurePolicy = { failureFields: () => problem };

const properties: INodeProperties[] = [
	sessionProperty(),
	versionProperty(),
	waIdProperty('The resident staff finished talking with'),
];

const displayOptions = { show: { operation: ['resumeBot'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Staff finished talking with a resident: the bot answers them again, and tells them so. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const now = new Date();
	const catalog = getCatalog.call(this, i);
	const waId = String(this.getNodeParameter('waId', i, '') ?? '').trim();
	const session = resumeBot(storedSession.call(this, i) ?? newSession(waId, '', now), now);
	const replies = [{ type: 'text', text: renderMessage(catalog.messages, 'handoff.resumed') }];
	return {
		json: {
			waId,
			session: JSON.stringify(session),
			replies,
			...versionFields.call(this, i),
			...problem,
		},
	};
}
