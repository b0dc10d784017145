import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Spreadsheet } from './sheets-model';

export interface ChatButton {
	id: string;
	title: string;
}

export interface ChatList {
	button: string;
	sections: Array<{
		title?: string;
		rows: Array<{ id: string; title: string; description?: string }>;
	}>;
}

/** One message in a resident's chat, as the page shows it and `GET /api/residents/{waId}/messages` returns it. */
export interface ChatMessage {
	id: string;
	direction: 'in' | 'out';
	type: string;
	text: string;
	header?: string;
	footer?: string;
	buttons?: ChatButton[];
	list?: ChatList;
	document?: {
		fileName: string;
		url: string;
		caption?: string;
		/** A signed PDF: who signed it and whether the signature still matches (the page shows it). */
		signature?: DocumentSignature;
	};
	image?: { url: string; caption?: string; mimeType?: string };
	reply?: { id: string; title: string };
	/** ISO 8601 */
	at: string;
	/** A template message: its name (the page shows it as WhatsApp shows templates). */
	template?: string;
	/** Set on inbound messages once n8n marks them read. */
	read?: boolean;
}

/** What the page says under a signed PDF (letter-signature.ts reads it). */
export interface DocumentSignature {
	signedBy: string;
	/** ISO 8601 */
	signedAt?: string;
	intact: boolean;
}

export interface StoredFile {
	id: string;
	name: string;
	mimeType: string;
	/** base64, so the whole state serialises as JSON. */
	dataBase64: string;
	sha256: string;
	size: number;
	createdTime: string;
	/** Drive only */
	parents?: string[];
	/** Drive only: in the trash (still there, listed only when asked for). */
	trashed?: boolean;
	/** Meta media, a Drive file, or an attachment Fonnte serves by URL. */
	kind: 'meta-media' | 'drive' | 'fonnte-media';
}

export interface CallRecord {
	at: string;
	host: string;
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
	bodySummary: string;
}

/** A message template as the sandbox's Meta keeps it (created through the Graph API). */
export interface SandboxTemplate {
	id: string;
	name: string;
	language: string;
	category: string;
	status: string;
	components: unknown[];
}

export interface StateData {
	chats: Record<string, ChatMessage[]>;
	/** ISO time of each resident's last message: Meta's 24-hour window. */
	lastInbound: Record<string, string>;
	templates: Record<string, SandboxTemplate>;
	names: Record<string, string>;
	files: Record<string, StoredFile>;
	spreadsheets: Record<string, Spreadsheet>;
	calls: CallRecord[];
}

export type ChangeEvent =
	| { kind: 'chat'; waId: string }
	| { kind: 'sheet'; spreadsheetId: string }
	| { kind: 'calls' }
	| { kind: 'reset' };

/** Calls are a debugging aid; the oldest are dropped past this so a long session stays small. */
const MAX_CALLS = 2000;

/** Everything the sandbox remembers, with change events for the page and an optional state file. */
export class SandboxState extends EventEmitter {
	data: StateData = {
		chats: {},
		lastInbound: {},
		templates: {},
		names: {},
		files: {},
		spreadsheets: {},
		calls: [],
	};
	private saveTimer: NodeJS.Timeout | undefined;
	private readonly file: string | undefined;

	constructor(stateDir: string, persist: boolean) {
		super();
		this.file = persist ? join(stateDir, 'state.json') : undefined;
		if (this.file && existsSync(this.file)) {
			try {
				this.data = { ...this.data, ...(JSON.parse(readFileSync(this.file, 'utf8')) as StateData) };
			} catch (error) {
				console.warn(
					`[sandbox] ignoring unreadable state file ${this.file}: ${(error as Error).message}`,
				);
			}
		}
		if (this.file) mkdirSync(stateDir, { recursive: true });
	}

	changed(event: ChangeEvent): void {
		if (event.kind === 'sheet') {
			// As Drive does for a Google Sheet: every write moves the file's version on.
			const sheet = this.data.spreadsheets[event.spreadsheetId];
			if (sheet) {
				sheet.version = (sheet.version ?? 1) + 1;
				sheet.modifiedTime = new Date().toISOString();
			}
		}
		this.emit('change', event);
		if (this.file && !this.saveTimer) {
			// Debounced: a burst of sheet writes is saved once.
			this.saveTimer = setTimeout(() => this.flush(), 200);
		}
	}

	flush(): void {
		if (this.saveTimer) clearTimeout(this.saveTimer);
		this.saveTimer = undefined;
		if (this.file) writeFileSync(this.file, JSON.stringify(this.data));
	}

	addMessage(waId: string, message: ChatMessage): void {
		(this.data.chats[waId] ??= []).push(message);
		if (message.direction === 'in') this.data.lastInbound[waId] = message.at;
		this.changed({ kind: 'chat', waId });
	}

	findMessage(id: string): { waId: string; message: ChatMessage } | undefined {
		for (const [waId, messages] of Object.entries(this.data.chats)) {
			const message = messages.find((m) => m.id === id);
			if (message) return { waId, message };
		}
		return undefined;
	}

	addFile(file: StoredFile): void {
		this.data.files[file.id] = file;
		if (this.file) this.changed({ kind: 'calls' });
	}

	addCall(call: CallRecord): void {
		this.data.calls.push(call);
		if (this.data.calls.length > MAX_CALLS)
			this.data.calls.splice(0, this.data.calls.length - MAX_CALLS);
		this.changed({ kind: 'calls' });
	}
}
