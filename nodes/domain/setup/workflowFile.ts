/** The shape of a workflow file as n8n exports it, as far as the setup reads and writes it. */
export interface WorkflowNodeFile {
	name: string;
	type: string;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id?: string | null; name?: string }>;
	[key: string]: unknown;
}

export interface WorkflowFileShape {
	name: string;
	nodes: WorkflowNodeFile[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}
