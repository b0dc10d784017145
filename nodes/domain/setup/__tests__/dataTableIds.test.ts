import { fillDataTableIds } from '../dataTableIds';
import type { WorkflowFileShape as WorkflowFile } from '../workflowFile';

const byName = (value: string) => ({ __rl: true, mode: 'name', value });

const workflow = (): WorkflowFile => ({
	name: 'w',
	connections: {},
	nodes: [
		{
			name: 'Load',
			type: 'n8n-nodes-base.dataTable',
			parameters: { dataTableId: byName('sessions') },
		},
		{
			name: 'Other',
			type: 'n8n-nodes-base.dataTable',
			parameters: { dataTableId: byName('unknown') },
		},
		{
			name: 'Picked',
			type: 'n8n-nodes-base.dataTable',
			parameters: { dataTableId: { __rl: true, mode: 'list', value: 'abc' } },
		},
		{
			name: 'Sheet',
			type: 'n8n-nodes-base.googleSheets',
			parameters: { dataTableId: byName('sessions') },
		},
	],
});

describe('fillDataTableIds', () => {
	it('points a Data Table node that names a known table at its id', () => {
		const filled = fillDataTableIds(workflow(), { sessions: 'T1' });
		expect(filled.nodes[0].parameters!.dataTableId).toEqual({
			__rl: true,
			mode: 'id',
			value: 'T1',
			cachedResultName: 'sessions',
		});
	});

	it('matches the name regardless of case, as n8n does', () => {
		const filled = fillDataTableIds(workflow(), { Sessions: 'T1' });
		expect((filled.nodes[0].parameters!.dataTableId as { value: string }).value).toBe('T1');
	});

	it('leaves unknown names, picked tables and other node types as they are', () => {
		const file = workflow();
		const filled = fillDataTableIds(file, { sessions: 'T1' });
		expect(filled.nodes.slice(1)).toEqual(file.nodes.slice(1));
	});

	it('does not change the file it was given', () => {
		const file = workflow();
		fillDataTableIds(file, { sessions: 'T1' });
		expect(file.nodes[0].parameters!.dataTableId).toEqual(byName('sessions'));
	});
});
