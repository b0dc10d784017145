// `npm start`: the whole office on this machine (see README). Installs the pinned n8n on first
// use, installs this package into it, starts the sandbox and n8n, provisions the workflows, and
// stops everything it started on Ctrl-C.
import { join } from 'node:path';
import { missingFor, thisMachine } from './runtime/check-prerequisites';
import { DEFAULT_N8N_VERSION } from './runtime/install';
import { providerFrom, REPO_ROOT, Stack, stackModeFrom, startStack } from './runtime/stack';

function portFromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
	}
	return port;
}

function stamp(line: string): void {
	console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
}

async function main(): Promise<void> {
	const missing = missingFor(process.env.PECELAN_MODE === 'queue' ? 'queue' : 'start', thisMachine());
	if (missing.length > 0) {
		for (const line of missing) console.error(line);
		process.exit(1);
	}
	const stateDir = process.env.PECELAN_STATE_DIR || join(REPO_ROOT, '.sandbox');
	const n8nPort = portFromEnv('PECELAN_N8N_PORT', 5678);
	// n8n's broker default (5679) is avoided: a second n8n (CLI) would want it too.
	const brokerPort = portFromEnv('PECELAN_N8N_BROKER_PORT', 5680);
	const sandboxPort = portFromEnv('PECELAN_SANDBOX_PORT', 5690);
	const version = process.env.PECELAN_N8N_VERSION || DEFAULT_N8N_VERSION;
	stamp(`pecelan: starting the sandbox office (n8n ${version}, state in ${stateDir})`);

	const running: { stack?: Stack } = {};
	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		stamp(`pecelan: ${signal}: stopping n8n and the sandbox…`);
		await running.stack?.stop();
		stamp('pecelan: stopped');
		process.exit(0);
	};
	// While starting, a signal still stops whatever is running: n8n's own exit hook kills it.
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));

	const mode = stackModeFrom(process.env.PECELAN_MODE);
	// PECELAN_PROVIDER=fonnte: the office set up on Fonnte, residents writing through it.
	const provider = providerFrom(process.env.PECELAN_PROVIDER);
	const stack = await startStack({
		mode,
		provider,
		n8nPort,
		brokerPort,
		sandboxPort,
		stateDir,
		userFolder: join(stateDir, 'n8n'),
		persist: true,
		n8nVersion: version,
		// Development overrides: another package or workflow folder (e.g. while the package
		// does not build yet).
		packageDir: process.env.PECELAN_PACKAGE_DIR || undefined,
		workflowsDir: process.env.PECELAN_WORKFLOWS_DIR || undefined,
		log: stamp,
	});
	running.stack = stack;
	const { n8n, sandbox, provisioned, timings } = stack;
	const intake = sandbox.config().intakeWebhookUrl;
	console.log(
		[
			'',
			'  The office is running.',
			'',
			`  Sandbox (be a resident and staff):  ${sandbox.url}`,
			`  n8n editor:                          ${n8n.url}`,
			`  WhatsApp through:                    ${provider === 'fonnte' ? 'Fonnte' : 'Meta Cloud API'}`,
			stack.mode === 'queue'
				? `  Queue mode: main + ${stack.workers.length} workers on PostgreSQL and Redis`
				: '',
			`      email:     ${n8n.owner.email}`,
			`      password:  ${n8n.owner.password}`,
			`  Workflows active: ${provisioned.workflows.map((w) => w.name).join(', ') || '(none in workflows/)'}`,
			intake
				? `  Intake webhook:   ${intake}`
				: '  Intake webhook:   (no WhatsApp Gateway Trigger workflow)',
			`  Ready in ${timings.total.toFixed(1)} s (${Object.entries(timings)
				.filter(([phase]) => phase !== 'total')
				.map(([phase, s]) => `${phase} ${s.toFixed(1)} s`)
				.join(', ')})`,
			'',
			'  Ctrl-C stops everything.',
			'',
		].join('\n'),
	);
}

main().catch((error) => {
	console.error(
		`pecelan: could not start: ${error instanceof Error ? error.message : String(error)}`,
	);
	process.exit(1);
});
