// `npm run docs:screenshots`: pictures of the ready workflows as an admin sees them in the n8n
// editor, for docs/workflows.md. Starts the office as `npm start` does (same package, same
// workflows, provisioned by the Setup form) but on free ports in a temporary folder, logs into the
// editor with Chromium, opens each installed workflow, zooms to fit, writes
// docs/workflows/<file name>.png, and stops everything it started.
//
// Environment: CHROMIUM_PATH (default: chromium on PATH), PECELAN_SCREENSHOT_WIDTH / _HEIGHT
// (default 1920 × 1080, a common screen), PECELAN_SCREENSHOT_SCALE (pixels per CSS pixel,
// default 1; 2 gives sharper, four times larger files), and the development overrides of `npm start` (PECELAN_PACKAGE_DIR,
// PECELAN_WORKFLOWS_DIR).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { missingFor, thisMachine } from '../sandbox/runtime/check-prerequisites';
import { REPO_ROOT, type Stack, startStack } from '../sandbox/runtime/stack';
import { launchChromium } from '../test/support/browser';

const OUT_DIR = join(REPO_ROOT, 'docs', 'workflows');
const WIDTH = Number(process.env.PECELAN_SCREENSHOT_WIDTH) || 1920;
const HEIGHT = Number(process.env.PECELAN_SCREENSHOT_HEIGHT) || 1080;
const SCALE = Number(process.env.PECELAN_SCREENSHOT_SCALE) || 1;
/** A loaded machine may take long to open a large canvas; nothing here waits a fixed time. */
const CANVAS_TIMEOUT_MS = 120_000;

const started = Date.now();
function log(line: string): void {
	const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
	console.log(`[screenshots ${seconds} s] ${line}`);
}

/** Logs into the editor as the owner `npm start` creates (n8n's own login call, as its form does). */
async function logIn(page: Page, stack: Stack): Promise<void> {
	const response = await page.request.post(`${stack.n8n.url}/rest/login`, {
		data: { emailOrLdapLoginId: stack.n8n.owner.email, password: stack.n8n.owner.password },
	});
	if (!response.ok())
		throw new Error(`the n8n login answered ${response.status()}: ${await response.text()}`);
}

/** Waits until the canvas shows `count` nodes and stops moving (two equal frames in a row). */
async function waitForCanvas(page: Page, count: number): Promise<void> {
	await page.waitForFunction(
		(expected) => document.querySelectorAll('.vue-flow__node').length >= expected,
		count,
		{ timeout: CANVAS_TIMEOUT_MS },
	);
	await page.waitForFunction(
		() => {
			const w = window as unknown as { __lastTransform?: string; __steady?: number };
			const viewport = document.querySelector('.vue-flow__transformationpane') as HTMLElement;
			const now = viewport?.style.transform ?? '';
			w.__steady = now === w.__lastTransform ? (w.__steady ?? 0) + 1 : 0;
			w.__lastTransform = now;
			return w.__steady >= 5;
		},
		undefined,
		{ timeout: CANVAS_TIMEOUT_MS, polling: 100 },
	);
}

/** Opens one workflow, zooms to fit as the editor's button (shortcut "1") does, and takes the picture. */
async function screenshot(
	browser: Browser,
	stack: Stack,
	workflow: { id: string; name: string; nodeTypes: Record<string, string> },
	file: string,
): Promise<void> {
	const context = await browser.newContext({
		viewport: { width: WIDTH, height: HEIGHT },
		deviceScaleFactor: SCALE,
	});
	try {
		const page = await context.newPage();
		await logIn(page, stack);
		await page.goto(`${stack.n8n.url}/workflow/${workflow.id}`, { waitUntil: 'domcontentloaded' });
		await waitForCanvas(page, Object.keys(workflow.nodeTypes).length);
		const zoomToFit = page.locator('[data-test-id="zoom-to-fit"]');
		if (await zoomToFit.count()) await zoomToFit.first().click();
		else {
			await page
				.locator('.vue-flow__pane')
				.first()
				.click({ position: { x: 5, y: 5 } });
			await page.keyboard.press('1');
		}
		// The mouse off the canvas: no hover toolbar in the picture.
		await page.mouse.move(0, HEIGHT - 1);
		await waitForCanvas(page, Object.keys(workflow.nodeTypes).length);
		await page.screenshot({ path: file });
	} finally {
		await context.close();
	}
}

async function main(): Promise<void> {
	const missing = missingFor('test', thisMachine());
	if (missing.length > 0) {
		for (const line of missing) console.error(line);
		process.exit(1);
	}
	const dir = mkdtempSync(join(tmpdir(), 'pecelan-screenshots-'));
	const running: { stack?: Stack; browser?: Browser } = {};
	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		await running.browser?.close().catch(() => undefined);
		if (running.stack) {
			log('stopping n8n and the sandbox');
			await running.stack.stop();
			log('stopped');
		}
		rmSync(dir, { recursive: true, force: true });
	};
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.on(signal, () => void stop().then(() => process.exit(1)));

	try {
		log(`starting the office on free ports in ${dir}`);
		running.stack = await startStack({
			userFolder: join(dir, 'n8n'),
			stateDir: join(dir, 'sandbox'),
			n8nPort: 0,
			brokerPort: 0,
			sandboxPort: 0,
			packageDir: process.env.PECELAN_PACKAGE_DIR || undefined,
			workflowsDir: process.env.PECELAN_WORKFLOWS_DIR || undefined,
			log: (line) => log(`  ${line}`),
		});
		const stack = running.stack;
		log(`n8n editor at ${stack.n8n.url}`);
		running.browser = await launchChromium();

		mkdirSync(OUT_DIR, { recursive: true });
		const written: string[] = [];
		for (const workflow of stack.provisioned.workflows) {
			const file = join(OUT_DIR, `${basename(workflow.file, '.json')}.png`);
			log(`"${workflow.name}" (${Object.keys(workflow.nodeTypes).length} nodes)`);
			await screenshot(running.browser, stack, workflow, file);
			written.push(file);
			log(`  wrote ${relative(REPO_ROOT, file)}`);
		}
		// Pictures of workflows that are no longer shipped would mislead: they go.
		for (const old of readdirSync(OUT_DIR).filter((f) => f.endsWith('.png'))) {
			const path = join(OUT_DIR, old);
			if (!written.includes(path)) {
				unlinkSync(path);
				log(`  removed ${relative(REPO_ROOT, path)} (no such workflow any more)`);
			}
		}
		log(`done: ${written.length} screenshots in ${relative(REPO_ROOT, OUT_DIR)}/`);
	} finally {
		await stop();
	}
}

main().catch((error) => {
	console.error(
		`[screenshots] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
	);
	process.exit(1);
});
