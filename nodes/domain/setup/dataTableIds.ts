// Data Table nodes in the ready workflows name their table ("By Name"), so a file imports into
// any n8n. n8n then looks the name up on every call (twice for a filtered get or update: n8n-nodes-base
// DataTable `resolveDataTableId`). Once the tables exist their ids are known: pointing the nodes at
// the id saves those queries on every message. Pure.
import { literalParameter } from './literal';
import type { WorkflowFileShape, WorkflowNodeFile } from './workflowFile';

const DATA_TABLE_TYPES = ['n8n-nodes-base.dataTable', 'n8n-nodes-base.dataTableTool'];

interface ResourceLocator {
	__rl?: boolean;
	mode?: string;
	value?: unknown;
	[key: string]: unknown;
}

function withId(node: WorkflowNodeFile, ids: Record<string, string>): WorkflowNodeFile {
	const locator = node.parameters?.dataTableId as ResourceLocator | undefined;
	if (!DATA_TABLE_TYPES.includes(node.type) || locator?.mode !== 'name') return node;
	// n8n matches the name case-insensitively (it lowercases it before the lookup).
	const name = String(locator.value ?? '');
	const key = Object.keys(ids).find((k) => k.toLowerCase() === name.toLowerCase());
	if (!key) return node;
	return {
		...node,
		parameters: {
			...node.parameters,
			// An id from n8n's API, still written as the text it is (./literal).
			dataTableId: {
				__rl: true,
				mode: 'id',
				value: literalParameter(String(ids[key])),
				cachedResultName: key,
			},
		},
	};
}

/** The workflow with every Data Table node that names a known table pointed at its id instead. */
export function fillDataTableIds<T extends WorkflowFileShape>(
	file: T,
	ids: Record<string, string>,
): T {
	return { ...file, nodes: file.nodes.map((node) => withId(node, ids)) };
}
