import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { complaintFiles, SURVEY_ELEMENTS, step } from '../../shared/conversation';
import type { Application } from '../../shared/conversation';
import type { Catalog } from '../../shared/catalog/types';
import type { InboundMessage } from '../../shared/messaging/types';
import { getCatalog } from './catalog';
import { sessionProperty, storedSession } from './helpers';

const show = { operation: ['handleMessage'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'message',
		type: 'json',
		default: '={{ $json }}',
		description: 'The incoming message, as the WhatsApp Gateway Trigger emits it',
		displayOptions: { show },
	},
	sessionProperty('handleMessage'),
];

/** Output indexes, in the order the node declares them. */
export const OUTPUT = {
	reply: 0,
	submitted: 1,
	status: 2,
	handoff: 3,
	survey: 4,
	complaint: 5,
} as const;

function parseMessage(this: IExecuteFunctions, raw: unknown, itemIndex: number): InboundMessage {
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch {
			value = undefined;
		}
	}
	const message = value as Partial<InboundMessage> | undefined;
	if (!message || typeof message.from !== 'string' || typeof message.messageId !== 'string') {
		throw new NodeOperationError(
			this.getNode(),
			'The Message parameter is not a WhatsApp message',
			{
				description:
					'Map it to the output of the WhatsApp Gateway Trigger (it needs at least "from" and "messageId").',
				itemIndex,
			},
		);
	}
	return message as InboundMessage;
}

const EXTENSIONS: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'application/pdf': 'pdf',
};

/**
 * The application's files as a flat list, one entry per file, named for the Drive folder, so a
 * workflow can split them into items (download → upload) with stock nodes.
 */
function documentFiles(application: Application, catalog: Catalog) {
	const service = catalog.services.find((s) => s.key === application.serviceKey);
	return Object.entries(application.documents).flatMap(([key, files]) => {
		const label = service?.documents.find((d) => d.key === key)?.label ?? key;
		return files.map((file, index) => {
			const extension = EXTENSIONS[file.mimeType] ?? 'bin';
			const suffix = files.length > 1 ? ` ${index + 1}` : '';
			return {
				ticket: application.ticket,
				key,
				label: `${label}${suffix}`,
				id: file.id,
				url: file.url,
				mimeType: file.mimeType,
				fileName: `${application.ticket} ${label}${suffix}.${extension}`,
			};
		});
	});
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const outputs: INodeExecutionData[][] = [[], [], [], [], [], []];
	const items = this.getInputData();
	const now = new Date();
	for (let i = 0; i < items.length; i++) {
		try {
			const catalog = getCatalog.call(this, i);
			const message = parseMessage.call(this, this.getNodeParameter('message', i), i);
			const session = storedSession.call(this, i);
			const result = step(session, message, catalog, now);
			const pairedItem = { item: i };
			outputs[OUTPUT.reply].push({
				json: {
					waId: message.from,
					session: JSON.stringify(result.session),
					replies: result.replies,
					events: result.events.map((e) => e.type),
				},
				pairedItem,
			});
			for (const event of result.events) {
				if (event.type === 'submitted' || event.type === 'resubmitted') {
					outputs[OUTPUT.submitted].push({
						json: {
							...event.application,
							resubmitted: event.type === 'resubmitted',
							files: documentFiles(event.application, catalog),
						},
						pairedItem,
					});
				} else if (event.type === 'status_requested') {
					outputs[OUTPUT.status].push({ json: { ...event }, pairedItem });
				} else if (event.type === 'handoff_requested') {
					outputs[OUTPUT.handoff].push({ json: { ...event }, pairedItem });
				} else if (event.type === 'survey_answered') {
					// One column per element as well, so a sheet row can be upserted by ticket as is.
					const columns = Object.fromEntries(
						SURVEY_ELEMENTS.map((element) => [element, event.scores[element] ?? null]),
					);
					outputs[OUTPUT.survey].push({ json: { ...event, ...columns }, pairedItem });
				} else if (event.type === 'complaint_submitted') {
					outputs[OUTPUT.complaint].push({
						json: { ...event.complaint, files: complaintFiles(event.complaint, catalog) },
						pairedItem,
					});
				} else if (event.type === 'error') {
					this.logger.warn(`Service desk: conversation step failed: ${event.reason}`, {
						waId: message.from,
					});
				}
			}
		} catch (error) {
			if (!this.continueOnFail()) {
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			}
			outputs[OUTPUT.reply].push({
				json: { error: (error as Error).message },
				pairedItem: { item: i },
			});
		}
	}
	return outputs;
}
