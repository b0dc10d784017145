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

/** A workflow in n8n, as n8n's API lists it (the nodes and connections as they stand there). */
export interface InstalledWorkflow {
	id: string;
	name: string;
	nodes?: WorkflowNodeFile[];
	connections?: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

/** What Setup put into a workflow when it last installed it (./edits). */
export interface InstallRecord {
	/** The fingerprint of the workflow as Setup installed it from the package. */
	fingerprint: string;
	/** The office ids written into it (spreadsheet, folder, signatoryWhatsApp). */
	ids: Record<string, string>;
}
