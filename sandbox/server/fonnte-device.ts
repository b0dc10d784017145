/** The office's Fonnte device as the sandbox keeps it (fonnte.ts plays the API around it). */

/** The package whose webhook forwards attachments (docs.fonnte.com/webhook-get-attachment). */
export const MEDIA_PACKAGE = 'all feature';

export interface FonnteDevice {
	token: string;
	/** What the admin appends to the webhook URL as `?secret=…` (the Fonnte credential's). */
	webhookSecret: string;
	/** Whether the webhook URL in the dashboard carries the secret. */
	withSecret: boolean;
	/** "all feature" forwards attachments to the webhook; any other package does not. */
	package: string;
	deviceStatus: 'connect' | 'disconnect';
	/** Messages the device may still send. */
	quota: number;
	/** Messages requested so far. */
	messages: number;
}

export const DEFAULT_FONNTE_DEVICE: FonnteDevice = {
	token: 'sandbox-fonnte-device-token',
	webhookSecret: 'sandbox-fonnte-webhook-secret',
	withSecret: true,
	package: MEDIA_PACKAGE,
	deviceStatus: 'connect',
	quota: 100_000,
	messages: 0,
};

/** One accepted `/send` request per target, in order: how fast the office's number sent. */
export interface FonnteSend {
	id: string;
	target: string;
	/** Epoch milliseconds the request reached Fonnte. */
	atMs: number;
}
