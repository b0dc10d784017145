// The ready workflows as an admin imports them: stock nodes and this package's nodes only (no
// Code node), every connection pointing at a node that exists, and the sheet header documented
// in setup.json matching the columns the nodes write.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { headerRow } from '../nodes/shared/sheet/requestRow';

const dir = join(__dirname, '..', 'workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'setup.json');
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

	it('setup.json documents the header the request rows are written with', () => {
		expect(read('setup.json').spreadsheet.header).toEqual(headerRow());
	});
});
