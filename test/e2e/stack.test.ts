// Starts everything from nothing, as a new user's `npm start` does (fresh n8n user folder; the
// n8n install cache may be reused), with a tiny community package and test workflows:
// the package's node runs, a stock Google Sheets node reaches the sandbox through the proxy.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provision } from '../../sandbox/runtime/provision';
import { sandboxCredentials, startStack, Stack } from '../../sandbox/runtime/stack';
import { staffClient, waitForExecution } from './support/clients';
import { stackInfo, StackInfo, webhookUrl } from './support/stack-info';
import { E2E_TEST_TIMEOUT_MS, STACK_START_TIMEOUT_MS } from './support/use-stack';

const FIXTURES = join(__dirname, 'support', 'fixtures');
const WORKFLOWS = join(FIXTURES, 'workflows');
const RESOURCES = join(FIXTURES, 'resources.json');

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

let dir: string;
let stack: Stack;
let info: StackInfo;

async function postJson(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, json: await response.json() };
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'pecelan-stack-test-'));
	stack = await startStack({
		userFolder: join(dir, 'n8n'),
		stateDir: join(dir, 'sandbox'),
		sandboxPort: 0,
		packageDir: join(FIXTURES, 'n8n-nodes-stackprobe'),
		workflowsDir: WORKFLOWS,
		resourcesFile: RESOURCES,
		// The test reads the sheet workflow's execution through n8n's API; by default no
		// successful execution is kept (they carry personal data).
		keepSuccessfulExecutions: true,
		log: (line) => process.stderr.write(`[stack] ${line}\n`),
	});
	info = stackInfo(stack);
	const t = stack.timings;
	process.stderr.write(
		`[stack] timings: install ${t.install} s, package ${t.package} s, sandbox ${t.sandbox} s, ` +
			`n8n start ${t.n8n} s, provision ${t.provision} s, total ${t.total} s; ` +
			`n8n RSS ${Math.round(stack.n8n.rssBytes() / 1e6)} MB\n`,
	);
}, STACK_START_TIMEOUT_MS);

afterAll(async () => {
	if (!stack) return;
	const pid = stack.n8n.process.pid as number;
	await stack.stop();
	rmSync(dir, { recursive: true, force: true });
	// Neither n8n nor its task runner may outlive stop().
	expect(() => process.kill(-pid, 0)).toThrow();
	await expect(fetch(`${info.n8nUrl}/healthz`)).rejects.toThrow();
}, 60000);

test('the sandbox reports healthy once n8n is ready and every workflow active', async () => {
	const response = await fetch(`${info.sandboxUrl}/api/health`);
	expect(response.status).toBe(200);
});

test('the sandbox config points at this n8n', async () => {
	const config = (await (await fetch(`${info.sandboxUrl}/api/config`)).json()) as Record<
		string,
		unknown
	>;
	expect(config).toMatchObject({
		n8nUrl: info.n8nUrl,
		spreadsheetId: expect.any(String),
		sheetName: 'Permohonan',
		verifyToken: expect.any(String),
		appSecret: expect.any(String),
		phoneNumberId: expect.any(String),
	});
});

test('a provisioned workflow answers on its production webhook, through the community package node', async () => {
	const { status, json } = await postJson(webhookUrl(info, 'Stack test: echo'), { text: 'halo' });
	expect(status).toBe(200);
	// `probedBy` is added by n8n-nodes-stackprobe.probe, installed like a user's community package.
	expect(json).toEqual({ echo: 'halo', probedBy: 'stackprobe' });
});

test('the stock Google Sheets node appends to the sandbox sheet through the proxy', async () => {
	const staff = staffClient(info);
	const nama = `Warga ${Date.now()}`;
	const { status } = await postJson(webhookUrl(info, 'Stack test: sheet append'), {
		nama,
		spreadsheetId: info.config.spreadsheetId,
		sheetName: info.config.sheetName,
	});
	expect(status).toBe(200);
	const sheet = await staff.sheet();
	// The sandbox's sheet has the office's layout (templates/sheet.json); the row fills two columns.
	expect(sheet.header).toEqual(expect.arrayContaining(['Nama', 'Status']));
	expect(sheet.rows.map((r) => r.values)).toContainEqual(
		expect.objectContaining({ Nama: nama, Status: 'Menunggu' }),
	);

	const calls = await staff.calls();
	expect(calls).toContainEqual(
		expect.objectContaining({ host: 'oauth2.googleapis.com', method: 'POST', path: '/token' }),
	);
	expect(calls).toContainEqual(
		expect.objectContaining({
			host: 'sheets.googleapis.com',
			path: `/v4/spreadsheets/${info.config.spreadsheetId}`,
		}),
	);

	const workflowId = info.workflows.find((w) => w.name === 'Stack test: sheet append')?.id;
	const execution = await waitForExecution(info, { workflowId }, (e) => e.status === 'success');
	expect(execution.workflowId).toBe(workflowId);
});

test('provisioning again changes nothing: same workflows, credentials and tables, still answering', async () => {
	const again = await provision({
		n8n: stack.n8n,
		workflowsDir: WORKFLOWS,
		resourcesFile: RESOURCES,
		credentials: sandboxCredentials(stack.sandbox, stack.n8n.userFolder),
		log: () => undefined,
	});
	expect(again.workflows.map((w) => w.id).sort()).toEqual(info.workflows.map((w) => w.id).sort());
	expect(again.credentials.map((c) => c.id).sort()).toEqual(
		stack.provisioned.credentials.map((c) => c.id).sort(),
	);
	expect(again.dataTables).toEqual(stack.provisioned.dataTables);
	const { json } = await postJson(webhookUrl(info, 'Stack test: echo'), { text: 'lagi' });
	expect(json).toEqual({ echo: 'lagi', probedBy: 'stackprobe' });
});

test('a changed workflow file replaces the live version, and changing it back restores it', async () => {
	const changedDir = join(dir, 'changed-workflows');
	mkdirSync(changedDir);
	const echo = JSON.parse(readFileSync(join(WORKFLOWS, 'echo.json'), 'utf8'));
	echo.nodes.find(
		(n: { name: string }) => n.name === 'Set',
	).parameters.assignments.assignments[0].value = '={{ "changed: " + $json.body.text }}';
	writeFileSync(join(changedDir, 'echo.json'), JSON.stringify(echo));
	const options = {
		n8n: stack.n8n,
		resourcesFile: RESOURCES,
		credentials: sandboxCredentials(stack.sandbox, stack.n8n.userFolder),
		log: () => undefined,
	};
	try {
		const changed = await provision({ ...options, workflowsDir: changedDir });
		expect(changed.workflows[0].id).toBe(info.workflows.find((w) => w.file === 'echo.json')?.id);
		const { json } = await postJson(webhookUrl(info, 'Stack test: echo'), { text: 'halo' });
		expect(json).toEqual({ echo: 'changed: halo', probedBy: 'stackprobe' });
	} finally {
		await provision({ ...options, workflowsDir: WORKFLOWS });
	}
	const { json } = await postJson(webhookUrl(info, 'Stack test: echo'), { text: 'halo' });
	expect(json).toEqual({ echo: 'halo', probedBy: 'stackprobe' });
});
