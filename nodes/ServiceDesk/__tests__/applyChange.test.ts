/**
 * "Apply Change" (the session-save sub-workflow's step) speaks from the office's catalog: the one
 * its own Catalog settings give, or the one the calling workflow sends with the change.
 */
import type { IDataObject } from 'n8n-workflow';
import { runNode } from './runNode';

const catalogJson = JSON.stringify({ messages: { greeting: 'Sugeng rawuh, {name}!' } });
const office = { catalogSource: 'custom', catalogMode: 'extend', catalogJson };
const message = {
	from: '6281200000077',
	messageId: 'wamid.apply.1',
	type: 'text',
	text: 'halo',
	name: 'Sari',
	timestamp: new Date().toISOString(),
};
const texts = (out: Awaited<ReturnType<typeof runNode>>) =>
	((out[0][0].json.replies as IDataObject[]) ?? []).map((r) => String(r.text ?? ''));

describe('Apply Change', () => {
	it('takes the step with the bundled catalog when nothing says otherwise', async () => {
		const out = await runNode({
			operation: 'applyChange',
			change: { operation: 'takeStep', message },
		});
		expect(texts(out).join('\n')).not.toContain('Sugeng rawuh');
	});

	it("takes the step with the office's catalog set on the node", async () => {
		const out = await runNode({
			operation: 'applyChange',
			change: { operation: 'takeStep', message },
			...office,
		});
		expect(texts(out)[0]).toBe('Sugeng rawuh, Sari!');
	});

	it('takes the step with the catalog the calling workflow sends with the change', async () => {
		const out = await runNode({
			operation: 'applyChange',
			change: { operation: 'takeStep', message, ...office },
		});
		expect(texts(out)[0]).toBe('Sugeng rawuh, Sari!');
	});
});
