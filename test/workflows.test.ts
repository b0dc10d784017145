// The ready workflows as an admin imports them: stock nodes and this package's nodes only (no
// Code node), every connection pointing at a node that exists, and every Google Sheets node
// writing to a tab, and columns, of the sheet layout (templates/sheet.json) the office is set up with.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { sheetTabs } from '../nodes/shared/sheet/requestRow';

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
			expect([...tabs.keys()]).toContain(tab);
			for (const column of Object.keys(node.parameters.columns?.value ?? {}))
				expect(tabs.get(tab)).toContain(column);
		}
	});

	it.each(files)('%s uses only data tables templates/resources.json provisions', (file) => {
		const resources = JSON.parse(
			readFileSync(join(__dirname, '..', 'templates', 'resources.json'), 'utf8'),
		);
		const tables = (resources.dataTables as Array<{ name: string }>).map((t) => t.name);
		type TableNode = { type: string; parameters: { dataTableId?: { value?: string } } };
		for (const node of read(file).nodes as TableNode[])
			if (node.type === 'n8n-nodes-base.dataTable')
				expect(tables).toContain(node.parameters.dataTableId?.value);
	});

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
