import {
	prepareWorkflow,
	stableUuid,
	webhookEndpoints,
	WorkflowFile,
} from '../../sandbox/runtime/workflow-file';

const credentials = [
	{ id: 'c1', name: 'Google (sandbox)', type: 'googleApi' },
	{ id: 'c2', name: 'Google (other)', type: 'googleApi' },
	{ id: 'c3', name: 'WhatsApp Cloud API (sandbox)', type: 'whatsAppCloudApi' },
];

function workflow(nodes: WorkflowFile['nodes'], settings?: Record<string, unknown>): WorkflowFile {
	return { name: 'Intake', nodes, connections: {}, settings };
}

describe('prepareWorkflow', () => {
	it('points credential references at this instance, preferring the same name', () => {
		const file = workflow([
			{
				name: 'Sheet',
				type: 'n8n-nodes-base.googleSheets',
				credentials: { googleApi: { id: 'x', name: 'Google (other)' } },
			},
			{
				name: 'Sheet 2',
				type: 'n8n-nodes-base.googleSheets',
				credentials: { googleApi: { id: 'y', name: 'Renamed' } },
			},
		]);
		const { body, missing } = prepareWorkflow(file, credentials, () => false);
		expect(body.nodes[0].credentials).toEqual({ googleApi: { id: 'c2', name: 'Google (other)' } });
		expect(body.nodes[1].credentials).toEqual({
			googleApi: { id: 'c1', name: 'Google (sandbox)' },
		});
		expect(missing).toEqual([]);
	});

	it('lists references no credential can satisfy and leaves them as they were', () => {
		const file = workflow([
			{ name: 'Send', type: 'x.fonnte', credentials: { fonnteApi: { id: 'f', name: 'Fonnte' } } },
		]);
		const { body, missing } = prepareWorkflow(file, credentials, () => false);
		expect(missing).toEqual(['Send: fonnteApi']);
		expect(body.nodes[0].credentials).toEqual({ fonnteApi: { id: 'f', name: 'Fonnte' } });
	});

	it('gives webhook nodes without an id the same id on every import, and keeps existing ids', () => {
		const file = workflow([
			{ name: 'Trigger', type: 'n8n-nodes-pecelan.whatsAppGatewayTrigger' },
			{ name: 'Hook', type: 'n8n-nodes-base.webhook', webhookId: 'kept' },
			{ name: 'Set', type: 'n8n-nodes-base.set' },
		]);
		const isWebhook = (n: { type: string }) => n.type !== 'n8n-nodes-base.set';
		const first = prepareWorkflow(file, [], isWebhook).body.nodes;
		const second = prepareWorkflow(file, [], isWebhook).body.nodes;
		expect(first[0].webhookId).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
		);
		expect(second[0].webhookId).toBe(first[0].webhookId);
		expect(first[1].webhookId).toBe('kept');
		expect(first[2].webhookId).toBeUndefined();
		expect(stableUuid('Intake', 'Trigger')).not.toBe(stableUuid('Other', 'Trigger'));
	});

	it('sends only what the public API accepts (no id, active, pinData or editor-only settings)', () => {
		const file = {
			...workflow([], { executionOrder: 'v1', timezone: 'Asia/Jakarta', binaryMode: 'separate' }),
			id: 'abc',
			active: true,
			pinData: {},
		};
		const { body } = prepareWorkflow(file, [], () => false);
		expect(Object.keys(body).sort()).toEqual(['connections', 'name', 'nodes', 'settings']);
		expect(body.settings).toEqual({ executionOrder: 'v1', timezone: 'Asia/Jakarta' });
	});
});

describe('webhookEndpoints', () => {
	const base = 'http://127.0.0.1:5678';

	it('serves a stock Webhook node at its own path with its method', () => {
		const node = {
			name: 'Hook',
			type: 'n8n-nodes-base.webhook',
			webhookId: 'w1',
			parameters: { path: 'intake', httpMethod: 'POST' },
		};
		const hooks = webhookEndpoints(base, node, [
			{
				name: 'default',
				isFullPath: true,
				httpMethod: '={{$parameter["httpMethod"] || "GET"}}',
				path: '={{$parameter["path"]}}',
			},
		]);
		expect(hooks).toEqual([
			{ node: 'Hook', name: 'default', method: 'POST', url: `${base}/webhook/intake` },
		]);
	});

	it('falls back to the expression default when the parameter is not set', () => {
		const node = {
			name: 'Hook',
			type: 'n8n-nodes-base.webhook',
			webhookId: 'w1',
			parameters: { path: 'ping' },
		};
		const [hook] = webhookEndpoints(base, node, [
			{
				isFullPath: true,
				httpMethod: '={{$parameter["httpMethod"] || "GET"}}',
				path: '={{$parameter["path"]}}',
			},
		]);
		expect(hook.method).toBe('GET');
	});

	it('serves a Form Trigger under /form/ at the path in its options, else at its webhook id', () => {
		const form = {
			isFullPath: true,
			nodeType: 'form',
			path: '={{ $parameter["path"] || $parameter["options"]?.path || $webhookId }}',
		};
		const named = {
			name: 'Signatory Opens the Form',
			type: 'n8n-nodes-base.formTrigger',
			webhookId: 'f1',
			parameters: { options: { path: 'tte' } },
		};
		expect(
			webhookEndpoints(base, named, [
				{ ...form, name: 'setup', httpMethod: 'GET' },
				{ ...form, name: 'default', httpMethod: 'POST' },
			]).map((h) => `${h.method} ${h.url}`),
		).toEqual([`GET ${base}/form/tte`, `POST ${base}/form/tte`]);
		const unnamed = { ...named, parameters: {} };
		expect(webhookEndpoints(base, unnamed, [{ ...form, httpMethod: 'GET' }])[0].url).toBe(
			`${base}/form/f1`,
		);
	});

	it('serves a trigger node under its webhook id', () => {
		const node = {
			name: 'WhatsApp',
			type: 'n8n-nodes-pecelan.whatsAppGatewayTrigger',
			webhookId: 'abc-123',
		};
		const hooks = webhookEndpoints(base, node, [
			{ name: 'setup', httpMethod: 'GET', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', path: 'webhook' },
		]);
		expect(hooks.map((h) => `${h.method} ${h.url}`)).toEqual([
			`GET ${base}/webhook/abc-123/webhook`,
			`POST ${base}/webhook/abc-123/webhook`,
		]);
	});

	it('leaves out a Wait node, whose resume URL exists only per execution', () => {
		const node = { name: 'Back Off', type: 'n8n-nodes-base.wait', webhookId: 'w2' };
		const hooks = webhookEndpoints(base, node, [
			{
				httpMethod: 'POST',
				path: '={{$parameter["options"]["webhookSuffix"] || ""}}',
				restartWebhook: true,
			},
		]);
		expect(hooks).toEqual([]);
	});
});
