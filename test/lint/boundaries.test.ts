// The project's boundaries are kept by the lint, not by habit: the project's ESLint config
// (eslint.project.config.mjs, which `npm run lint` runs after n8n's), run on small sources placed
// where they would live.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface Probe {
	file: string;
	source: string;
}

// ESLint's API in a child Node process (its config is an ES module, which jest's VM cannot import),
// all probes in one run so the config and the TypeScript resolver load once.
function lint(probes: Probe[]): string[][] {
	const script = `
		const { ESLint } = require('eslint');
		const probes = JSON.parse(require('fs').readFileSync(0, 'utf8'));
		const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: 'eslint.project.config.mjs' });
		(async () => {
			const out = [];
			for (const p of probes) {
				const [r] = await eslint.lintText(p.source, { filePath: p.file });
				out.push(r.messages.map((m) => m.ruleId + ': ' + m.message));
			}
			process.stdout.write(JSON.stringify(out));
		})();`;
	const stdout = execFileSync(process.execPath, ['-e', script], {
		cwd: root,
		input: JSON.stringify(probes.map((p) => ({ ...p, file: join(root, p.file) }))),
	});
	return JSON.parse(stdout.toString()) as string[][];
}

const n8nImport =
	"import { NodeOperationError } from 'n8n-workflow';\nexport const E = NodeOperationError;\n";
const nodeImport =
	"import { router } from '../../ServiceDesk/actions/router';\nexport const r = router;\n";
const otherNodeImport =
	"import { letterFileName } from '../../LetterPdf/generate';\nexport const f = letterFileName;\n";
const commonImport =
	"import { forEachItem } from '../../n8nHelpers/itemLoop';\nexport const loop = forEachItem;\n";
const fsImport =
	"import { readFileSync } from 'node:fs';\nexport const read = () => readFileSync('x');\n";

describe('lint boundaries', () => {
	jest.setTimeout(180_000);
	let results: string[][];

	beforeAll(() => {
		results = lint([
			{ file: 'nodes/domain/validation/boundary-probe.ts', source: n8nImport },
			{ file: 'nodes/domain/conversation/boundary-probe.ts', source: nodeImport },
			{ file: 'nodes/LetterPdf/boundary-probe.ts', source: n8nImport },
			{ file: 'sandbox/server/boundary-probe.ts', source: fsImport },
			{ file: 'nodes/LetterPdf/boundary-probe.ts', source: fsImport },
			{ file: 'nodes/ServiceReport/actions/boundary-probe.ts', source: otherNodeImport },
			{ file: 'nodes/ServiceReport/actions/boundary-probe.ts', source: commonImport },
			{ file: 'nodes/n8nHelpers/boundary-probe.ts', source: nodeImport.replace('../../', '../') },
		]);
	});

	it('refuses an n8n import in the domain (nodes/domain)', () => {
		expect(results[0]).toEqual([expect.stringMatching(/^no-restricted-imports: .*no n8n imports/)]);
	});

	it('refuses a domain file that imports a node folder', () => {
		expect(results[1]).toEqual([
			expect.stringMatching(/^no-restricted-imports: .*may not import a node folder/),
		]);
	});

	it('lets a node import n8n', () => {
		expect(results[2]).toEqual([]);
	});

	it('applies the community-node rules to shipped code only', () => {
		expect(results[3]).toEqual([]);
		expect(results[4]).toEqual([
			expect.stringMatching(/^@n8n\/community-nodes\/no-restricted-imports/),
		]);
	});

	it("refuses a node that imports another node's folder", () => {
		expect(results[5]).toEqual([
			expect.stringMatching(/^no-restricted-imports: .*may not import another node's folder/),
		]);
	});

	it('lets a node import the adapters they share (nodes/n8nHelpers), and nodes/n8nHelpers no node', () => {
		expect(results[6]).toEqual([]);
		expect(results[7]).toEqual([
			expect.stringMatching(/^no-restricted-imports: .*may not import another node's folder/),
		]);
	});
});
