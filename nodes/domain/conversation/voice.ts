/**
 * Voice notes, when the office switches them on (catalog setting `voiceNotes`): the note is
 * handed to the workflow to transcribe (a `media_to_read` event), and the transcript comes back as
 * a message of type `voice_text`. The resident sees "Kami dengar: …" and the words go through
 * the same step as typed text. Switched off, a voice note gets today's polite answer (step.ts).
 */
import type { InboundMessage, OutboundReply } from '../messaging/types';
import type { Ctx } from './ctx';
import type { Session } from './types';
import { say, textReply, type Texts } from './texts';

/** The message type the workflow gives a voice note's transcript. */
export const VOICE_TEXT = 'voice_text';

/** Longest transcript said back in full; a longer one is cut in "Kami dengar". */
const HEARD_SHOWN = 300;

/** A voice note to transcribe, off the reply path. */
export function onVoiceNote(ctx: Ctx, session: Session): void {
	ctx.events.push({
		type: 'media_to_read',
		kind: 'voice',
		waId: session.waId,
		messageId: ctx.message.messageId,
		media: ctx.message.media ?? { mimeType: 'audio/ogg' },
	});
}

/**
 * A transcript as the step handles it: typed text with "Kami dengar: …" said first; nothing heard
 * is an unusable message with its own short answer (the resident is asked to type or call).
 */
export function heardVoice(
	texts: Texts,
	message: InboundMessage,
): { type: InboundMessage['type']; text: string; reply: OutboundReply } {
	const text = typeof message.text === 'string' ? message.text.replace(/\s+/g, ' ').trim() : '';
	if (!text)
		return { type: 'unsupported', text: '', reply: textReply(say(texts, 'voice.unclear')) };
	const shown = text.length > HEARD_SHOWN ? `${text.slice(0, HEARD_SHOWN)}…` : text;
	return { type: 'text', text, reply: textReply(say(texts, 'voice.heard', { text: shown })) };
}
