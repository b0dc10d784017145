/**
 * Shapes of the conversation engine: the stored session, the events it emits and the
 * application it submits. Everything here is plain JSON so it survives a Data Table cell.
 */
import type { OutboundReply } from '../messaging/types';

/** A file the resident sent for a required document (downloaded later by the workflow). */
export interface DocumentFile {
	id?: string;
	url?: string;
	mimeType: string;
	fileName?: string;
}

export interface Application {
	ticket: string;
	serviceKey: string;
	serviceTitle: string;
	waId: string;
	name: string;
	/** ISO 8601; for a resubmission, the time of the fix. */
	submittedAt: string;
	/** Field key → value; a records field → array of objects. */
	data: Record<string, unknown>;
	documents: Record<string, DocumentFile[]>;
	letter: { template: string; title: string; classification: string };
}

export type DeskEvent =
	| { type: 'submitted'; application: Application }
	| { type: 'status_requested'; waId: string; name: string; ticket?: string }
	| { type: 'handoff_requested'; waId: string; name: string; text: string }
	| { type: 'cancelled'; waId: string; serviceKey: string }
	| { type: 'resubmitted'; application: Application }
	| { type: 'error'; reason: string };

export type SessionState =
	| 'idle'
	| 'menu'
	| 'services'
	| 'requirements'
	| 'reuse'
	| 'field'
	| 'record_more'
	| 'document'
	| 'summary'
	| 'change'
	| 'handoff_ask'
	| 'handoff';

/**
 * Where the resident is inside a request: `f` = top-level field index, `r` = record index and
 * `s` = sub-field index inside a records field (for `record_more`, `r` = records completed);
 * `d` = document index.
 */
export interface Position {
	f?: number;
	r?: number;
	s?: number;
	d?: number;
}

/** One earlier question, so `kembali` can go back to it. */
export interface BackEntry {
	state: SessionState;
	pos?: Position;
	edit?: string[];
}

export interface Session {
	v: 1;
	waId: string;
	name: string;
	state: SessionState;
	/** ISO time of the last message that was handled. */
	at: string;
	/** Last message ids handled (bounded), so redelivered webhooks do nothing. */
	seen: string[];
	/** Service in progress and whether the resident is requesting it or only reading its requirements. */
	service?: string;
	mode?: 'request' | 'info';
	pos?: Position;
	values: Record<string, unknown>;
	docs: Record<string, DocumentFile[]>;
	/** Remembered fields reused for this request (not asked again). */
	reused?: string[];
	history: BackEntry[];
	/** Items still to re-ask ('f:<field>' / 'd:<document>') after a change or a staff fix. */
	edit?: string[];
	/** Set when a staff "Perbaiki" reopened a submitted application. */
	fix?: { ticket: string };
	handoffUntil?: string;
	/** Identity data (`remember: true` fields) from the last submission. */
	remembered?: Record<string, unknown>;
	lastTicket?: string;
}

export interface StepResult {
	session: Session;
	replies: OutboundReply[];
	events: DeskEvent[];
}
