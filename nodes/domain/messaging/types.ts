/**
 * The provider-neutral message shapes shared by the WhatsApp nodes and the service desk.
 * The WhatsApp trigger turns every provider's webhook into `InboundMessage`s; the service desk
 * answers with `OutboundReply`s that the WhatsApp action sends with whichever provider is set.
 */

export type InboundType =
	| 'text'
	| 'button_reply'
	| 'list_reply'
	| 'image'
	| 'document'
	| 'audio'
	| 'video'
	| 'sticker'
	| 'location'
	| 'contacts'
	| 'reaction'
	/** An attachment the provider did not pass on (Fonnte packages without media forwarding). */
	| 'media_unavailable'
	| 'unsupported';

export interface InboundMedia {
	/** Provider media id (Meta) — download it with the WhatsApp node's "download media". */
	id?: string;
	/** Direct URL (Fonnte, or the sandbox). */
	url?: string;
	mimeType: string;
	fileName?: string;
	caption?: string;
	sha256?: string;
}

export interface InboundMessage {
	provider: string;
	/** The office's number as the provider names it (Meta: display number; Fonnte: device). */
	businessNumber: string;
	/** Sender's WhatsApp id: E.164 digits without '+', e.g. 6281234567890. */
	from: string;
	/** Sender's profile name, '' when the provider gives none. */
	name: string;
	messageId: string;
	/** ISO 8601. */
	timestamp: string;
	type: InboundType;
	/** Text body, media caption or the chosen reply's title; '' when none. */
	text: string;
	replyId?: string;
	replyTitle?: string;
	media?: InboundMedia;
	location?: { latitude: number; longitude: number; name?: string; address?: string };
}

export interface ReplyButton {
	id: string;
	title: string;
}

export interface ReplyListRow {
	id: string;
	title: string;
	description?: string;
}

export interface ReplyListSection {
	title?: string;
	rows: ReplyListRow[];
}

/** One message to send. Every choice also works when the resident types its number or words. */
export type OutboundReply =
	| { type: 'text'; text: string }
	| { type: 'buttons'; text: string; buttons: ReplyButton[]; header?: string; footer?: string }
	| {
			type: 'list';
			text: string;
			/** Label of the button that opens the list. */
			button: string;
			sections: ReplyListSection[];
			header?: string;
			footer?: string;
	  };

/** Meta's documented limits for interactive messages; senders enforce them, builders respect them. */
export const WHATSAPP_LIMITS = {
	maxButtons: 3,
	buttonTitle: 20,
	maxListRows: 10,
	listButton: 20,
	listRowTitle: 24,
	listRowDescription: 72,
	listSectionTitle: 24,
	interactiveBody: 1024,
	header: 60,
	footer: 60,
	textBody: 4096,
} as const;
