import { parseFonnteWebhook, verifyFonnteSecret } from '../providers/fonnte/fonnteWebhook';
import { WebhookPayloadError } from '../providers/payloadError';

const NOW = new Date('2026-01-01T00:00:00Z');
const base = {
	device: '082227097005',
	sender: '6281234567890',
	name: 'Siti',
	message: '',
	text: '',
	member: '',
	location: '',
	timestamp: 1750000000,
	inboxid: '991',
};

const only = (body: Record<string, unknown>) => {
	const { messages } = parseFonnteWebhook(body, NOW);
	expect(messages).toHaveLength(1);
	return messages[0];
};

describe('parseFonnteWebhook', () => {
	it('normalizes a text message (device to WhatsApp id, unix time to ISO)', () => {
		expect(only({ ...base, message: 'Mau buat surat domisili' })).toEqual({
			provider: 'fonnte',
			businessNumber: '6282227097005',
			from: '6281234567890',
			name: 'Siti',
			messageId: '991',
			timestamp: '2025-06-15T15:06:40.000Z',
			type: 'text',
			text: 'Mau buat surat domisili',
		});
	});

	it('reads attachments by extension with URL, MIME type, file name and caption', () => {
		const image = only({
			...base,
			message: 'KTP saya',
			url: 'https://fonnte.example/f/abc.jpg',
			filename: 'ktp',
			extension: 'jpg',
		});
		expect(image).toMatchObject({
			type: 'image',
			text: 'KTP saya',
			media: {
				url: 'https://fonnte.example/f/abc.jpg',
				mimeType: 'image/jpeg',
				fileName: 'ktp.jpg',
				caption: 'KTP saya',
			},
		});
		expect(
			only({ ...base, url: 'https://x/y.pdf', filename: 'kk.pdf', extension: 'pdf' }),
		).toMatchObject({
			type: 'document',
			media: { mimeType: 'application/pdf', fileName: 'kk.pdf' },
		});
		expect(only({ ...base, url: 'https://x/y.ogg', extension: 'ogg' }).type).toBe('audio');
		expect(only({ ...base, url: 'https://x/y.mp4', extension: 'mp4' }).type).toBe('video');
		expect(only({ ...base, url: 'https://x/y.webp', extension: 'webp' }).type).toBe('sticker');
	});

	it('reads an empty message (no text, no url) as an attachment Fonnte did not pass on', () => {
		expect(only({ ...base, message: '' })).toMatchObject({ type: 'media_unavailable', text: '' });
		expect(only({ ...base, message: '  ' }).type).toBe('media_unavailable');
		expect(only({ ...base, message: 'foto KTP' }).type).toBe('text');
	});

	it('reads a location and a button text', () => {
		expect(only({ ...base, location: '-7.983908, 112.621391' })).toMatchObject({
			type: 'location',
			location: { latitude: -7.983908, longitude: 112.621391 },
		});
		expect(only({ ...base, text: 'Setuju' })).toMatchObject({
			type: 'button_reply',
			replyId: 'Setuju',
			replyTitle: 'Setuju',
		});
	});

	it('derives a stable message id when Fonnte sends none', () => {
		const a = only({ ...base, inboxid: undefined, message: 'x' });
		const b = only({ ...base, inboxid: undefined, message: 'x' });
		expect(a.messageId).toMatch(/^fonnte-[0-9a-f]{20}$/);
		expect(a.messageId).toBe(b.messageId);
	});

	it('skips group messages', () => {
		const parsed = parseFonnteWebhook({ ...base, member: '6289999', message: 'hi' }, NOW);
		expect(parsed.messages).toEqual([]);
		expect(parsed.skipped[0]).toMatch(/group/);
	});

	it('turns a status webhook into a status', () => {
		const { statuses, messages } = parseFonnteWebhook(
			{
				device: '6282227097005',
				id: '80367170',
				stateid: 's1',
				status: 'sent',
				state: 'delivered',
			},
			NOW,
		);
		expect(messages).toEqual([]);
		expect(statuses).toEqual([
			expect.objectContaining({
				kind: 'status',
				provider: 'fonnte',
				messageId: '80367170',
				status: 'delivered',
			}),
		]);
	});

	it.each([
		['an array', []],
		['no sender', { device: '1', message: 'x' }],
		['null', null],
	])('rejects %s', (_, body) => {
		expect(() => parseFonnteWebhook(body, NOW)).toThrow(WebhookPayloadError);
	});
});

describe('verifyFonnteSecret', () => {
	it('accepts only the configured, non-empty secret', () => {
		expect(verifyFonnteSecret('s3cret', 's3cret')).toBe(true);
		expect(verifyFonnteSecret('s3cret!', 's3cret')).toBe(false);
		expect(verifyFonnteSecret(undefined, 's3cret')).toBe(false);
		expect(verifyFonnteSecret('', '')).toBe(false);
	});
});
