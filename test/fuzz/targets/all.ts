/** Every fuzz target, for the bench (the tests import them one by one). */
export { FUZZ_SEED, RUN_SEED, runTarget } from './common';
import { conversationSteps } from './conversation';
import { letterCheck } from './letterCheck';
import { letterFields } from './letters';
import { setupValues } from './setup';
import { sheetEditCalls } from './sheetEdit';
import { terbilangAmounts } from './terbilang';
import { verificationScans } from './verification';
import { fonnteWebhook, metaWebhook } from './webhooks';

export const ALL_TARGETS = [
	metaWebhook,
	fonnteWebhook,
	conversationSteps,
	letterFields,
	verificationScans,
	letterCheck,
	sheetEditCalls,
	setupValues,
	terbilangAmounts,
];
