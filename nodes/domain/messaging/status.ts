/**
 * Delivery/read updates for messages the office sent. The trigger drops them unless the admin
 * asks for them; then each becomes one item of this shape (next to `InboundMessage` items).
 */

export interface StatusError {
	code: number | string;
	title: string;
	/** What the provider says went wrong, when it says more than the title. */
	details?: string;
}

export interface InboundStatus {
	kind: 'status';
	provider: string;
	businessNumber: string;
	/** Id of the message the update is about ('' for account-level errors). */
	messageId: string;
	/** The resident's WhatsApp id, '' when the provider does not name it. */
	recipient: string;
	/** sent | delivered | read | failed | deleted | error (account-level), or the provider's word. */
	status: string;
	/** ISO 8601. */
	timestamp: string;
	errors: StatusError[];
}
