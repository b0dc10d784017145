/**
 * The ready workflows are drawn for Meta's Cloud API. An office on Fonnte gets the same
 * workflows with every WhatsApp node switched to Fonnte: the provider parameter, the Fonnte API
 * credential instead of the WhatsApp Cloud API one, and attachments downloaded by the URL the
 * message carried instead of a Meta media id. Pure.
 */
import type { WorkflowNodeFile } from './workflowFile';

export type OfficeProvider = 'meta' | 'fonnte';

const WHATSAPP_NODES = [
	'n8n-nodes-pecelan.whatsAppGateway',
	'n8n-nodes-pecelan.whatsAppGatewayTrigger',
];
const META_CREDENTIAL = 'whatsAppCloudApi';
export const FONNTE_CREDENTIAL = 'fonnteApi';
/** The name a Fonnte office's credential is linked by when the Setup run was given none. */
export const FONNTE_CREDENTIAL_NAME = 'Fonnte API';

/**
 * The provider an answer names: "Fonnte" (any case, also inside a longer label) or Meta. Anything
 * else is refused, so a typo never installs an office on the wrong gateway.
 */
export function providerOf(answer: unknown): OfficeProvider {
	const text = typeof answer === 'string' ? answer.trim().toLowerCase() : '';
	if (!text || text === 'meta' || text.includes('cloud api')) return 'meta';
	if (text.includes('fonnte')) return 'fonnte';
	throw new Error(`"${String(answer)}" is not a WhatsApp provider; choose Meta or Fonnte`);
}

/** `={{ $json.id }}` → `={{ $json.url }}`: the same item's attachment, by its URL. */
function urlExpression(mediaId: unknown): string {
	const text = typeof mediaId === 'string' ? mediaId : '';
	const byUrl = text.replace(/\.id(\s*\}\})$/, '.url$1');
	return byUrl !== text ? byUrl : '={{ $json.url ?? $json.media.url }}';
}

/** The node as an office on `provider` needs it (unchanged for Meta and for other nodes). */
export function forProvider(node: WorkflowNodeFile, provider: OfficeProvider): WorkflowNodeFile {
	if (provider === 'meta' || !WHATSAPP_NODES.includes(node.type)) return node;
	const parameters: Record<string, unknown> = { ...(node.parameters ?? {}), provider };
	// Already on Fonnte (a workflow as installed, ./edits): its URL stays as it is.
	const byUrl = 'mediaUrl' in parameters && !('mediaId' in parameters);
	if (parameters.resource === 'media' && parameters.operation === 'download' && !byUrl) {
		parameters.mediaUrl = urlExpression(parameters.mediaId);
		delete parameters.mediaId;
	}
	const copy: WorkflowNodeFile = { ...node, parameters };
	if (node.credentials) {
		const credentials = { ...node.credentials };
		if (META_CREDENTIAL in credentials) {
			delete credentials[META_CREDENTIAL];
			credentials[FONNTE_CREDENTIAL] = { id: '', name: FONNTE_CREDENTIAL_NAME };
		}
		copy.credentials = credentials;
	}
	return copy;
}
