/**
 * Fonnte webhooks → normalized messages and statuses. Fonnte posts one JSON object per incoming
 * chat (device, sender, message, name, … and url/filename/extension for attachments on the
 * "all feature" package) and, on the status webhook, one object per update (device, id, stateid,
 * status, state). On other packages an attachment arrives with its caption alone, or empty: an
 * empty message is read as an attachment Fonnte did not pass on. Pure functions; the trigger
 * checks the shared secret first.
 */
import { createHash, timingSafeEqual } from 'crypto';

import type { InboundMessage, InboundType } from '../../../domain/messaging/types';
import { mimeFromExtension } from '../../../domain/messaging/media';
import { toWhatsAppId } from '../../../domain/validation/phone';
import { isObject, isoFromUnixSeconds, str } from '../../../domain/values';
import { WebhookPayloadError } from '../payloadError';
import { senderRefusal } from '../senderRefusal';
import type { ParsedWebhook } from '../meta/metaWebhook';

export const FONNTE_PROVIDER = 'fonnte';

/** Constant-time comparison of the secret the request carries with the configured one. */
export function verifyFonnteSecret(given: unknown, expected: string): boolean {
	if (!expected || typeof given !== 'string' || !given) return false;
	// Hash both so lengths match and the secret's length does not leak through timing.
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

function kindFromExtension(ext: string): InboundType {
	const mime = mimeFromExtension(ext);
	if (mime === 'image/webp') return 'sticker';
	if (mime.startsWith('image/')) return 'image';
	if (mime.startsWith('audio/')) return 'audio';
	if (mime.startsWith('video/')) return 'video';
	return 'document';
}

/** Parses one Fonnte webhook body (already JSON-decoded). Throws WebhookPayloadError. */
export function parseFonnteWebhook(body: unknown, now: Date = new Date()): ParsedWebhook {
	if (!isObject(body)) throw new WebhookPayloadError('Body is not a JSON object');
	const out: ParsedWebhook = { messages: [], statuses: [], skipped: [], refused: [] };
	const businessNumber = toWhatsAppId(str(body.device)) ?? str(body.device);

	if (!('sender' in body) && ('state' in body || 'status' in body) && 'id' in body) {
		out.statuses.push({
			kind: 'status',
			provider: FONNTE_PROVIDER,
			businessNumber,
			messageId: str(body.id),
			recipient: '',
			status: str(body.state) || str(body.status),
			timestamp: now.toISOString(),
			errors: [],
		});
		return out;
	}

	const sender = str(body.sender);
	if (!sender)
		throw new WebhookPayloadError('Neither a message ("sender") nor a status ("id", "state")');
	if (str(body.member) || sender.includes('@g.us')) {
		out.skipped.push('a group message (the office answers residents one to one)');
		return out;
	}

	// Only a phone number names a resident: "x1y2" is not resident 12, nor is "" everyone's.
	const from = toWhatsAppId(sender);
	if (!from) {
		out.refused.push(senderRefusal(sender));
		return out;
	}

	const text = str(body.message);
	const msg: InboundMessage = {
		provider: FONNTE_PROVIDER,
		businessNumber,
		from,
		name: str(body.name),
		messageId: str(body.inboxid) || str(body.id) || syntheticId(body),
		timestamp: isoFromUnixSeconds(body.timestamp, now),
		type: 'text',
		text,
	};

	const url = str(body.url);
	const location = str(body.location);
	const buttonText = str(body.text);
	if (url) {
		const ext = str(body.extension) || (url.split('?')[0].split('.').pop() ?? '');
		msg.type = kindFromExtension(ext);
		msg.media = { url, mimeType: mimeFromExtension(ext) || 'application/octet-stream' };
		const fileName = str(body.filename);
		if (fileName)
			msg.media.fileName = ext && !fileName.includes('.') ? `${fileName}.${ext}` : fileName;
		if (text) msg.media.caption = text;
	} else if (location) {
		const [latitude, longitude] = location.split(',').map((x) => Number(x.trim()));
		if (Number.isFinite(latitude) && Number.isFinite(longitude)) {
			msg.type = 'location';
			msg.location = { latitude, longitude };
		}
	} else if (buttonText) {
		msg.type = 'button_reply';
		msg.replyId = buttonText;
		msg.replyTitle = buttonText;
		msg.text = buttonText;
	} else if (!text.trim()) {
		// Nothing to read: on packages without media forwarding an attachment arrives this way.
		msg.type = 'media_unavailable';
	}
	out.messages.push(msg);
	return out;
}

/** Fonnte does not always send a message id; derive a stable one so retries are recognisable. */
function syntheticId(body: Record<string, unknown>): string {
	const h = createHash('sha1')
		.update([body.device, body.sender, body.timestamp, body.message, body.url].map(str).join('|'))
		.digest('hex');
	return `fonnte-${h.slice(0, 20)}`;
}
