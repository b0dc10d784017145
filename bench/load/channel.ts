/** How a simulated resident talks to one workflow of the office: send, read the chat, see delivery. */
import type { ChatMessage } from '../../sandbox/server';

export type Body = Record<string, unknown>;

export interface Sent {
	messageId: string;
	webhookStatus: number;
}

export interface Channel {
	send(waId: string, body: Body): Promise<Sent>;
	chat(waId: string): Promise<ChatMessage[]>;
	/** True once a delivery of the message was answered 200. */
	delivered(messageId: string): Promise<boolean>;
}
