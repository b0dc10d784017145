/**
 * One resident of the load run: a whole request scripted in advance with the pure conversation
 * engine (the intake runs the same engine, so the live session follows the script), then played
 * against the sandbox: each message waits for the one before, except three photos sent in the
 * same second, and status questions after the ticket.
 */
import { defaultCatalog } from '../../nodes/domain/catalog';
import { step, type Session } from '../../nodes/domain/conversation';
import { currentField } from '../../nodes/domain/conversation/flow';
import type { InboundMessage } from '../../nodes/domain/messaging/types';
import { defaultAnswer } from '../../test/e2e/support/resident';
import type { Body, Channel } from './channel';
import { tally } from './progress';

export const catalog = defaultCatalog();

/** What the sandbox's resident API takes: { text } | { reply } | { image }. */
export type Turn = { burst: Body[] } | { one: Body };

const photo = (label: string): Body => ({
	image: {
		fileName: `${label}.jpg`,
		mimeType: 'image/jpeg',
		dataBase64: Buffer.from(`foto ${label}`).toString('base64'),
	},
});

/** From "halo" to the ticket for `serviceKey`; the first document step gets three photos at once. */
export function requestScript(serviceKey: string, waId: string): Turn[] {
	const service = catalog.services.find((s) => s.key === serviceKey)!;
	const turns: Turn[] = [];
	let session: Session | null = null;
	let count = 0;
	const apply = (body: Body) => {
		const message = {
			provider: 'meta',
			businessNumber: '1',
			from: waId,
			name: 'Warga',
			messageId: `script-${count++}`,
			timestamp: '',
			type: body.image ? 'image' : body.reply ? 'list_reply' : 'text',
			text: (body.text as string) ?? '',
			...(body.reply ? { replyId: (body.reply as { id: string }).id } : {}),
			...(body.image ? { media: { id: `m${count}`, mimeType: 'image/jpeg' } } : {}),
		} as InboundMessage;
		session = step(session, message, catalog, new Date()).session;
	};
	const one = (body: Body) => {
		apply(body);
		turns.push({ one: body });
	};
	let burstSent = false;
	one({ text: 'halo' });
	one({ reply: { id: 'menu:request', title: 'Ajukan surat' } });
	one({ reply: { id: service.key, title: service.title } });
	one({ reply: { id: 'continue', title: 'Lanjut' } });
	for (let guard = 0; guard < 400 && session!.state !== 'summary'; guard++) {
		const s: Session = session!;
		if (s.state === 'field') one({ text: defaultAnswer(currentField(service, s)!.field) });
		else if (s.state === 'record_more') one({ text: 'selesai' });
		// The birth date and sex read from the NIK: one tap (#15).
		else if (s.state === 'nik_confirm') one({ text: catalog.messages['button.nik.yes'] });
		else if (s.state === 'document') {
			const d = s.pos!.document;
			const allowsTwo = (service.documents[d!]?.max ?? 1) >= 2;
			if (!burstSent && allowsTwo) {
				const burst = ['a', 'b', 'c'].map((x) => photo(`${waId}-${x}`));
				burst.forEach(apply);
				turns.push({ burst });
				burstSent = true;
			} else one(photo(`${waId}-${count}`));
			if (session!.state === 'document') one({ text: 'selesai' });
		} else one({ text: 'selesai' });
	}
	// A conversation the script cannot finish would be measured as ~400 wrong answers: stop.
	if (session!.state !== 'summary')
		throw new Error(`load script for ${serviceKey} stuck at state "${session!.state}"`);
	one({ text: 'kirim' });
	return turns;
}

export const imagesIn = (turns: Turn[]) =>
	turns.reduce((n, t) => n + ('burst' in t ? t.burst.length : t.one.image ? 1 : 0), 0);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `check` gives a value or the deadline passes (then undefined). The pause grows from
 * 100 ms to 1 s: fifty residents polling every 100 ms were 500 requests a second to the sandbox,
 * which runs in this process on the same two cores as n8n. Latencies are not affected: they are
 * read from the sandbox's timestamps, not from when a poll saw the reply.
 */
export async function poll<T>(check: () => Promise<T | undefined>, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	for (let wait = 100; ; wait = Math.min(1000, wait * 1.5)) {
		const value = await check();
		if (value !== undefined || Date.now() > deadline) return value;
		await pause(wait);
	}
}

/** Sends one message; resolves with the reply latency (ms) or undefined if no reply came. */
export async function sendTimed(
	channel: Channel,
	waId: string,
	body: Body,
): Promise<number | undefined> {
	const before = (await channel.chat(waId)).length;
	const t0 = Date.now();
	const sent = await channel.send(waId, { name: 'Warga', ...body });
	tally.sent++;
	if (sent.webhookStatus !== 200)
		await poll(async () => ((await channel.delivered(sent.messageId)) ? true : undefined), 180000);
	const reply = await poll(async () => {
		const out = (await channel.chat(waId)).slice(before).find((m) => m.direction === 'out');
		return out ? Date.parse(out.at) : undefined;
	}, 60000);
	if (reply === undefined) tally.noReply++;
	else tally.replied++;
	return reply === undefined ? undefined : Math.max(0, reply - t0);
}

/**
 * Plays the script; returns reply latencies of the single messages. `typingMs`: how long the
 * resident reads the reply and types before the next message (0: at once, the hardest case).
 */
export async function playScript(
	channel: Channel,
	waId: string,
	turns: Turn[],
	typingMs = 0,
): Promise<number[]> {
	const latencies: number[] = [];
	for (const [index, turn] of turns.entries()) {
		if (index > 0 && typingMs > 0) await pause(typingMs);
		if ('one' in turn) {
			const ms = await sendTimed(channel, waId, turn.one);
			if (ms !== undefined) latencies.push(ms);
			continue;
		}
		const sent = await Promise.all(
			turn.burst.map((b) => channel.send(waId, { name: 'Warga', ...b })),
		);
		tally.sent += sent.length;
		for (const s of sent.filter((x) => x.webhookStatus !== 200))
			await poll(async () => ((await channel.delivered(s.messageId)) ? true : undefined), 180000);
	}
	tally.finished++;
	return latencies;
}
