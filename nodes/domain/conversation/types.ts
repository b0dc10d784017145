/**
 * Shapes of the conversation engine: the stored session, the events it emits and the
 * application it submits. Everything here is plain JSON so it survives a Data Table cell.
 */
import type { InboundMedia, OutboundReply } from '../messaging/types';

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
	letter: { template: string; title: string; classification: string; twoStep?: boolean };
	/** Notes for staff (Indonesian), e.g. a NIK that disagrees with the birth date given. */
	flags?: string[];
}

export type DeskEvent =
	| { type: 'submitted'; application: Application }
	| { type: 'status_requested'; waId: string; name: string; ticket?: string }
	| { type: 'handoff_requested'; waId: string; name: string; text: string }
	| { type: 'cancelled'; waId: string; serviceKey: string }
	| { type: 'resubmitted'; application: Application }
	| {
			type: 'survey_answered';
			ticket: string;
			serviceTitle: string;
			waId: string;
			/** Every score given so far for this ticket (cumulative: upsert one row per ticket). */
			scores: Partial<Record<SurveyElement, number>>;
			suggestion?: string;
			/** The resident went past the last element (answered or skipped it). */
			complete: boolean;
			at: string;
	  }
	| { type: 'complaint_submitted'; complaint: Complaint }
	/** "Kirim ulang surat": list the letters (no `digits`) or check the digits typed (resend.ts). */
	| { type: 'resend_requested'; waId: string; name: string; digits?: string; tries: number }
	/** A KTP photo or a voice note to read off the reply path; the result comes back as a message. */
	| {
			type: 'media_to_read';
			kind: 'ktp' | 'voice';
			waId: string;
			messageId: string;
			media: InboundMedia;
	  }
	| { type: 'error'; reason: string };

/** The nine IKM elements of PermenPANRB 14/2017, in the order they are asked. */
export const SURVEY_ELEMENTS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type SurveyElement = (typeof SURVEY_ELEMENTS)[number];

export interface Complaint {
	ticket: string;
	waId: string;
	name: string;
	text: string;
	photo?: DocumentFile;
	/** ISO 8601. */
	receivedAt: string;
}

/** The states of filling a request in, from reusing remembered fields to changing an answer. */
export const FILLING_STATES = [
	'reuse',
	'field',
	'nik_confirm',
	'ktp_confirm',
	'ktp_fix',
	'record_more',
	'document',
	'summary',
	'change',
] as const;

/** Every state a conversation can be in; a stored session in any other is started afresh. */
export const SESSION_STATES = [
	'idle',
	'menu',
	'services',
	'requirements',
	...FILLING_STATES,
	'handoff_ask',
	'handoff',
	'survey_invite',
	'survey',
	'survey_suggestion',
	'complaint',
	'complaint_photo',
	'complaint_confirm',
	'leave_ask',
	'erase_ask',
	'resend',
] as const;

export type SessionState = (typeof SESSION_STATES)[number];

/**
 * Where the resident is inside a request: `field` = top-level field index, `record` = record
 * index and `subField` = field index inside a records field (for `record_more`, `record` =
 * records completed); `document` = document index; in the survey, `field` = element index.
 */
export interface Position {
	field?: number;
	record?: number;
	subField?: number;
	document?: number;
}

/** An item to re-ask after a change or a staff fix: a field or a document, by key. */
export type EditItem = `field:${string}` | `document:${string}`;

/** One earlier question, so `kembali` can go back to it. */
export interface BackEntry {
	state: SessionState;
	pos?: Position;
	edit?: EditItem[];
}

/** The stored shape's version: 2 since the readable keys; a version-1 session is upgraded on load. */
export const SESSION_VERSION = 2;

export interface Session {
	v: typeof SESSION_VERSION;
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
	/** The KTP photo being read, then its reading waiting for the resident's confirmation (ktpStep.ts). */
	ktp?: KtpDraft;
	/** The confirmed KTP photo fills the KTP document: its question is passed once (flow.ts). */
	ktpPhotoFiled?: boolean;
	/** Fields answered by the NIK (birth date, sex) or a KTP reading, and confirmed, so not asked. */
	derived?: string[];
	history: BackEntry[];
	/** Items still to re-ask after a change or a staff fix, in order. */
	edit?: EditItem[];
	/** Set when a staff "Perbaiki" reopened a submitted application. */
	fix?: { ticket: string };
	handoffUntil?: string;
	/** Identity data (`remember: true` fields) from the last submission. */
	remembered?: Record<string, unknown>;
	/** When `remembered` was stored (ISO): it expires (identity.ts). */
	rememberedAt?: string;
	/** Wrong answers to "the last digits of your NIK" so far (identity.ts). */
	proofTries?: number;
	lastTicket?: string;
	/** The satisfaction survey being offered or answered (`pos.field` = element index). */
	survey?: {
		ticket: string;
		service: string;
		scores: Partial<Record<SurveyElement, number>>;
		suggestion?: string;
		done?: boolean;
	};
	/** An invitation that arrived while the resident was busy: offered at the next main menu. */
	invite?: { ticket: string; service: string; at: string };
	/** Tickets already invited (bounded), so each ticket is invited once. */
	invited?: string[];
	/** The complaint being written (`id` names it in its buttons). */
	complaint?: { id?: string; text?: string; photo?: DocumentFile };
	/** The request draft in progress, named in its buttons so an old tap is recognised. */
	draft?: string;
	/** The draft id already reminded once (conversation/reminder.ts). */
	reminded?: string;
	/** Summaries shown for this draft (bounded): content signature and per-item signatures. */
	shown?: ShownSummary[];
	/** Drafts and complaints already sent (bounded): draft/complaint id → ticket. */
	sent?: SentItem[];
	/** Tickets whose survey was completed (bounded). */
	surveyed?: string[];
	/** In `resend`: the answers to "the last 4 digits of the letter's NIK" so far. */
	resend?: { tries: number };
	/** In `leave_ask`: the tapped id to carry out once the resident agrees to leave the draft. */
	pending?: string;
}

/**
 * A KTP photo sent at the identity questions: `photo` is its message id (only its reading is
 * taken); once read, the answers it gives, not yet used, and `at` the question it was sent at.
 */
export interface KtpDraft {
	photo: string;
	/** The photo as a document file: once the reading is confirmed it is the request's KTP file. */
	file?: DocumentFile;
	at?: number;
	values?: Record<string, unknown>;
	keys?: string[];
	disagreements?: Array<'birthDate' | 'sex'>;
}

/** A summary as it was shown: its content signature and one signature per edit item. */
export interface ShownSummary {
	signature: string;
	items: Partial<Record<EditItem, string>>;
}

/** A draft or complaint that was sent, and the ticket it got. */
export interface SentItem {
	id: string;
	ticket: string;
}

export interface StepResult {
	session: Session;
	replies: OutboundReply[];
	events: DeskEvent[];
}
