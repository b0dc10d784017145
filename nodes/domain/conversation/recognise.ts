/**
 * What a typed message is about, from the catalog's words: a service (named by its title or
 * `names`, else hinted by its `keywords`), a question people ask first
 * (`faq.<topic>.words`), the status, a complaint, a request for a person, a greeting or thanks.
 * No model: whole-word phrase matches after everyday abbreviations and Javanese words are
 * spelled out in Indonesian (`recognise.spell`), plus one-letter typos in longer words.
 */
import type { Catalog, ResolvedService } from '../catalog/types';
import { editDistance } from '../validation';
import { normalize, wordsOf, type Texts } from './texts';

export const FAQ_TOPICS = ['cost', 'duration', 'hours', 'address', 'bring'] as const;
export type FaqTopic = (typeof FAQ_TOPICS)[number];

export interface Recognised {
	/** Services that fit best (more than one: ask which). */
	services: string[];
	topic?: FaqTopic;
	status: boolean;
	/** Asks for a letter again (`recognise.resend.words`). */
	resend: boolean;
	/** Asks for a person (`recognise.staff.words`). */
	staff: boolean;
	/** Says it is a complaint (`recognise.complaint.words`). */
	complaint: boolean;
	/** Describes a problem (`recognise.complaint.hint.words`): a complaint when no service is named. */
	complaintHint: boolean;
	/** A service was named (title or `names`), not only hinted. */
	named: boolean;
	salam: boolean;
	greeting: boolean;
	thanks: boolean;
}

interface Phrase {
	words: string[];
	/** A name of the service (title, `names`) rather than a hint (`keywords`). */
	strong: boolean;
}

const cache = new WeakMap<Catalog, Map<string, Phrase[]>>();

/** Lower case words, punctuation gone, everyday abbreviations spelled out (`message.spell`). */
export function words(texts: Texts, text: string): string[] {
	const spell = spelling(texts);
	return normalize(text)
		.replace(/[^\p{L}\p{N}\s]/gu, ' ')
		.split(/\s+/)
		.filter(Boolean)
		.flatMap((w) => (spell.get(w) ?? w).split(' '));
}

const spellCache = new WeakMap<Texts, Map<string, string>>();
function spelling(texts: Texts): Map<string, string> {
	let map = spellCache.get(texts);
	if (!map) {
		map = new Map();
		for (const pair of (texts.messages['recognise.spell'] ?? '').split('|')) {
			const [from, to] = pair.split('=').map((x) => x?.trim().toLowerCase());
			if (from && to) map.set(from, to);
		}
		spellCache.set(texts, map);
	}
	return map;
}

function phrasesOf(catalog: Catalog, texts: Texts): Map<string, Phrase[]> {
	let all = cache.get(catalog);
	if (!all) {
		all = new Map();
		for (const service of catalog.services) all.set(service.key, servicePhrases(texts, service));
		cache.set(catalog, all);
	}
	return all;
}

function servicePhrases(texts: Texts, service: ResolvedService): Phrase[] {
	const list = (x: unknown) => (Array.isArray(x) ? x.filter((w) => typeof w === 'string') : []);
	const names = [service.title, ...list(service.names)];
	const phrase = (text: string, strong: boolean): Phrase | undefined => {
		const w = words(texts, text);
		return w.length ? { words: w, strong } : undefined;
	};
	return [
		...names.map((n) => phrase(n, true)),
		...list(service.keywords).map((k) => phrase(k, false)),
	].filter((p): p is Phrase => !!p);
}

const knownCache = new WeakMap<Texts, Set<string>>();

/**
 * Every word of the recognition lists (`*.words`) and of the spelled-out abbreviations: a word
 * the lists know is never read as a typo of another ("pengajuan" is not "pengaduan").
 */
function knownWords(texts: Texts): Set<string> {
	let known = knownCache.get(texts);
	if (!known) {
		known = new Set(spelling(texts).values());
		for (const [key, value] of Object.entries(texts.messages))
			if (key.endsWith('.words'))
				for (const word of normalize(value).split(/[^\p{L}\p{N}]+/u)) if (word) known.add(word);
		known = new Set([...known].flatMap((w) => w.split(' ')));
		knownCache.set(texts, known);
	}
	return known;
}

/** The phrase's words in a row in the message; single long unknown words also with one typo. */
function contains(message: string[], phrase: string[], known: Set<string>): boolean {
	outer: for (let i = 0; i + phrase.length <= message.length; i++) {
		for (let j = 0; j < phrase.length; j++) {
			const a = message[i + j];
			const b = phrase[j];
			const typo = b.length >= 6 && a.length >= 6 && !known.has(a) && editDistance(a, b, 1) <= 1;
			if (a !== b && !typo) continue outer;
		}
		return true;
	}
	return false;
}

const listCache = new WeakMap<Texts, Map<string, string[][]>>();

function hasAny(texts: Texts, key: string, message: string[]): boolean {
	let lists = listCache.get(texts);
	if (!lists) listCache.set(texts, (lists = new Map()));
	let phrases = lists.get(key);
	if (!phrases) {
		phrases = [...wordsOf(texts, key)].map((p) => words(texts, p)).filter((p) => p.length);
		lists.set(key, phrases);
	}
	const known = knownWords(texts);
	return phrases.some((phrase) => contains(message, phrase, known));
}

/** Whether the message holds one of the phrases listed under a messages key. */
export function mentions(texts: Texts, key: string, text: string): boolean {
	return hasAny(texts, key, words(texts, text));
}

export function recognise(catalog: Catalog, texts: Texts, text: string): Recognised {
	const message = words(texts, text);
	const known = knownWords(texts);
	// A service named (title, `names`) fits; several named → ask which. Only when none is named
	// do the hint words (`keywords`) decide, summed, the single best one winning.
	const named: string[] = [];
	const hinted: Array<{ key: string; score: number; phrases: number }> = [];
	for (const [key, phrases] of phrasesOf(catalog, texts)) {
		let hints = 0;
		let hintPhrases = 0;
		for (const phrase of phrases) {
			if (!contains(message, phrase.words, known)) continue;
			if (phrase.strong) {
				if (!named.includes(key)) named.push(key);
			} else {
				hints += phrase.words.length;
				hintPhrases++;
			}
		}
		if (hints > 0) hinted.push({ key, score: hints, phrases: hintPhrases });
	}
	const veto = hasAny(texts, 'recognise.not_service.words', message);
	const best = Math.max(0, ...hinted.map((s) => s.score));
	// One service named while another is hinted at by two hint words or more ("pns … pensiun …
	// warisan"): the message fits both, so ask which.
	const alongside = hinted.filter(
		(s) => s.phrases >= 2 && s.score === best && !named.includes(s.key),
	);
	const services = veto
		? []
		: named.length === 1 && alongside.length === 1
			? orderedKeys(catalog, [...named, alongside[0].key])
			: named.length > 0
				? named
				: hinted.filter((s) => s.score === best).map((s) => s.key);
	const topic = FAQ_TOPICS.find((t) => hasAny(texts, `faq.${t}.words`, message));
	return {
		services,
		...(topic ? { topic } : {}),
		status: hasAny(texts, 'recognise.status.words', message),
		resend: hasAny(texts, 'recognise.resend.words', message),
		staff: hasAny(texts, 'recognise.staff.words', message),
		complaint: hasAny(texts, 'recognise.complaint.words', message),
		complaintHint: hasAny(texts, 'recognise.complaint.hint.words', message),
		named: !veto && named.length > 0,
		salam: hasAny(texts, 'recognise.salam.words', message),
		greeting: hasAny(texts, 'recognise.greeting.words', message),
		thanks: hasAny(texts, 'recognise.thanks.words', message),
	};
}

function orderedKeys(catalog: Catalog, keys: string[]): string[] {
	return catalog.services.map((s) => s.key).filter((key) => keys.includes(key));
}

/** What the engine does with a free-text message outside a request (one decision for all callers). */
export type Intent =
	| { kind: 'staff' }
	| { kind: 'complaint' }
	| { kind: 'status' }
	| { kind: 'resend' }
	| { kind: 'faq'; topic: FaqTopic }
	| { kind: 'service'; key: string }
	| { kind: 'which'; keys: string[] }
	| { kind: 'thanks' }
	| { kind: 'greeting'; salam: boolean }
	| { kind: 'none' };

/**
 * A person asked for comes first, then a complaint said as such, a letter asked again; the status and first questions
 * next; then a service named; a described problem ("lampu jalan mati") outweighs services only
 * hinted at.
 */
export function intentOf(r: Recognised): Intent {
	if (r.staff) return { kind: 'staff' };
	if (r.complaint) return { kind: 'complaint' };
	if (r.resend) return { kind: 'resend' };
	if (r.status) return { kind: 'status' };
	if (r.topic) return { kind: 'faq', topic: r.topic };
	if (r.complaintHint && !r.named) return { kind: 'complaint' };
	if (r.services.length === 1) return { kind: 'service', key: r.services[0] };
	if (r.services.length > 1) return { kind: 'which', keys: r.services };
	if (r.thanks) return { kind: 'thanks' };
	if (r.greeting || r.salam) return { kind: 'greeting', salam: r.salam };
	return { kind: 'none' };
}
