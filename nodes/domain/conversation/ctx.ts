/** What one step of the conversation works with: catalog, texts, clock, message, and its answers. */
import type { Catalog } from '../catalog/types';
import type { InboundMessage, OutboundReply } from '../messaging/types';
import type { Texts } from './texts';
import type { DeskEvent } from './types';

export interface Ctx {
	catalog: Catalog;
	texts: Texts;
	now: Date;
	message: InboundMessage;
	replies: OutboundReply[];
	events: DeskEvent[];
}
