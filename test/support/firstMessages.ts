/**
 * The labelled corpora of first messages (test/fixtures/first-messages.tsv and the held-out
 * first-messages-heldout.tsv) replayed through the real step function from a fresh session: what
 * the engine did (started a service or a complaint, handed over to a person, asked which,
 * answered a question, asked the status, greeted, thanked, or nothing) against the label.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Catalog } from '../../nodes/domain/catalog/types';
import { step } from '../../nodes/domain/conversation';
import { FAQ_TOPICS } from '../../nodes/domain/conversation/recognise';
import { textsFor } from '../../nodes/domain/conversation/texts';

export interface Labelled {
	text: string;
	intent: string;
}

export type Corpus = 'fixture' | 'heldout';

const FILES: Record<Corpus, string> = {
	fixture: 'first-messages.tsv',
	heldout: 'first-messages-heldout.tsv',
};

export function firstMessages(corpus: Corpus = 'fixture'): Labelled[] {
	return readFileSync(join(__dirname, '../fixtures', FILES[corpus]), 'utf8')
		.split('\n')
		.filter((line) => line.trim() && !line.startsWith('#'))
		.map((line) => {
			const [text, intent] = line.split('\t');
			return { text, intent: intent.trim() };
		});
}

/** What the engine did with `text` as the very first message, in the corpus' labels. */
export function outcomeOf(catalog: Catalog, text: string): string {
	const now = new Date('2026-05-05T02:00:00Z');
	const message = {
		provider: 'bench',
		businessNumber: '1',
		from: '6281200000001',
		name: 'Warga',
		messageId: 'first',
		timestamp: now.toISOString(),
		type: 'text' as const,
		text,
	};
	const { session, replies, events } = step(null, message, catalog, now);
	const messages = textsFor(catalog).messages;
	const said = replies.map((r) => r.text);
	const starts = (key: string) => said.some((t) => t.startsWith(messages[key].split('{')[0]));
	if (events.some((e) => e.type === 'status_requested')) return 'status';
	if (session.state === 'requirements' && session.service) return session.service;
	if (session.state.startsWith('complaint')) return 'complaint';
	if (session.state === 'handoff' || session.state === 'handoff_ask') return 'staff';
	if (session.state === 'services' && starts('recognise.which')) {
		const last = replies[replies.length - 1];
		const taps =
			last.type === 'list' ? last.sections[0].rows : last.type === 'buttons' ? last.buttons : [];
		const keys = taps.map((r) => r.id.split('~')[0]);
		return `which:${keys.join('|')}`;
	}
	const topic = FAQ_TOPICS.find((t) => starts(`faq.${t}`));
	if (topic) return `faq:${topic}`;
	if (starts('thanks.reply')) return 'thanks';
	if (starts('greeting') || starts('greeting.noname') || starts('salam.reply')) return 'greeting';
	return 'chatter';
}

export interface Score {
	total: number;
	right: number;
	/**
	 * Messages not asking for a service (questions, chatter…) and how many started one anyway, or
	 * a complaint or a hand-off they did not ask for.
	 */
	notService: number;
	wronglyStarted: number;
	misses: Array<Labelled & { got: string }>;
}

/** Outcomes besides a service that start something the resident did not ask for, if wrong. */
const STARTS = new Set(['complaint', 'staff']);

export function score(catalog: Catalog, corpus = firstMessages()): Score {
	const services = new Set(catalog.services.map((s) => s.key));
	const result: Score = { total: 0, right: 0, notService: 0, wronglyStarted: 0, misses: [] };
	for (const item of corpus) {
		const got = outcomeOf(catalog, item.text);
		result.total++;
		// Chatter is handled right when nothing starts: a greeting or a thank-you is fine.
		const right =
			sameOutcome(got, item.intent) ||
			(item.intent === 'chatter' && (got === 'greeting' || got === 'thanks'));
		if (right) result.right++;
		else result.misses.push({ ...item, got });
		if (!services.has(item.intent)) {
			result.notService++;
			// A service, a complaint or a hand-off started for a message that asked for none of them.
			if (got !== item.intent && (services.has(got) || STARTS.has(got))) result.wronglyStarted++;
		}
	}
	return result;
}

/** Equal labels; "which:a|b" equals "which:b|a" (the order of the offered services is the catalog's). */
function sameOutcome(got: string, intent: string): boolean {
	if (got === intent) return true;
	if (!got.startsWith('which:') || !intent.startsWith('which:')) return false;
	const keys = (label: string) => label.slice(6).split('|').sort().join('|');
	return keys(got) === keys(intent);
}
