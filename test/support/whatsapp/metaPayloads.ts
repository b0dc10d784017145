/** Webhook bodies in the shapes of Meta's "Webhooks payload examples" (WhatsApp Cloud API). */
export const PHONE_NUMBER_ID = '106540352242922';
export const DISPLAY_NUMBER = '15550783881';
export const RESIDENT = '6281234567890';

export function envelope(
	value: Record<string, unknown>,
	field = 'messages',
): Record<string, unknown> {
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: '102290129340398',
				changes: [
					{
						field,
						value: {
							messaging_product: 'whatsapp',
							metadata: { display_phone_number: DISPLAY_NUMBER, phone_number_id: PHONE_NUMBER_ID },
							...value,
						},
					},
				],
			},
		],
	};
}

export const contacts = [{ profile: { name: 'Siti Aminah' }, wa_id: RESIDENT }];

let seq = 0;
export function message(
	type: string,
	part: Record<string, unknown>,
	extra: Record<string, unknown> = {},
) {
	seq++;
	return {
		from: RESIDENT,
		id: `wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA${seq}`,
		timestamp: '1750000000',
		type,
		...(Object.keys(part).length ? { [type]: part } : {}),
		...extra,
	};
}

export const every = {
	text: () => message('text', { body: 'Halo, saya mau buat SKTM' }),
	buttonReply: () =>
		message('interactive', {
			type: 'button_reply',
			button_reply: { id: 'svc-sktm', title: 'SKTM' },
		}),
	listReply: () =>
		message('interactive', {
			type: 'list_reply',
			list_reply: {
				id: 'svc-domisili',
				title: 'Surat Domisili',
				description: 'Keterangan domisili',
			},
		}),
	templateButton: () => message('button', { payload: 'STATUS', text: 'Cek status' }),
	image: () =>
		message('image', {
			caption: 'Foto KTP',
			mime_type: 'image/jpeg',
			sha256: 'IZ2Jk4nI6mG0Bq0Vw0o8TkhS0ZV9bn7mWqUy8nE0Zx0=',
			id: '1003383421387256',
		}),
	document: () =>
		message('document', {
			caption: 'KK',
			filename: 'kartu-keluarga.pdf',
			mime_type: 'application/pdf',
			sha256: 'Bf0b4W8k3dH0a9pQ2lJmK1c9X7ZtY5sV3uR2wE6qT8o=',
			id: '2118239918575011',
		}),
	audio: () =>
		message('audio', {
			mime_type: 'audio/ogg; codecs=opus',
			sha256: 'x',
			id: '3344556677',
			voice: true,
		}),
	video: () =>
		message('video', { mime_type: 'video/mp4', sha256: 'y', id: '4455667788', caption: 'video' }),
	sticker: () =>
		message('sticker', { mime_type: 'image/webp', sha256: 'z', id: '5566778899', animated: false }),
	location: () =>
		message('location', {
			latitude: -7.2575,
			longitude: 112.7521,
			name: 'Kantor Kelurahan',
			address: 'Jl. Pemuda 1, Surabaya',
		}),
	contacts: () => ({
		...message('contacts', {}),
		contacts: [
			{
				name: { formatted_name: 'Budi Santoso', first_name: 'Budi' },
				phones: [{ phone: '+62 812-9999-0000', wa_id: '6281299990000', type: 'CELL' }],
			},
		],
	}),
	reaction: () => message('reaction', { message_id: 'wamid.sent-by-office', emoji: '👍' }),
	unsupported: () => ({
		...message('unsupported', {}),
		errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown' }],
	}),
};

export const statusUpdate = (status: string, errors?: unknown[]) => ({
	id: 'wamid.sent-by-office',
	status,
	timestamp: '1750000100',
	recipient_id: RESIDENT,
	...(status === 'sent'
		? {
				conversation: { id: 'c1', expiration_timestamp: '1750086400', origin: { type: 'service' } },
				pricing: { billable: true, pricing_model: 'CBP', category: 'service' },
			}
		: {}),
	...(errors ? { errors } : {}),
});
