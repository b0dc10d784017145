// Voice notes through the real workflows. Off (as installed): a voice note gets today's polite
// answer and no audio leaves the office. On (the catalog's `voiceNotes` in Take Step, and the
// sub-workflow's Transcribe Voice Note node activated with its credential): the note goes
// to the transcription service (the sandbox plays OpenAI's /v1/audio/transcriptions), the
// resident sees "Kami dengar: …" and the words are handled as if typed.
import { voiceNoteOf } from '../../sandbox/server/transcription';
import { staffClient } from './support/clients';
import { catalog, Resident, said } from './support/resident';
import type { StackInfo } from './support/stack-info';
import { useStack } from './support/use-stack';
import { editInstalledNodes, type InstalledNode } from './support/workflow-edit';

const stack = useStack();
const m = catalog.messages;
const SERVICE_DESK = 'n8n-nodes-pecelan.serviceDesk';

function voiceNote(resident: Resident, words: string) {
	return resident.send({
		audio: {
			fileName: 'voice.ogg',
			mimeType: 'audio/ogg; codecs=opus',
			dataBase64: voiceNoteOf(words).toString('base64'),
		},
	});
}

async function transcriptionCalls(info: StackInfo) {
	return (await staffClient(info).calls()).filter((call) => call.host === 'api.openai.com');
}

async function createCredential(info: StackInfo): Promise<{ id: string; name: string }> {
	const response = await fetch(`${info.n8nUrl}/api/v1/credentials`, {
		method: 'POST',
		headers: { 'x-n8n-api-key': info.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify({
			name: 'Transcription API',
			type: 'httpHeaderAuth',
			data: { name: 'Authorization', value: 'Bearer sk-sandbox-transcription' },
		}),
	});
	if (!response.ok) throw new Error(`creating the credential answered ${response.status}`);
	const created = (await response.json()) as { id: string; name: string };
	return { id: created.id, name: created.name };
}

describe('voice notes', () => {
	it('switched off, as installed: the polite answer, and the audio goes nowhere', async () => {
		const resident = new Resident(stack(), '6281348000001', 'Pak Harjo');
		const before = (await transcriptionCalls(stack())).length;
		await voiceNote(resident, 'halo saya mau buat surat');
		expect(resident.lastText).toContain(m['unsupported.audio']);
		expect(resident.lastText).not.toContain('Kami dengar');
		expect((await transcriptionCalls(stack())).length).toBe(before);
	});

	it('switched on: transcribed by the configured service, said back, and handled as typed text', async () => {
		const credential = await createCredential(stack());
		const edit = await editInstalledNodes(stack(), (node: InstalledNode) => {
			if (node.name === 'Take Step' && node.type === SERVICE_DESK)
				return {
					...node,
					parameters: {
						...node.parameters,
						catalogSource: 'custom',
						catalogJson: JSON.stringify({ settings: { voiceNotes: true } }),
						catalogMode: 'extend',
					},
				};
			if (node.name === 'Transcribe Voice Note')
				return { ...node, disabled: false, credentials: { httpHeaderAuth: credential } };
			return undefined;
		});
		try {
			expect(Object.values(edit.changed).flat().sort()).toEqual([
				'Take Step',
				'Transcribe Voice Note',
			]);
			const typed = new Resident(stack(), '6281348000002', 'Bu Sri');
			await typed.say('halo');
			const resident = new Resident(stack(), '6281348000003', 'Bu Sri');
			await voiceNote(resident, 'halo');
			const [heard, ...rest] = resident.replies;
			expect(heard.text).toBe(m['voice.heard'].replace('{text}', 'halo'));
			// The same answer as to the typed word.
			expect(said('greeting', rest[0]?.text ?? '')).toBe(true);
			expect(rest.map((r) => r.text)).toEqual(typed.replies.map((r) => r.text));

			const [call] = (await transcriptionCalls(stack())).slice(-1);
			expect(call).toMatchObject({ method: 'POST', path: '/v1/audio/transcriptions', status: 200 });

			// A note the service hears nothing in: asked to say it again or type it.
			await voiceNote(resident, '');
			expect(resident.lastText).toBe(m['voice.unclear']);
		} finally {
			await edit.restore();
		}
	});
});
