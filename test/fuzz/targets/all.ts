/** Every fuzz target, for the bench (the tests import them one by one). */
export { FUZZ_SEED, runTarget } from './common';
import { conversationSteps } from './conversation';
import { letterFields } from './letters';
import { verificationScans } from './verification';
import { fonnteWebhook, metaWebhook } from './webhooks';

export const ALL_TARGETS = [
	metaWebhook,
	fonnteWebhook,
	conversationSteps,
	letterFields,
	verificationScans,
];
