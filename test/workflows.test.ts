// The ready workflows as an admin imports them: stock nodes and this package's nodes only (no
// Code node), every connection pointing at a node that exists, and every Google Sheets node
// writing to a tab, and columns, of the sheet layout (templates/sheet.json) the office is set up with.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { sheetTabs } from '../nodes/domain/sheet/requestRow';
import { officeTables, setupTables } from './support/setupTables';

const dir = join(__dirname, '..', 'workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

describe('ready workflows', () => {
	it.each(files)('%s uses stock and package nodes only, wired to nodes that exist', (file) => {
		const workflow = read(file);
		const names = new Set(workflow.nodes.map((n: { name: string }) => n.name));
		for (const node of workflow.nodes as Array<{ type: string }>) {
			expect(node.type).toMatch(/^(n8n-nodes-base\.|n8n-nodes-pecelan\.)/);
			expect(node.type).not.toMatch(/\.(code|function|functionItem)$/);
		}
		for (const [from, outputs] of Object.entries(workflow.connections)) {
			expect(names).toContain(from);
			for (const branch of (outputs as { main: Array<Array<{ node: string }>> }).main)
				for (const link of branch) expect(names).toContain(link.node);
		}
	});

	it.each(files)('%s writes only to tabs and columns of the sheet layout', (file) => {
		const tabs = new Map(sheetTabs().map((tab) => [tab.name, tab.header]));
		type SheetsNode = {
			type: string;
			parameters: { sheetName?: { value?: string }; columns?: { value?: Record<string, unknown> } };
		};
		for (const node of read(file).nodes as SheetsNode[]) {
			if (node.type !== 'n8n-nodes-base.googleSheets') continue;
			const tab = String(node.parameters.sheetName?.value ?? '');
			// The sheet-marking sub-workflow writes to the tab its callers name: checked below.
			if (file === 'send-notice.json' && tab.includes("$('When Called')")) continue;
			expect([...tabs.keys()]).toContain(tab);
			for (const column of Object.keys(node.parameters.columns?.value ?? {}))
				expect(tabs.get(tab)).toContain(column);
		}
	});

	it.each(files)(
		'%s asks the sheet-marking sub-workflow for tabs and columns of the layout',
		(file) => {
			const tabs = new Map(sheetTabs().map((tab) => [tab.name, tab.header]));
			type CallNode = {
				type: string;
				name: string;
				parameters: {
					workflowId?: { cachedResultName?: string };
					workflowInputs?: { value?: Record<string, string> };
				};
			};
			const calls = (read(file).nodes as CallNode[]).filter(
				(n) =>
					n.type === 'n8n-nodes-base.executeWorkflow' &&
					n.parameters.workflowId?.cachedResultName === 'Pecelan · Send a notice and mark the sheet',
			);
			for (const call of calls) {
				const { tab, matchColumn, cells } = call.parameters.workflowInputs?.value ?? {};
				expect([call.name, [...tabs.keys()].includes(tab)]).toEqual([call.name, true]);
				const header = tabs.get(tab) ?? [];
				expect(header).toContain(matchColumn);
				// The cells' keys, as written in the object literal(s) of the expression.
				const keys = [...String(cells).matchAll(/[{,]\s*'?([A-Z][A-Za-z ]*)'?\s*:/g)].map(
					(m) => m[1],
				);
				expect(keys).toContain(matchColumn);
				for (const key of keys)
					expect([call.name, key, header.includes(key)]).toEqual([call.name, key, true]);
			}
		},
	);

	it.each(files)(
		'%s uses only data tables the Setup workflow or the workflow itself creates',
		(file) => {
			const own = officeTables().filter((t) => !setupTables().some((s) => s.name === t.name));
			const created = (read(file).nodes as Array<{ type: string; parameters: Record<string, any> }>)
				.filter((n) => n.type === 'n8n-nodes-base.dataTable' && n.parameters.resource === 'table')
				.map((n) => String(n.parameters.tableName));
			const tables = [
				...setupTables().map((t) => t.name),
				...own.map((t) => t.name).filter((name) => created.includes(name)),
			];
			type TableNode = {
				type: string;
				parameters: { dataTableId?: { value?: string }; tableName?: string };
			};
			for (const node of read(file).nodes as TableNode[])
				if (node.type === 'n8n-nodes-base.dataTable')
					expect(tables).toContain(node.parameters.dataTableId?.value ?? node.parameters.tableName);
		},
	);

	it.each(files)('%s: every Google node signs in with the service account it names', (file) => {
		// Without the parameter n8n wants the OAuth2 credential instead and refuses to activate.
		for (const node of read(file).nodes as Array<{
			type: string;
			parameters: { authentication?: string };
			credentials?: Record<string, unknown>;
		}>) {
			if (!/\.google(Drive|Sheets)$/.test(node.type)) continue;
			expect(node.parameters.authentication).toBe('serviceAccount');
			expect(node.credentials).toHaveProperty('googleApi');
		}
	});
});

describe('the Setup workflow (setup.json)', () => {
	const setup = read('setup.json');
	type Node = { name: string; type: string; parameters: Record<string, any> };
	const nodes = setup.nodes as Node[];

	it('creates every data table the ready workflows use (or each workflow its own), with every column they write, reusing an existing one', () => {
		const tables = officeTables();
		type TableNode = { type: string; parameters: Record<string, any> };
		// Setup's own sub-workflow keeps what Setup made in pecelan_office, which it makes itself.
		const used = files
			.filter((f) => f !== 'setup.json' && f !== 'office-files.json')
			.flatMap((f) => read(f).nodes as TableNode[])
			.filter((n) => n.type === 'n8n-nodes-base.dataTable' && n.parameters.dataTableId);
		expect(new Set(used.map((n) => n.parameters.dataTableId.value))).toEqual(
			new Set(tables.map((t) => t.name).filter((name) => name !== 'pecelan_office')),
		);
		for (const node of used) {
			const table = tables.find((t) => t.name === node.parameters.dataTableId.value)!;
			for (const column of Object.keys(node.parameters.columns?.value ?? {}))
				expect(table.columns.map((c) => c.name)).toContain(column);
		}
		for (const node of nodes.filter((n) => n.parameters.resource === 'table'))
			expect(node.parameters.options.createIfNotExists).toBe(true);
	});

	it('is opened only with its form login, and installs through the n8n node', () => {
		const form = nodes.find((n) => n.type === 'n8n-nodes-base.formTrigger') as Node & {
			credentials: Record<string, { name: string }>;
		};
		expect(form.parameters.authentication).toBe('basicAuth');
		expect(form.credentials.httpBasicAuth.name).toBe('Setup form login');
		const installs = nodes.filter((n) => n.type === 'n8n-nodes-base.n8n');
		expect(installs.map((n) => n.parameters.operation).sort()).toEqual(
			['activate', 'create', 'get', 'getAll', 'update'].sort(),
		);
	});

	it('carries no sandbox id: every id comes from what it created or found', () => {
		expect(JSON.stringify(setup)).not.toMatch(/1SandboxPecelan/);
	});
});
