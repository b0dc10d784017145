/**
 * The trigger, fed any body an outsider can post (signed, so it reaches the parser): every answer
 * is 200 (items or nothing) or 400 with a reason; never an exception, never a parser bug logged.
 */
import { createHmac } from 'crypto';
import fc from 'fast-check';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { WhatsAppGatewayTrigger } from '../../../nodes/WhatsApp/WhatsAppGatewayTrigger.node';
import {
	assert,
	anyText,
	mostly,
	rarely,
	PROTO_NAMES,
	some,
	weird,
	type FuzzTarget,
} from './common';

const APP_SECRET = 'fuzz-app-secret';
const FONNTE_SECRET = 'fuzz-secret';
export const OWN_PHONE_NUMBER_ID = '106540352242922';
const trigger = new WhatsAppGatewayTrigger();

export interface TriggerAnswer {
	status: number;
	body: string;
	items: IDataObject[];
	errors: string[];
}

/** One POST through the trigger with a minimal stand-in for n8n's webhook context. */
export async function postToTrigger(
	provider: 'meta' | 'fonnte',
	raw: string,
): Promise<TriggerAnswer> {
	const answer: TriggerAnswer = { status: 200, body: 'OK', items: [], errors: [] };
	const res = {
		status: (code: number) => ((answer.status = code), res),
		type: () => res,
		send: (body: unknown) => ((answer.body = String(body)), res),
		end: () => res,
	};
	let parsedBody: unknown = {};
	try {
		parsedBody = JSON.parse(raw);
	} catch {
		parsedBody = {};
	}
	const ctx = {
		getNodeParameter: (name: string, fallback: unknown) =>
			name === 'provider' ? provider : name === 'includeStatuses' ? true : fallback,
		getCredentials: async () => ({
			appSecret: APP_SECRET,
			verifyToken: 'v',
			accessToken: 't',
			phoneNumberId: OWN_PHONE_NUMBER_ID,
			token: 't',
			webhookSecret: FONNTE_SECRET,
		}),
		getQueryData: () => (provider === 'fonnte' ? { secret: FONNTE_SECRET } : {}),
		getHeaderData: () => ({
			'x-hub-signature-256': `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`,
		}),
		getWebhookName: () => 'default',
		getRequestObject: () => ({ rawBody: Buffer.from(raw) }),
		getResponseObject: () => res,
		getBodyData: () => parsedBody,
		getNode: () => ({ name: 'WhatsApp Gateway Trigger' }),
		logger: {
			debug: () => undefined,
			info: () => undefined,
			warn: () => undefined,
			error: (message: string) => answer.errors.push(message),
		},
		helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
	} as unknown as IWebhookFunctions;
	const result = await trigger.webhook.call(ctx);
	answer.items = (result.workflowData?.[0] ?? []).map((item) => item.json as IDataObject);
	return answer;
}

function checkAnswer(answer: TriggerAnswer): string {
	assert(
		answer.errors.length === 0,
		`the trigger logged a parser bug: ${answer.errors.join('; ')}`,
	);
	if (answer.status === 400) {
		assert(/^Malformed webhook body: ./.test(answer.body), `400 without a reason: ${answer.body}`);
		return '400 refused';
	}
	assert(answer.status === 200, `answered ${answer.status}`);
	for (const item of answer.items) {
		if (item.kind === 'status') continue;
		assert(
			typeof item.from === 'string' && /^[1-9]\d{7,14}$/.test(item.from),
			`sender ${JSON.stringify(item.from)}`,
		);
		assert(typeof item.messageId === 'string' && item.messageId, 'a message without an id');
		assert(typeof item.text === 'string', 'a message whose text is not a string');
		assert(!Number.isNaN(Date.parse(String(item.timestamp))), `timestamp ${item.timestamp}`);
	}
	return answer.items.length ? '200 with items' : '200 nothing to run';
}

const hostileType = fc.constantFrom(...PROTO_NAMES);
const messageTypes = fc.constantFrom(
	'text',
	'interactive',
	'button',
	'image',
	'document',
	'audio',
	'video',
	'sticker',
	'location',
	'contacts',
	'reaction',
	'unsupported',
);

const reply = some({ id: mostly(anyText), title: mostly(anyText) });
const metaPart = fc.oneof(
	some({
		body: mostly(anyText),
		caption: mostly(anyText),
		id: mostly(anyText),
		mime_type: mostly(fc.constantFrom('image/jpeg', 'application/pdf')),
		sha256: weird,
		filename: mostly(anyText),
		type: fc.oneof(fc.constantFrom('button_reply', 'list_reply'), hostileType, anyText),
		button_reply: reply,
		list_reply: reply,
		latitude: mostly(fc.double()),
		longitude: mostly(fc.double()),
		name: mostly(anyText),
		address: mostly(anyText),
		emoji: mostly(anyText),
		payload: mostly(anyText),
		text: mostly(anyText),
	}),
	weird,
);
const metaMessage = fc
	.tuple(
		some(
			{
				from: mostly(
					fc.constantFrom('6281234567890', '15550783881', '12', '1234567890123456', '0812345678'),
				),
				id: mostly(fc.uuid()),
				timestamp: mostly(fc.integer({ min: 0, max: 2e9 })),
				type: fc.oneof({ weight: 4, arbitrary: messageTypes }, hostileType, anyText),
				contacts: weird,
			},
			['from', 'id', 'type', 'timestamp'],
		),
		metaPart,
	)
	.map(([message, part]) =>
		typeof message.type === 'string' ? { ...message, [message.type]: part } : message,
	);
const metaValue = some(
	{
		messaging_product: mostly(fc.constant('whatsapp')),
		metadata: rarely(
			some({
				display_phone_number: mostly(fc.constant('15550783881')),
				phone_number_id: mostly(fc.constantFrom(OWN_PHONE_NUMBER_ID, '999')),
			}),
		),
		contacts: mostly(
			fc.array(some({ wa_id: mostly(anyText), profile: mostly(some({ name: mostly(anyText) })) }), {
				maxLength: 2,
			}),
		),
		messages: rarely(fc.array(metaMessage, { maxLength: 3 })),
		statuses: mostly(
			fc.array(
				some({
					id: mostly(anyText),
					status: mostly(fc.constantFrom('sent', 'read', 'failed')),
					timestamp: weird,
					recipient_id: weird,
					errors: mostly(
						fc.array(some({ code: weird, title: weird, message: weird, error_data: weird }), {
							maxLength: 2,
						}),
					),
				}),
				{ maxLength: 2 },
			),
		),
		errors: weird,
	},
	['metadata', 'messages'],
);
const metaBody = fc.oneof(
	{
		weight: 6,
		arbitrary: some(
			{
				object: rarely(fc.constant('whatsapp_business_account')),
				entry: rarely(
					fc.array(
						rarely(
							some(
								{
									id: weird,
									changes: rarely(
										fc.array(
											rarely(
												some({ field: rarely(fc.constant('messages')), value: metaValue }, [
													'field',
													'value',
												]),
											),
											{
												maxLength: 3,
											},
										),
									),
								},
								['changes'],
							),
						),
						{ maxLength: 2 },
					),
				),
			},
			['object', 'entry'],
		),
	},
	{ weight: 1, arbitrary: weird },
);

/** JSON text of the body, or (rarely) text that is not JSON at all. */
const rawOf = (body: fc.Arbitrary<unknown>) =>
	fc.oneof(
		{ weight: 9, arbitrary: body.map((b) => JSON.stringify(b) ?? 'null') },
		{ weight: 1, arbitrary: anyText },
	);

export const metaWebhook: FuzzTarget<string> = {
	name: 'Meta webhook bodies',
	runs: 2000,
	arbitrary: rawOf(metaBody),
	check: async (raw) => checkAnswer(await postToTrigger('meta', raw)),
};

const fonnteBody = fc.oneof(
	{
		weight: 6,
		arbitrary: some(
			{
				device: mostly(fc.constantFrom('6282227097005', '082227097005')),
				sender: mostly(
					fc.constantFrom(
						'6281234567890',
						'081234567890',
						'+62 812 3456 7890',
						'\u0000',
						'x1y2',
						'1234567',
						'120363@g.us',
					),
				),
				message: mostly(anyText),
				name: mostly(anyText),
				timestamp: mostly(fc.integer({ min: 0, max: 2e9 })),
				inboxid: weird,
				id: weird,
				url: mostly(
					fc.constantFrom('https://cdn.fonnte.com/f/a.jpg', 'https://x/y?z', 'not a url'),
				),
				extension: fc.oneof(
					fc.constantFrom('jpg', 'pdf', 'webp', 'ogg', 'mp4', ''),
					hostileType,
					weird,
				),
				filename: mostly(anyText),
				location: mostly(fc.constantFrom('-7.6,111.5', 'a,b', ',')),
				text: mostly(anyText),
				member: mostly(fc.constant('')),
				state: weird,
				status: weird,
			},
			['sender', 'message'],
		),
	},
	{ weight: 1, arbitrary: weird },
);

export const fonnteWebhook: FuzzTarget<string> = {
	name: 'Fonnte webhook bodies',
	runs: 2000,
	arbitrary: rawOf(fonnteBody),
	check: async (raw) => checkAnswer(await postToTrigger('fonnte', raw)),
};
