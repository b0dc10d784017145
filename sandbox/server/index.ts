import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { loadCertificates } from './certificates';
import type { SandboxContext, SandboxProvider, SandboxSettings } from './context';
import { handleApi } from './api';
import { prepareDrive } from './drive-folders';
import { BSRE_PREFIX, createBsreStandIn, isBsreRequest } from './bsre';
import { createSpreadsheet } from './google-sheets';
import { seedOfficeTemplates } from './meta-templates';
import { createProxy } from './proxy';
import { DEFAULT_FONNTE_DEVICE, type FonnteDevice } from './fonnte-device';
import {
	DEFAULT_DELIVERY_POLICY,
	FONNTE_DELIVERY_POLICY,
	Redelivery,
	type DeliveryPolicy,
} from './redelivery';
import { newTab, readValues, writeValues } from './sheets-model';
import { SandboxState } from './state';
import { createStandInServer } from './stand-in';

export { STAND_IN_HOSTS } from './certificates';
export { signBody } from './webhook';
export type { ChatMessage, CallRecord } from './state';

export interface SandboxOptions {
	/** Default 127.0.0.1 */
	host?: string;
	/** Page + JSON API; default 5690, 0 = a free port. */
	port?: number;
	/** The HTTPS_PROXY for n8n; default 0 = a free port. */
	proxyPort?: number;
	/** Where the CA (and, with persist, state.json) live; default <repo>/.sandbox */
	stateDir?: string;
	/** Keep chats, sheet and files in <stateDir>/state.json across restarts; default false. */
	persist?: boolean;
	accessToken?: string;
	appSecret?: string;
	verifyToken?: string;
	sheetEditSecret?: string;
	phoneNumberId?: string;
	businessNumber?: string;
	spreadsheetId?: string;
	sheetName?: string;
	/** The office's Drive folder (created if missing); default the sandbox's. */
	driveFolderId?: string;
	/** Written into row 1 of the requests tab when that row is empty; default none. */
	sheetHeader?: string[];
	/** Further tabs (survey, complaints, report…) and their header rows, created the same way. */
	otherTabs?: Record<string, string[]>;
	/** How webhooks not answered 200 in time are delivered again; default DEFAULT_DELIVERY_POLICY. */
	delivery?: Partial<DeliveryPolicy>;
	/** Which provider residents write through; default meta (the page switches it). */
	provider?: SandboxProvider;
	/** The Fonnte device's settings; default DEFAULT_FONNTE_DEVICE. */
	fonnte?: Partial<FonnteDevice>;
	/** How Fonnte webhooks not answered 200 are delivered again; default FONNTE_DELIVERY_POLICY. */
	fonnteDelivery?: Partial<DeliveryPolicy>;
}

export interface SandboxConfig {
	intakeWebhookUrl: string | null;
	sheetEditWebhookUrl: string | null;
	/** The secret the sheet's Apps Script signs with (what the Sheet Edit Secret credential holds). */
	sheetEditSecret: string;
	verifyToken: string;
	appSecret: string;
	phoneNumberId: string;
	/** WhatsApp Business Account: where message templates live. */
	wabaId: string;
	spreadsheetId: string;
	sheetName: string;
	driveFolderId: string;
	n8nUrl: string | null;
	/** Not in the JSON API's config, but what credentials need: */
	accessToken: string;
	businessNumber: string;
	url: string;
	proxyUrl: string;
	caCertPath: string;
	/** Which provider residents write through now. */
	provider: SandboxProvider;
	/** The Fonnte device's token and webhook secret (what the Fonnte API credential holds). */
	fonnteToken: string;
	fonnteWebhookSecret: string;
}

export interface Sandbox {
	/** The page and JSON API, e.g. http://127.0.0.1:5690 */
	url: string;
	/** For n8n's HTTPS_PROXY, e.g. http://127.0.0.1:41234 */
	proxyUrl: string;
	/** For n8n's NODE_EXTRA_CA_CERTS */
	caCertPath: string;
	config(): SandboxConfig;
	/** The BSrE stand-in: its base URL (for the BSrE TTE credential) and an office PKCS#12. */
	bsre: {
		baseUrl: string;
		officeCertificate(commonName: string): { certificate: string; password: string };
	};
	setIntakeWebhookUrl(url: string): void;
	/** Where staff edits are posted, as the sheet's Apps Script would post them. */
	setSheetEditWebhookUrl(url: string): void;
	setN8n(info: { url: string; ready: () => Promise<boolean> }): void;
	/**
	 * The office's spreadsheet and Drive folder (the ones the Setup form made): what the page, the
	 * staff's sheet API and the sheet's Apps Script use. An id not given keeps the current one.
	 */
	useOffice(ids: { spreadsheetId?: string; driveFolderId?: string }): void;
	/** Residents write through Meta's Cloud API or through Fonnte from now on. */
	setProvider(provider: SandboxProvider): void;
	stop(): Promise<void>;
}

export const DEFAULT_SETTINGS: SandboxSettings = {
	accessToken: 'sandbox-access-token',
	appSecret: 'sandbox-app-secret',
	verifyToken: 'sandbox-verify-token',
	sheetEditSecret: 'sandbox-sheet-edit-secret',
	phoneNumberId: '100000000000001',
	businessNumber: '6281100000001',
	wabaId: '200000000000001',
	spreadsheetId: '1SandboxPecelanRequests000000000000000000000',
	sheetName: 'Permohonan',
	driveFolderId: '1SandboxPecelanFiles000000000000000000000',
	sheetHeader: [],
	otherTabs: {},
	provider: 'meta',
};

function listen(server: Server, port: number, host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});
}

function prepareSpreadsheet(ctx: SandboxContext): void {
	const { spreadsheetId, sheetName, sheetHeader, otherTabs } = ctx.settings;
	const sheet =
		ctx.state.data.spreadsheets[spreadsheetId] ??
		createSpreadsheet(ctx, spreadsheetId, 'Permohonan Surat (sandbox)', [sheetName]);
	for (const [title, header] of [
		[sheetName, sheetHeader],
		...Object.entries(otherTabs ?? {}),
	] as Array<[string, string[]]>) {
		let tab = sheet.sheets.find((t) => t.title === title);
		if (!tab) {
			tab = newTab(
				sheet.sheets.length === 0 ? 0 : (Date.now() + sheet.sheets.length) % 2 ** 31,
				title,
			);
			sheet.sheets.push(tab);
		}
		const firstRow = { tab, startRow: 0, startCol: 0, endRow: 0, endCol: Infinity };
		if (header.length && readValues(firstRow, 'FORMATTED_VALUE').length === 0) {
			writeValues(firstRow, [header], 'RAW');
		}
	}
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const host = options.host ?? '127.0.0.1';
	const stateDir = options.stateDir ?? join(__dirname, '..', '..', '.sandbox');
	const settings: SandboxSettings = { ...DEFAULT_SETTINGS };
	for (const key of Object.keys(settings) as Array<keyof SandboxSettings>) {
		const value = (options as Record<string, unknown>)[key];
		if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
	}
	const certs = await loadCertificates(stateDir);
	const state = new SandboxState(stateDir, options.persist ?? false);
	let url = '';
	const redelivery = new Redelivery({ ...DEFAULT_DELIVERY_POLICY, ...options.delivery });
	const ctx: SandboxContext = {
		state,
		settings,
		publicUrl: () => url,
		redelivery,
		fonnte: { ...DEFAULT_FONNTE_DEVICE, ...options.fonnte },
		fonnteSends: [],
		fonnteRedelivery: new Redelivery({ ...FONNTE_DELIVERY_POLICY, ...options.fonnteDelivery }),
	};
	prepareSpreadsheet(ctx);
	prepareDrive(ctx);
	seedOfficeTemplates(ctx);

	const standIn = createStandInServer(ctx, certs);
	const proxy = createProxy(standIn);
	const bsre = createBsreStandIn(stateDir);
	const api = createServer(
		(req, res) => void (isBsreRequest(req) ? bsre.handle(req, res) : handleApi(ctx, req, res)),
	);
	// Longer than any client's idle keep-alive (undici: 4 s), so a client never reuses a socket
	// the server is just closing (ECONNRESET on a busy machine).
	api.keepAliveTimeout = 65_000;
	api.headersTimeout = 66_000;
	const sockets = new Set<Socket>();
	const track = (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	};
	proxy.on('connection', track);
	api.on('connection', track);

	const apiPort = await listen(api, options.port ?? 5690, host);
	const proxyPort = await listen(proxy, options.proxyPort ?? 0, host).catch(async (error) => {
		api.close();
		throw error;
	});
	url = `http://${host}:${apiPort}`;
	const proxyUrl = `http://${host}:${proxyPort}`;

	return {
		url,
		proxyUrl,
		caCertPath: certs.caCertPath,
		config: () => ({
			intakeWebhookUrl: ctx.intakeWebhookUrl ?? null,
			sheetEditWebhookUrl: ctx.sheetEditWebhookUrl ?? null,
			sheetEditSecret: settings.sheetEditSecret,
			verifyToken: settings.verifyToken,
			appSecret: settings.appSecret,
			phoneNumberId: settings.phoneNumberId,
			wabaId: settings.wabaId,
			spreadsheetId: settings.spreadsheetId,
			sheetName: settings.sheetName,
			driveFolderId: settings.driveFolderId,
			n8nUrl: ctx.n8n?.url ?? null,
			accessToken: settings.accessToken,
			businessNumber: settings.businessNumber,
			url,
			proxyUrl,
			caCertPath: certs.caCertPath,
			provider: settings.provider,
			fonnteToken: ctx.fonnte.token,
			fonnteWebhookSecret: ctx.fonnte.webhookSecret,
		}),
		bsre: {
			baseUrl: `${url}${BSRE_PREFIX}`,
			officeCertificate: (commonName) => bsre.officeCertificate(commonName),
		},
		setIntakeWebhookUrl: (webhookUrl) => {
			ctx.intakeWebhookUrl = webhookUrl;
		},
		setSheetEditWebhookUrl: (webhookUrl) => {
			ctx.sheetEditWebhookUrl = webhookUrl;
		},
		setN8n: (info) => {
			ctx.n8n = info;
		},
		useOffice: ({ spreadsheetId, driveFolderId }) => {
			if (spreadsheetId) settings.spreadsheetId = spreadsheetId;
			if (driveFolderId) settings.driveFolderId = driveFolderId;
		},
		setProvider: (provider) => {
			settings.provider = provider;
		},
		stop: async () => {
			redelivery.stop();
			ctx.fonnteRedelivery.stop();
			state.flush();
			state.removeAllListeners();
			const closed = Promise.all(
				[api, proxy].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
			);
			for (const socket of sockets) socket.destroy();
			await closed;
		},
	};
}
