// The whole office on one machine: the sandbox (stand-in for Meta and Google), a pinned n8n with
// this package installed as a community package, and the workflows provisioned and active.
// `npm start` and the end-to-end tests both start it through startStack().
import { generateKeyPairSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import office from '../office.json';
import type { Sandbox, SandboxOptions } from '../server';
import { SANDBOX_BSRE } from '../server/bsre';
import { ensureN8n } from './install';
import { claimUserFolder, startN8n, N8nInstance } from './n8n';
import { startQueueServices, type QueueServices } from './queue';
import { installPackage } from './package';
import { CredentialSpec, provision, Provisioned } from './provision';
import { defaultLog, freePort, Log } from './run';
import { readState, writeState } from './secrets';
import { sheetTabs } from '../../nodes/domain/sheet/requestRow';

export const REPO_ROOT = join(__dirname, '..', '..');
export const INTAKE_NODE_TYPES = ['n8n-nodes-pecelan.whatsAppGatewayTrigger'];
export const SHEET_EDIT_NODE_TYPE = 'n8n-nodes-pecelan.sheetEditTrigger';

export interface StackOptions {
	/** 0 or absent: a free port. */
	n8nPort?: number;
	brokerPort?: number;
	/** The sandbox page and JSON API; default 5690, 0 = a free port. */
	sandboxPort?: number;
	proxyPort?: number;
	/** n8n's user folder; default <repo>/.sandbox/n8n. */
	userFolder?: string;
	/** The sandbox's folder (CA, state); default <repo>/.sandbox. */
	stateDir?: string;
	/** Start from an empty n8n (deletes the user folder first). */
	fresh?: boolean;
	/** Keep the sandbox's chats, sheet and files across restarts. */
	persist?: boolean;
	n8nVersion?: string;
	cacheDir?: string;
	/** The node package to install into n8n; default this repository; false: none. */
	packageDir?: string | false;
	/** Workflow files; default <repo>/workflows. */
	workflowsDir?: string;
	/** Data tables a workflow folder without the Setup workflow needs (test fixtures). */
	resourcesFile?: string;
	/**
	 * Submit the Setup form with the sandbox office's answers (sandbox/office.json) when the
	 * folder holds the Setup workflow; default true. false: Setup imported, not submitted.
	 */
	submitSetup?: boolean;
	sandboxOptions?: Partial<SandboxOptions>;
	extraEnv?: Record<string, string>;
	/** Save successful executions in full (the e2e tests read them); `npm start` does not. */
	keepSuccessfulExecutions?: boolean;
	log?: Log;
	/**
	 * `queue`: n8n as main + workers on a private PostgreSQL and Redis (data under stateDir);
	 * `default`: one n8n on SQLite, no other server.
	 */
	mode?: StackMode;
	/** Queue mode: how many workers; default 2. */
	workers?: number;
	/**
	 * Which gateway the office runs on: the Setup form's answer and the provider residents write
	 * through in the sandbox; default meta.
	 */
	provider?: OfficeProvider;
}

export type OfficeProvider = 'meta' | 'fonnte';

/** The Setup form's answer for each provider (workflows/setup.json, "Office Form"). */
export const PROVIDER_ANSWER: Record<OfficeProvider, string> = {
	meta: 'WhatsApp Cloud API (Meta)',
	fonnte: 'Fonnte',
};

/**
 * The sandbox office number's send pace (Fonnte API credential): one message a second plus up to
 * half a second, quicker than a real office's default (5 s + 2 s) so a journey runs in minutes.
 */
export const SANDBOX_FONNTE_PACE = { sendDelaySeconds: 1, sendJitterSeconds: 0.5 };

/** PECELAN_PROVIDER as a provider; anything else is refused with the values it takes. */
export function providerFrom(value: string | undefined): OfficeProvider {
	if (!value || value === 'meta') return 'meta';
	if (value === 'fonnte') return 'fonnte';
	throw new Error(`PECELAN_PROVIDER must be "meta" or "fonnte", got "${value}"`);
}

export type StackMode = 'default' | 'queue';

/** PECELAN_MODE as a stack mode; anything else is refused with the values it takes. */
export function stackModeFrom(value: string | undefined): StackMode {
	if (!value || value === 'default') return 'default';
	if (value === 'queue') return 'queue';
	throw new Error(`PECELAN_MODE must be "default" or "queue", got "${value}"`);
}

export interface Stack {
	sandbox: Sandbox;
	n8n: N8nInstance;
	/** Queue mode's workers (none in the default mode). */
	workers: N8nInstance[];
	mode: StackMode;
	provisioned: Provisioned;
	/** Seconds per phase: install, package, sandbox, n8n, provision, total. */
	timings: Record<string, number>;
	/** The production URL of a workflow's (first) webhook, by workflow name. */
	webhookUrl(workflowName: string, nodeName?: string): string;
	/**
	 * Starts main n8n again on the same port and folder after it died (a test kills it with
	 * SIGKILL); `n8n` is the new instance afterwards.
	 */
	restartN8n(): Promise<N8nInstance>;
	stop(): Promise<void>;
}

/** A service-account key made once per user folder: the sandbox accepts any RS256 signer. */
function googleServiceAccount(userFolder: string): { email: string; privateKey: string } {
	const file = 'pecelan-google-service-account.json';
	const stored = readState<{ email: string; privateKey: string }>(userFolder, file);
	if (stored) return stored;
	const { privateKey } = generateKeyPairSync('rsa', {
		modulusLength: 2048,
		privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
		publicKeyEncoding: { type: 'spki', format: 'pem' },
	});
	const account = { email: 'pecelan-sandbox@pecelan-sandbox.iam.gserviceaccount.com', privateKey };
	writeState(userFolder, file, account);
	return account;
}

/**
 * The header the report webhook (workflows/report.json, "Run Now") requires. A fixed key like the
 * sandbox's other stand-in secrets; a real office sets its own in the "Report webhook key"
 * credential.
 */
export const SANDBOX_REPORT_KEY = { name: 'X-Pecelan-Key', value: 'sandbox-report-key' };

/** The batch-signing form's login (workflows/signing.json); a real office sets its own. */
export const SANDBOX_SIGNATORY_LOGIN = { user: 'lurah', password: 'sandbox-form-secret' };

/** The Setup form's login (workflows/setup.json); a real office sets its own. */
export const SANDBOX_SETUP_LOGIN = { user: 'admin', password: 'sandbox-setup-secret' };

/** The sandbox signatory's NIK at the BSrE stand-in (a certificate in good standing). */
export const SANDBOX_SIGNATORY_NIK = '3577010101700001';

export function sandboxCredentials(sandbox: Sandbox, userFolder: string): CredentialSpec[] {
	const config = sandbox.config();
	const google = googleServiceAccount(userFolder);
	return [
		{
			name: 'WhatsApp Cloud API (sandbox)',
			type: 'whatsAppCloudApi',
			data: {
				accessToken: config.accessToken,
				phoneNumberId: config.phoneNumberId,
				businessAccountId: config.wabaId,
				appSecret: config.appSecret,
				verifyToken: config.verifyToken,
				baseUrl: 'https://graph.facebook.com',
			},
		},
		{
			name: 'Fonnte API',
			type: 'fonnteApi',
			data: {
				token: config.fonnteToken,
				webhookSecret: config.fonnteWebhookSecret,
				baseUrl: 'https://api.fonnte.com',
				...SANDBOX_FONNTE_PACE,
			},
		},
		{
			name: 'Google (sandbox)',
			type: 'googleApi',
			data: {
				region: 'asia-southeast2',
				email: google.email,
				privateKey: google.privateKey,
				inpersonate: false,
				// HTTP Request nodes sign in with it too: the Setup workflow's spreadsheet layout and
				// the approvals safety net's question to Drive (the sheet's version).
				httpNode: true,
				scopes:
					'https://www.googleapis.com/auth/spreadsheets https://www.googleapis.com/auth/drive',
			},
		},
		{ name: 'Report webhook key', type: 'httpHeaderAuth', data: { ...SANDBOX_REPORT_KEY } },
		// The credentials the Setup form does not choose are linked by name when it installs the
		// ready workflows: the sandbox's carry the names those workflows give (docs/deployment.md).
		{
			name: 'Pecelan Sheet Edit Secret API',
			type: 'sheetEditSecretApi',
			data: { secret: config.sheetEditSecret },
		},
		{
			// Letters signed at once (approvals.json): a certificate from the BSrE stand-in's CA.
			name: 'Office certificate',
			type: 'officeCertificateApi',
			data: sandbox.bsre.officeCertificate(office.form.signatoryName),
		},
		{
			// Batch signing (signing.json): no passphrase stored; the signatory types it in the form.
			name: 'BSrE TTE',
			type: 'bsreTteApi',
			data: {
				baseUrl: sandbox.bsre.baseUrl,
				username: SANDBOX_BSRE.username,
				password: SANDBOX_BSRE.password,
				nik: SANDBOX_SIGNATORY_NIK,
				passphrase: '',
			},
		},
		{ name: 'Signatory form login', type: 'httpBasicAuth', data: { ...SANDBOX_SIGNATORY_LOGIN } },
		{ name: 'Setup form login', type: 'httpBasicAuth', data: { ...SANDBOX_SETUP_LOGIN } },
	];
}

/**
 * The sandbox's own spreadsheet (for workflow folders without the Setup workflow): every tab and
 * header row from the sheet layout (templates/sheet.json) the nodes read. With Setup, the Setup
 * run makes the office's spreadsheet and the sandbox shows that one (useOffice).
 */
export function spreadsheetOptions(): Partial<SandboxOptions> {
	const [requests, ...others] = sheetTabs();
	return {
		sheetName: requests.name,
		sheetHeader: requests.header,
		otherTabs: Object.fromEntries(others.map((tab) => [tab.name, tab.header])),
	};
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
	const log = options.log ?? defaultLog;
	const timings: Record<string, number> = {};
	const time = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
		const started = Date.now();
		const result = await work();
		timings[phase] = (Date.now() - started) / 1000;
		return result;
	};
	const started = Date.now();
	const userFolder = options.userFolder ?? join(REPO_ROOT, '.sandbox', 'n8n');
	const workflowsDir = options.workflowsDir ?? join(REPO_ROOT, 'workflows');
	if (options.fresh) rmSync(userFolder, { recursive: true, force: true });

	const packageDir = options.packageDir === undefined ? REPO_ROOT : options.packageDir;
	const runtime = await time('install', () =>
		ensureN8n(options.n8nVersion, { cacheDir: options.cacheDir, log }),
	);
	// Before touching the folder's packages: refuse if another run uses it, stop a leftover n8n.
	await claimUserFolder(userFolder, runtime.entry, log);
	if (packageDir) await time('package', () => installPackage({ packageDir, userFolder, log }));

	const { startSandbox } = await import('../server');
	const sandbox = await time('sandbox', () =>
		startSandbox({
			port: options.sandboxPort,
			proxyPort: options.proxyPort,
			stateDir: options.stateDir,
			persist: options.persist,
			provider: options.provider ?? 'meta',
			...spreadsheetOptions(),
			...options.sandboxOptions,
		}),
	);
	const mode = options.mode ?? 'default';
	let n8n: N8nInstance | undefined;
	let queue: QueueServices | undefined;
	const workers: N8nInstance[] = [];
	// Every server is stopped even if stopping an earlier one fails (workers before the database).
	const stopAll = async () => {
		const results = await Promise.allSettled(workers.map((w) => w.stop()));
		results.push(...(await Promise.allSettled([n8n?.stop()])));
		results.push(...(await Promise.allSettled([queue?.stop(), sandbox.stop()])));
		const failed = results.find((r) => r.status === 'rejected');
		if (failed) throw failed.reason;
	};
	try {
		if (mode === 'queue') {
			const stateDir = options.stateDir ?? join(REPO_ROOT, '.sandbox');
			queue = await time('queue', () => startQueueServices(join(stateDir, 'queue'), log));
		}
		const shared = {
			runtime,
			userFolder,
			proxyUrl: sandbox.proxyUrl,
			caCertPath: sandbox.caCertPath,
			extraEnv: {
				// A cap for SQLite's sake, not for correctness: with 50 residents at once and none,
				// SQLite's one writer timed out ("Database is not ready", the load run) and every
				// message came back again and again. Queue mode's workers have their own concurrency.
				...(mode === 'default' ? { N8N_CONCURRENCY_PRODUCTION_LIMIT: '8' } : {}),
				...queue?.env,
				...options.extraEnv,
			},
			keepSuccessfulExecutions: options.keepSuccessfulExecutions,
			log,
		};
		const brokerPort = options.brokerPort || (await freePort());
		n8n = await time('n8n', () => startN8n({ ...shared, port: options.n8nPort, brokerPort }));
		if (queue) {
			const count = options.workers ?? 2;
			await time('workers', () =>
				Promise.all(
					Array.from({ length: count }, async (_, i) => {
						workers.push(await startN8n({ ...shared, role: 'worker', name: `worker-${i + 1}` }));
					}),
				),
			);
		}
		const running = n8n;
		const provisioned = await time('provision', () =>
			provision({
				n8n: running,
				workflowsDir,
				resourcesFile: options.resourcesFile,
				credentials: sandboxCredentials(sandbox, userFolder),
				setup: {
					answers:
						options.submitSetup === false
							? false
							: { ...office.form, provider: PROVIDER_ANSWER[options.provider ?? 'meta'] },
					login: SANDBOX_SETUP_LOGIN,
				},
				keepSuccessfulExecutions: options.keepSuccessfulExecutions,
				log,
			}),
		);
		const intake = provisioned.workflows
			.flatMap((w) => w.webhooks.map((hook) => ({ hook, node: w.nodeTypes[hook.node] })))
			.find(({ hook, node }) => hook.method === 'POST' && INTAKE_NODE_TYPES.includes(node));
		if (intake) sandbox.setIntakeWebhookUrl(intake.hook.url);
		const sheetEdit = provisioned.workflows
			.flatMap((w) => w.webhooks.map((hook) => ({ hook, node: w.nodeTypes[hook.node] })))
			.find(({ node }) => node === SHEET_EDIT_NODE_TYPE);
		if (sheetEdit) sandbox.setSheetEditWebhookUrl(sheetEdit.hook.url);
		// The page and the staff's sheet are the office's: the ones the Setup form made.
		sandbox.useOffice({
			spreadsheetId: provisioned.office.spreadsheetId,
			driveFolderId: provisioned.office.folderId,
		});
		sandbox.setN8n({ url: running.url, ready: () => workflowsActive(running.url, provisioned) });
		timings.total = (Date.now() - started) / 1000;
		const stack: Stack = {
			sandbox,
			n8n: running,
			workers,
			mode,
			provisioned,
			timings,
			webhookUrl: (workflowName, nodeName) => {
				const workflow = provisioned.workflows.find((w) => w.name === workflowName);
				const hook = workflow?.webhooks.find((w) => !nodeName || w.node === nodeName);
				if (!hook)
					throw new Error(
						`no webhook for workflow "${workflowName}"${nodeName ? ` node "${nodeName}"` : ''}`,
					);
				return hook.url;
			},
			restartN8n: async () => {
				await n8n?.stop();
				n8n = await startN8n({ ...shared, port: running.port, brokerPort });
				stack.n8n = n8n;
				return n8n;
			},
			stop: stopAll,
		};
		return stack;
	} catch (error) {
		await stopAll();
		throw error;
	}
}

/** For the sandbox's /api/health: n8n ready and every provisioned workflow active. */
async function workflowsActive(url: string, provisioned: Provisioned): Promise<boolean> {
	try {
		if (!(await fetch(`${url}/healthz/readiness`)).ok) return false;
		for (const workflow of provisioned.workflows.filter((w) => w.active)) {
			const response = await fetch(`${url}/api/v1/workflows/${workflow.id}`, {
				headers: { 'x-n8n-api-key': provisioned.apiKey },
			});
			if (!response.ok || !((await response.json()) as { active?: boolean }).active) return false;
		}
		return true;
	} catch {
		return false;
	}
}
