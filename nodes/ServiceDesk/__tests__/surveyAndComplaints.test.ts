/**
 * The Service Desk node's side of the survey and complaints: where the engine's events leave
 * the node (output indexes the workflows are wired to) and the two new operations.
 */
import { outputsFor, properties } from '../actions/description';
import { OUTPUT } from '../actions/conversation/handleMessage.operation';
import type { OutboundReply } from '../../domain/messaging/types';
import { runNode } from './runNode';

const WA = '6281234567890';

let count = 0;
async function handle(session: string, text: string, extra: Record<string, unknown> = {}) {
	const message = {
		provider: 'test',
		businessNumber: '1',
		from: WA,
		name: 'Budi',
		messageId: `m-${++count}`,
		timestamp: '2026-05-05T02:00:00Z',
		type: 'text',
		text,
		...extra,
	};
	const outputs = await runNode({ operation: 'handleMessage', message, session });
	return { outputs, session: String(outputs[OUTPUT.reply][0].json.session) };
}

describe('Service Desk outputs', () => {
	it('keeps Reply, Submitted, Status Question, Hand-off at 0–3 and adds Survey Answer, Complaint, Resend Letter, Read Media', () => {
		const names = (outputsFor('handleMessage') as Array<{ displayName: string }>).map(
			(o) => o.displayName,
		);
		expect(names).toEqual([
			'Reply',
			'Submitted',
			'Status Question',
			'Hand-off',
			'Survey Answer',
			'Complaint',
			'Resend Letter',
			'Read Media',
		]);
		expect(OUTPUT).toEqual({
			reply: 0,
			submitted: 1,
			status: 2,
			handoff: 3,
			survey: 4,
			complaint: 5,
			resend: 6,
			media: 7,
		});
	});

	it("lists resources and each resource's operations in alphabetical order", () => {
		const lists = properties
			.filter((p) => p.name === 'resource' || p.name === 'operation')
			.map((p) => (p.options ?? []) as Array<{ name: string; value: string }>);
		for (const options of lists) {
			const names = options.map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
		expect(lists.flat().map((o) => o.value)).toEqual(
			expect.arrayContaining(['inviteSurvey', 'complaintReply']),
		);
	});

	it('routes a complaint to output 5 with its photo listed for Drive', async () => {
		let state = (await handle('', 'halo')).session;
		state = (await handle(state, 'pengaduan')).session;
		state = (await handle(state, 'Lampu ruang tunggu mati sejak kemarin')).session;
		state = (
			await handle(state, '', { type: 'image', media: { id: 'p1', mimeType: 'image/jpeg' } })
		).session;
		const { outputs } = await handle(state, 'kirim');
		expect(outputs).toHaveLength(8);
		expect([...outputs.slice(1, 5), outputs[OUTPUT.resend]].every((o) => o.length === 0)).toBe(
			true,
		);
		expect(outputs[OUTPUT.media]).toEqual([]);
		const complaint = outputs[OUTPUT.complaint][0].json;
		expect(complaint).toMatchObject({
			waId: WA,
			name: 'Budi',
			text: 'Lampu ruang tunggu mati sejak kemarin',
			photo: { id: 'p1', mimeType: 'image/jpeg' },
			files: [{ id: 'p1', fileName: `${String(complaint.ticket)} Foto pengaduan.jpg` }],
		});
		expect(String(complaint.ticket)).toMatch(/^ADU-/);
	});

	it('routes "kirim ulang surat" and the digits typed next to output 6 (Resend Letter), with no reply', async () => {
		const asked = await handle('', 'kirim ulang surat');
		expect(asked.outputs[OUTPUT.reply].flatMap((o) => o.json.replies as unknown[])).toEqual([]);
		expect(asked.outputs[OUTPUT.resend].map((o) => o.json)).toEqual([
			{ type: 'resend_requested', waId: WA, name: 'Budi', tries: 0 },
		]);
		const typed = await handle(asked.session, '0001');
		expect(typed.outputs[OUTPUT.resend].map((o) => o.json)).toEqual([
			{ type: 'resend_requested', waId: WA, name: 'Budi', digits: '0001', tries: 0 },
		]);
	});

	it('invites through "Invite to Survey" and routes each answer to output 4 with one column per element', async () => {
		let state = (await handle('', 'halo')).session;
		const [[invited]] = await runNode({
			operation: 'inviteSurvey',
			session: state,
			waId: WA,
			name: 'Budi',
			ticket: 'SKD-7QX3KD0',
			serviceTitle: 'Surat Keterangan Domisili',
		});
		expect(invited.json.waId).toBe(WA);
		expect((invited.json.replies as OutboundReply[])[0].text).toContain('SKD-7QX3KD0');
		state = String(invited.json.session);
		state = (await handle(state, 'isi survei')).session;
		const { outputs } = await handle(state, '4');
		expect(outputs[OUTPUT.survey][0].json).toMatchObject({
			type: 'survey_answered',
			ticket: 'SKD-7QX3KD0',
			serviceTitle: 'Surat Keterangan Domisili',
			waId: WA,
			scores: { u1: 4 },
			complete: false,
			u1: 4,
			u2: null,
			u9: null,
		});
	});

	it('"Complaint Reply" gives the resident the response', async () => {
		const [[item]] = await runNode({
			operation: 'complaintReply',
			ticket: 'ADU-7QX3KD0',
			response: 'Lampu sudah diganti.',
			waId: WA,
		});
		expect(item.json.waId).toBe(WA);
		const [reply] = item.json.replies as OutboundReply[];
		expect(reply.text).toContain('ADU-7QX3KD0');
		expect(reply.text).toContain('Lampu sudah diganti.');
	});
});
