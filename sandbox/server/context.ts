import type { IncomingHttpHeaders } from 'node:http';
import type { FonnteDevice, FonnteSend } from './fonnte-device';
import type { Redelivery } from './redelivery';
import type { SandboxState } from './state';

/** The fake office settings the sandbox plays with; `GET /api/config` shows most of them. */
export interface SandboxSettings {
	accessToken: string;
	appSecret: string;
	verifyToken: string;
	phoneNumberId: string;
	businessNumber: string;
	wabaId: string;
	spreadsheetId: string;
	sheetName: string;
	/** The office's Drive folder, where each request's folder is made. */
	driveFolderId: string;
	sheetHeader: string[];
	/** Other tabs and their header rows. */
	otherTabs: Record<string, string[]>;
	/** The secret the sheet's Apps Script signs its posts with (n8n's Sheet Edit Secret). */
	sheetEditSecret: string;
	/** Which provider residents' messages come through: Meta's Cloud API or Fonnte. */
	provider: SandboxProvider;
}

export type SandboxProvider = 'meta' | 'fonnte';

export interface SandboxContext {
	state: SandboxState;
	settings: SandboxSettings;
	/** Base URL of the page and JSON API, e.g. http://127.0.0.1:5690 */
	publicUrl(): string;
	intakeWebhookUrl?: string;
	/** Where the sheet's Apps Script posts staff edits (the approvals workflow's Sheet Edit Trigger). */
	sheetEditWebhookUrl?: string;
	n8n?: { url: string; ready: () => Promise<boolean> };
	/** Webhooks not answered 200, delivered again as Meta does. */
	redelivery: Redelivery;
	/** The office's Fonnte device (token, package, quota, webhook URL with or without secret). */
	fonnte: FonnteDevice;
	/** Every accepted Fonnte send, oldest first (bounded). */
	fonnteSends: FonnteSend[];
	/** Fonnte webhooks not answered 200, delivered again as Fonnte does. */
	fonnteRedelivery: Redelivery;
}

/** A request that reached the HTTPS stand-in (Meta or Google), body already read. */
export interface StandInRequest {
	host: string;
	method: string;
	/** Path as sent, still percent-encoded. */
	rawPath: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export interface StandInResponse {
	status: number;
	json?: unknown;
	bytes?: { data: Buffer; mimeType: string; fileName?: string };
	headers?: Record<string, string>;
}

export type StandInHandler = (
	ctx: SandboxContext,
	req: StandInRequest,
) => Promise<StandInResponse> | StandInResponse;

export function json(
	status: number,
	body: unknown,
	headers?: Record<string, string>,
): StandInResponse {
	return { status, json: body, headers };
}
