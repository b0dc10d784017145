/** A webhook body that is not what the provider sends; the trigger answers 400 and logs `message`. */
export class WebhookPayloadError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'WebhookPayloadError';
	}
}
