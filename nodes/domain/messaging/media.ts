/**
 * WhatsApp Cloud API media rules: the largest file Meta accepts per kind, and the WhatsApp media
 * kind a MIME type is sent as. Checked before uploading so an oversized scan fails with a clear
 * reason instead of an opaque 131053 after a long upload.
 */

export type OutgoingMediaKind = 'document' | 'image' | 'audio' | 'video' | 'sticker';

const MB = 1024 * 1024;

/** Meta's documented per-kind maxima (stickers: the animated limit). */
export const MEDIA_MAX_BYTES: Record<OutgoingMediaKind, number> = {
	document: 100 * MB,
	image: 5 * MB,
	audio: 16 * MB,
	video: 16 * MB,
	sticker: 500 * 1024,
};

/** Image types WhatsApp shows as images; anything else must go as a document. */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png'] as const;

/** A reason the file cannot be sent as `kind`, or null when it can. */
export function mediaProblem(
	kind: OutgoingMediaKind,
	sizeBytes: number,
	mimeType: string,
): string | null {
	const max = MEDIA_MAX_BYTES[kind];
	if (sizeBytes > max) {
		return `The ${kind} is ${formatBytes(sizeBytes)}; WhatsApp accepts at most ${formatBytes(max)} for a ${kind}.`;
	}
	if (kind === 'image' && !(IMAGE_MIME_TYPES as readonly string[]).includes(mimeType)) {
		return `WhatsApp images must be JPEG or PNG, not ${mimeType || 'an unknown type'}; send it as a document instead.`;
	}
	return null;
}

export function formatBytes(n: number): string {
	if (n >= MB) return `${(n / MB).toFixed(1)} MB`;
	if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
	return `${n} bytes`;
}

const EXTENSION_MIME: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	heic: 'image/heic',
	heif: 'image/heif',
	gif: 'image/gif',
	pdf: 'application/pdf',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xls: 'application/vnd.ms-excel',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	txt: 'text/plain',
	mp3: 'audio/mpeg',
	ogg: 'audio/ogg',
	opus: 'audio/ogg',
	m4a: 'audio/mp4',
	aac: 'audio/aac',
	amr: 'audio/amr',
	mp4: 'video/mp4',
	'3gp': 'video/3gpp',
};

/** MIME type for a file extension ('' when unknown). */
export function mimeFromExtension(ext: string): string {
	const key = String(ext ?? '')
		.toLowerCase()
		.replace(/^\./, '');
	// Own keys only: an extension such as "constructor" must not find Object.prototype's.
	return Object.prototype.hasOwnProperty.call(EXTENSION_MIME, key) ? EXTENSION_MIME[key] : '';
}

/** The usual extension of a MIME type (`image/jpeg; q=1` → jpg), 'bin' when unknown. */
export function extensionFor(mimeType: string): string {
	const type = String(mimeType ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	const found = Object.keys(EXTENSION_MIME).find((ext) => EXTENSION_MIME[ext] === type);
	return found ?? 'bin';
}
