// The data tables the Setup workflow (workflows/setup.json) creates, with their columns: what a
// Setup-made office has, so what the ready workflows may use. A ready workflow that keeps a table
// of its own (the staff alerts' memory) creates it itself, "if it does not exist", before use.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SetupTable {
	name: string;
	columns: Array<{ name: string; type: string }>;
}

const dir = join(__dirname, '..', '..', 'workflows');

function tablesCreatedBy(file: string): SetupTable[] {
	const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
		nodes: Array<{ type: string; parameters: Record<string, any> }>;
	};
	return workflow.nodes
		.filter((n) => n.type === 'n8n-nodes-base.dataTable' && n.parameters.resource === 'table')
		.filter((n) => n.parameters.operation === 'create' || n.parameters.operation === undefined)
		.filter((n) => file === 'setup.json' || n.parameters.options?.createIfNotExists === true)
		.map((n) => ({ name: n.parameters.tableName, columns: n.parameters.columns.column }));
}

export function setupTables(): SetupTable[] {
	return tablesCreatedBy('setup.json');
}

/** Every table a ready workflow may use: Setup's and those a workflow creates for itself. */
export function officeTables(): SetupTable[] {
	const own = readdirSync(dir)
		.filter((f) => f.endsWith('.json') && f !== 'setup.json')
		.flatMap(tablesCreatedBy);
	return [...setupTables(), ...own];
}
