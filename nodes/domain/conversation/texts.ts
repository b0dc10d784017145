/**
 * Texts and choices: every chat text comes from the catalog's messages (defaults in
 * templates/messages.json), command words included, and every reply is cut to WhatsApp's limits.
 */
import type { Catalog, Messages } from '../catalog/types';
import { renderMessage } from '../catalog';
import type { OutboundReply, ReplyButton, ReplyListRow } from '../messaging/types';
import { WHATSAPP_LIMITS as L } from '../messaging/types';
import { clipUnits, dropLoneSurrogates } from '../messaging/unicode';
import defaultMessages from '../../../templates/messages.json';

export type Command = 'menu' | 'cancel' | 'help' | 'back' | 'staff';
const COMMANDS: Command[] = ['menu', 'cancel', 'help', 'back', 'staff'];

/** Per-catalog compiled texts, cached so a step does no parsing. */
export interface Texts {
	messages: Messages;
	commands: Map<string, Command>;
	words: Map<string, Set<string>>;
}

const cache = new WeakMap<Catalog, Texts>();

export function textsFor(catalog: Catalog): Texts {
	let texts = cache.get(catalog);
	if (!texts) {
		const messages: Messages = { ...(defaultMessages as Messages), ...(catalog.messages ?? {}) };
		const commands = new Map<string, Command>();
		for (const command of COMMANDS) {
			for (const word of splitWords(messages[`command.${command}`])) {
				if (!commands.has(word)) commands.set(word, command);
			}
		}
		texts = { messages, commands, words: new Map() };
		cache.set(catalog, texts);
	}
	return texts;
}

export function say(texts: Texts, key: string, params?: Record<string, string | number>): string {
	return renderMessage(texts.messages, key, params);
}

/** Lower case, no accents, no surrounding punctuation, single spaces. */
export function normalize(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[*_~"'`.,!;:]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

function splitWords(list: string | undefined): string[] {
	return (list ?? '')
		.split('|')
		.map((w) => normalize(w) || w.trim())
		.filter(Boolean);
}

/** The words of a `|`-separated message (`command.skip`, `button.add.words`), cached. */
export function wordsOf(texts: Texts, key: string): Set<string> {
	let set = texts.words.get(key);
	if (!set) {
		set = new Set(splitWords(texts.messages[key]));
		texts.words.set(key, set);
	}
	return set;
}

export function commandOf(texts: Texts, text: string): Command | undefined {
	return texts.commands.get(normalize(text) || text.trim());
}

export function isWord(texts: Texts, key: string, text: string): boolean {
	return wordsOf(texts, key).has(normalize(text) || text.trim());
}

/** One of the words under `key`, typed alone or with yes and filler words around it ("udah pak"). */
export function isWordAmongFillers(texts: Texts, key: string, text: string): boolean {
	return isWord(texts, key, text) || wordsOf(texts, key).has(withoutFillers(texts, text));
}

/** A choice the resident can make by button id, number, title or one of its words. */
export interface Choice {
	id: string;
	title: string;
	/** Messages key listing more words for it. */
	wordsKey?: string;
	words?: string[];
	/** This choice is what a typed yes ("iya boleh") or no ("nanti aja") means. */
	answer?: 'yes' | 'no';
}

export function matchChoice(
	texts: Texts,
	choices: Choice[],
	input: { replyId?: string; text: string },
): Choice | undefined {
	if (input.replyId) {
		const byId = choices.find((c) => c.id === input.replyId);
		if (byId) return byId;
	}
	const typed = normalize(input.text);
	if (!typed) return undefined;
	if (/^\d{1,3}$/.test(typed)) return choices[Number(typed) - 1];
	for (const choice of choices) {
		if (normalize(choice.title) === typed || choice.id === typed) return choice;
		if (choice.words?.some((w) => normalize(w) === typed)) return choice;
	}
	for (const choice of choices) {
		if (choice.wordsKey && wordsOf(texts, choice.wordsKey).has(typed)) return choice;
	}
	const answer = yesNo(texts, typed);
	if (answer) return choices.find((c) => c.answer === answer);
	return titledAmongFillers(texts, choices, typed);
}

/**
 * "ya kirim", "kirim aja", "oke batal saja": the words of one choice's title with only yes and
 * filler words around them. A no word ("tidak kirim") or any other word matches nothing.
 */
function titledAmongFillers(texts: Texts, choices: Choice[], typed: string): Choice | undefined {
	const words = withoutFillers(texts, typed).split(' ').filter(Boolean);
	if (words.length === 0) return undefined;
	const fits = choices.filter((choice) => {
		const title = normalize(choice.title).split(' ');
		return words.every((word) => title.includes(word));
	});
	return fits.length === 1 ? fits[0] : undefined;
}

/**
 * A typed yes or no as people write it ("ya, boleh", "iya mau", "boleh kak", "nanti aja",
 * "tidak usah"): every word is a yes word, a no word or a filler, and a no word wins
 * ("tidak mau"). Anything else ("ya saya mau tanya status") is neither.
 */
export function yesNo(texts: Texts, text: string): 'yes' | 'no' | undefined {
	// Emoji and other symbols ("iya 🙏") say nothing either way.
	const words = normalize(text)
		.replace(/[^\p{L}\p{N}\s-]/gu, ' ')
		.split(/[\s-]+/)
		.filter(Boolean);
	if (words.length === 0) return undefined;
	const yes = wordsOf(texts, 'answer.yes.words');
	const no = wordsOf(texts, 'answer.no.words');
	const filler = wordsOf(texts, 'answer.filler.words');
	let sawYes = false;
	let sawNo = false;
	for (const word of words) {
		if (no.has(word)) sawNo = true;
		else if (yes.has(word)) sawYes = true;
		else if (!filler.has(word)) return undefined;
	}
	return sawNo ? 'no' : sawYes ? 'yes' : undefined;
}

/** What is typed once the yes and filler words around it are gone ("iya kak, sudah benar 🙏" → "sudah benar"). */
export function withoutFillers(texts: Texts, text: string): string {
	const around = new Set([
		...wordsOf(texts, 'answer.yes.words'),
		...wordsOf(texts, 'answer.filler.words'),
	]);
	return normalize(text)
		.replace(/[^\p{L}\p{N}\s]/gu, ' ')
		.split(/\s+/)
		.filter((word) => word && !around.has(word))
		.join(' ');
}

export function cut(text: string, max: number): string {
	return text.length <= max ? text : `${clipUnits(text, max - 1)}…`;
}

export function textReply(text: string): OutboundReply {
	return { type: 'text', text: cut(dropLoneSurrogates(text), L.textBody) };
}

/** Buttons when ≤ 3 choices, else a list when ≤ 10, else the numbered text. */
export function choiceReply(
	body: string,
	choices: Array<{ id: string; title: string; description?: string }>,
	listButton: string,
	numbered: () => string,
): OutboundReply {
	if (choices.length > 0 && choices.length <= L.maxButtons) {
		return buttonsReply(body, choices);
	}
	if (choices.length > 0 && choices.length <= L.maxListRows) {
		return listReply(body, listButton, choices);
	}
	return textReply(numbered());
}

export function buttonsReply(body: string, buttons: ReplyButton[]): OutboundReply {
	return {
		type: 'buttons',
		text: cut(body, L.interactiveBody),
		buttons: buttons
			.slice(0, L.maxButtons)
			.map((b) => ({ id: cut(b.id, 256), title: cut(b.title, L.buttonTitle) })),
	};
}

export function listReply(
	body: string,
	button: string,
	rows: ReplyListRow[],
	sectionTitle?: string,
): OutboundReply {
	return {
		type: 'list',
		text: cut(body, L.interactiveBody),
		button: cut(button, L.listButton),
		sections: [
			{
				...(sectionTitle ? { title: cut(sectionTitle, L.listSectionTitle) } : {}),
				rows: rows.slice(0, L.maxListRows).map((r) => ({
					id: cut(r.id, 200),
					title: cut(r.title, L.listRowTitle),
					...(r.description ? { description: cut(r.description, L.listRowDescription) } : {}),
				})),
			},
		],
	};
}
