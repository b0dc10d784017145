// n8n verifies a community package against its lint config as `n8n-node` generates it ("strict"
// mode): the file must stay as generated, and the project's own rules live in a second config.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('n8n verification', () => {
	it('keeps eslint.config.mjs exactly as n8n-node generates it, with strict mode on', () => {
		const template = join(
			root,
			'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs',
		);
		expect(squeeze(readFileSync(join(root, 'eslint.config.mjs'), 'utf8'))).toBe(
			squeeze(readFileSync(template, 'utf8')),
		);
		const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
		expect(pkg.n8n.strict).toBe(true);
		expect(pkg.scripts.lint).toMatch(/eslint\.project\.config\.mjs|lint:project/);
	});
});

describe('import cycle check', () => {
	jest.setTimeout(60_000);
	const check = (dir: string) => {
		try {
			return {
				code: 0,
				out: execFileSync(process.execPath, [join(root, 'scripts/check-cycles.mjs'), dir], {
					stdio: 'pipe',
				}).toString(),
			};
		} catch (error) {
			const e = error as { status: number; stdout: Buffer; stderr: Buffer };
			return { code: e.status, out: e.stdout.toString() + e.stderr.toString() };
		}
	};
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'pecelan-cycles-'));
		mkdirSync(join(dir, 'nodes', 'a'), { recursive: true });
		mkdirSync(join(dir, 'test'), { recursive: true });
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('fails on two modules that import each other, even through a type-only import', () => {
		writeFileSync(
			join(dir, 'nodes/a/shape.ts'),
			"import type { Use } from './use';\nexport interface Shape { use?: Use }\n",
		);
		writeFileSync(
			join(dir, 'nodes/a/use.ts'),
			"import type { Shape } from './shape';\nexport type Use = (s: Shape) => void;\n",
		);
		const result = check(dir);
		expect(result.code).toBe(1);
		expect(result.out).toContain('import cycle: nodes/a/shape.ts ↔ nodes/a/use.ts');
	});

	it('finds a cycle that runs from a test through the sandbox back to the test', () => {
		mkdirSync(join(dir, 'sandbox'));
		writeFileSync(
			join(dir, 'test/helper.ts'),
			"export { serve } from '../sandbox/serve';\nexport const port = 1;\n",
		);
		writeFileSync(
			join(dir, 'sandbox/serve.ts'),
			"import { port } from '../test/helper';\nexport const serve = () => port;\n",
		);
		expect(check(dir).out).toContain('import cycles: 1');
	});

	it('passes a tree whose imports only go one way', () => {
		writeFileSync(join(dir, 'nodes/a/shape.ts'), 'export interface Shape { n: number }\n');
		writeFileSync(
			join(dir, 'nodes/a/use.ts'),
			"import type { Shape } from './shape';\nexport type Use = (s: Shape) => void;\n",
		);
		expect(check(dir)).toEqual({ code: 0, out: 'import cycles: 0 (2 files)\n' });
	});
});
