/** Submits the office's templates (templates/whatsapp) to Meta for review. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	OFFICE_TEMPLATES,
	creationPayload,
	needsSampleHandle,
	officeTemplate,
} from '../../../domain/messaging/templates';
import type { Gateway } from '../../providers/gateway';

const show = { resource: ['message'], operation: ['createTemplates'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Templates',
		name: 'templates',
		type: 'multiOptions',
		default: [],
		options: OFFICE_TEMPLATES.map((t) => ({ name: t.template.name, value: t.template.name })),
		description: 'Which office templates to submit; each is reviewed by Meta (category UTILITY)',
		displayOptions: { show },
	},
	{
		displayName: 'Sample Document Handle',
		name: 'sampleHandle',
		type: 'string',
		default: '',
		description:
			"Meta needs a sample file for templates with a document header: the handle Meta's Resumable Upload API returns for a sample PDF (or create those templates by hand in WhatsApp Manager)",
		displayOptions: { show },
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	gateway: Gateway,
): Promise<INodeExecutionData> {
	if (!gateway.createTemplate) {
		throw new NodeOperationError(this.getNode(), 'Fonnte has no message templates', {
			description:
				'Fonnte sends the office templates as plain text without review; nothing needs to be created.',
			itemIndex,
		});
	}
	const names = this.getNodeParameter('templates', itemIndex, []) as string[];
	const handle = String(this.getNodeParameter('sampleHandle', itemIndex, '') || '').trim();
	const results: Array<Record<string, unknown>> = [];
	for (const name of names) {
		const office = officeTemplate(name);
		if (!office) continue;
		if (needsSampleHandle(office) && !handle) {
			results.push({
				name,
				status: 'SKIPPED',
				reason:
					'It has a document header: give a Sample Document Handle, or create it by hand in WhatsApp Manager.',
			});
			continue;
		}
		try {
			const answer = await gateway.createTemplate(creationPayload(office, handle));
			results.push({ name, id: answer.id, status: answer.status, category: answer.category });
		} catch (error) {
			// One refused template must not hide the answers for the others.
			results.push({ name, status: 'ERROR', reason: (error as Error).message });
		}
	}
	return { json: { provider: gateway.provider, templates: results } };
}
