// The sandbox office's settings (sandbox/office.json) filled into the printing nodes of a
// workflow before it is imported, where the workflow leaves them empty: what an admin does in
// the editor in a real office. Settings a workflow sets itself are kept. Pure; unit-tested.
import office from '../office.json';
import type { WorkflowFile } from './workflow-file';

/** Node types that print on the letterhead, and the parameter collections each one takes. */
const PRINTERS: Record<string, Array<'letterhead' | 'signatory'>> = {
	'n8n-nodes-pecelan.letterPdf': ['letterhead', 'signatory'],
	'n8n-nodes-pecelan.serviceReport': ['letterhead'],
};

export function withSandboxOffice(file: WorkflowFile): WorkflowFile {
	return {
		...file,
		nodes: file.nodes.map((node) => {
			const parts = PRINTERS[node.type];
			if (!parts) return node;
			const parameters = { ...(node.parameters ?? {}) };
			for (const part of parts) {
				const given = (parameters[part] ?? {}) as Record<string, unknown>;
				const set = Object.fromEntries(
					Object.entries(given).filter(([, v]) => v !== '' && v !== null && v !== undefined),
				);
				parameters[part] = { ...office[part], ...set };
			}
			return { ...node, parameters };
		}),
	};
}
