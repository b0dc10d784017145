// The data tables the Setup workflow (workflows/setup.json) creates, with their columns: what a
// Setup-made office has, so what the ready workflows may use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SetupTable {
	name: string;
	columns: Array<{ name: string; type: string }>;
}

export function setupTables(): SetupTable[] {
	const setup = JSON.parse(
		readFileSync(join(__dirname, '..', '..', 'workflows', 'setup.json'), 'utf8'),
	) as { nodes: Array<{ type: string; parameters: Record<string, any> }> };
	return setup.nodes
		.filter((n) => n.type === 'n8n-nodes-base.dataTable' && n.parameters.resource === 'table')
		.map((n) => ({ name: n.parameters.tableName, columns: n.parameters.columns.column }));
}
