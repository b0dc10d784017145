/** The one interface both providers implement; operations only talk to this. */
import type { OutboundReply } from '../../domain/messaging/types';
import type { TemplateDefinition } from '../../domain/messaging/templates';
import type { Provider } from '../transport';

export interface OutgoingFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

export interface MediaSource {
	file?: OutgoingFile;
	url?: string;
	/** A media id from an earlier upload (Meta). */
	id?: string;
}

export interface SendOutcome {
	messageIds: string[];
	/** Set when an interactive reply went out as numbered text. */
	fallback?: 'numberedText';
}

/** A media header: uploaded from a file, an already uploaded media id, or a public link. */
export interface TemplateHeader {
	kind: 'text' | 'image' | 'document';
	text?: string;
	media?: MediaSource;
	fileName?: string;
}

export interface TemplateButton {
	kind: 'quickReply' | 'url';
	/** Position of the button in the template, from 0. */
	index: number;
	/** The quick reply's payload, or the URL button's variable suffix. */
	value: string;
}

export interface TemplateMessage {
	name: string;
	language: string;
	bodyParameters: string[];
	header?: TemplateHeader;
	buttons?: TemplateButton[];
}

export interface DownloadedMedia {
	data: Buffer;
	mimeType: string;
	fileName?: string;
}

export interface DownloadLimits {
	/**
	 * Comma-separated hosts, reached over https on port 443; an entry written `https://host:port`
	 * allows that port, one written `http://host:port` that origin over http.
	 */
	allowedHosts: string;
	maxBytes: number;
	timeoutMs: number;
}

export interface Gateway {
	readonly provider: Provider;
	sendText(to: string, text: string): Promise<SendOutcome>;
	sendReply(to: string, reply: OutboundReply): Promise<SendOutcome>;
	sendMedia(
		to: string,
		kind: 'document' | 'image',
		source: MediaSource,
		options: { fileName?: string; caption?: string },
	): Promise<SendOutcome>;
	downloadMedia(
		ref: { id?: string; url?: string },
		limits: DownloadLimits,
	): Promise<DownloadedMedia>;
	markRead(messageId: string): Promise<{ read: boolean; note?: string }>;
	/** An approved message template (Meta); Fonnte sends its wording as text. */
	sendTemplate(to: string, message: TemplateMessage): Promise<SendOutcome>;
	/** Uploads a file once, so a retry or a template fallback reuses it (Meta media id). */
	prepareMedia(source: MediaSource, kind: 'document' | 'image'): Promise<MediaSource>;
	/** `POST /{waba-id}/message_templates` (Meta only). */
	createTemplate?(definition: TemplateDefinition): Promise<Record<string, unknown>>;
}
