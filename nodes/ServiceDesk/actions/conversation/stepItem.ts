/**
 * One conversation step as an item a workflow can save before anything leaves: the step result
 * with the version it was computed from, and the outputs it will be routed to once saved.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	complaintFiles,
	filesSummary,
	SURVEY_ELEMENTS,
	step,
	withPendingReplies,
} from '../../../domain/conversation';
import type { Application } from '../../../domain/conversation';
import type { Catalog } from '../../../domain/catalog/types';
import { extensionFor } from '../../../domain/messaging/media';
import type { InboundMessage } from '../../../domain/messaging/types';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';
import { sheetTime } from '../../../domain/sheet/time';
import { isObject } from '../../../domain/values';
import { getCatalog } from '../catalog';
import { storedPendingReplies, storedSession, storedVersion } from '../residentSession';

/** Output indexes of "Handle Message" and "Route Saved Step", in the order the node declares them. */
export const OUTPUT = {
	reply: 0,
	submitted: 1,
	status: 2,
	handoff: 3,
	survey: 4,
	complaint: 5,
	resend: 6,
	media: 7,
} as const;

type Route = Exclude<keyof typeof OUTPUT, 'reply'>;
const ROUTES: Route[] = [
	'submitted',
	'status',
	'handoff',
	'survey',
	'complaint',
	'resend',
	'media',
];

/** What "Take Step" emits: everything the save and the routing need, as plain JSON. */
export interface StepItem extends IDataObject {
	waId: string;
	messageId: string;
	/** The stored version the step started from (0: the resident has no session row yet). */
	version: number;
	/** The version to save the new session as, on condition that the row still has `version`. */
	nextVersion: number;
	session: string;
	replies: IDataObject[];
	/** The replies to keep with the saved session until sent (see Pending Replies), and for which message. */
	pendingFor: string;
	pendingReplies: string;
	/** This message's replies are owed but another run, within its lease, is sending them. */
	sendingElsewhere?: boolean;
	events: string[];
	routes: Record<Route, IDataObject[]>;
}

const MESSAGE_HINT =
	'Map it to the output of the WhatsApp Gateway Trigger (it needs at least "from" and "messageId").';

/** The Message parameter as a WhatsApp message. */
function messageOf(this: IExecuteFunctions, itemIndex: number): InboundMessage {
	const message = jsonParameter<Partial<InboundMessage>>(this, 'message', itemIndex, {
		hint: MESSAGE_HINT,
	});
	if (
		!isObject(message) ||
		typeof message.from !== 'string' ||
		typeof message.messageId !== 'string'
	) {
		throw new NodeOperationError(
			this.getNode(),
			`The Message parameter of item ${itemIndex} is not a WhatsApp message`,
			{ description: MESSAGE_HINT, itemIndex },
		);
	}
	return message as InboundMessage;
}

/**
 * The application's files as a flat list, one entry per file, named for the Drive folder, so a
 * workflow can split them into items (download → upload) with stock nodes.
 */
function documentFiles(application: Application, catalog: Catalog) {
	const service = catalog.services.find((s) => s.key === application.serviceKey);
	return Object.entries(application.documents).flatMap(([key, files]) => {
		const label = service?.documents.find((d) => d.key === key)?.label ?? key;
		return files.map((file, index) => {
			const extension = extensionFor(file.mimeType);
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

/** One step of item `i`'s conversation (parameters Message, Session, Version and the catalog). */
export function takeStep(this: IExecuteFunctions, i: number, now: Date): StepItem {
	const catalog = getCatalog.call(this, i);
	const message = messageOf.call(this, i);
	const version = storedVersion.call(this, i);
	const stored = storedSession.call(this, i);
	const result = step(stored, message, catalog, now);
	const { replies, status, pending, sendingElsewhere } = withPendingReplies(
		stored,
		message.messageId,
		result,
		storedPendingReplies.call(this, i),
		now,
	);
	const routes: StepItem['routes'] = {
		submitted: [],
		status: [],
		handoff: [],
		survey: [],
		complaint: [],
		resend: [],
		media: [],
	};
	for (const event of result.events) {
		if (event.type === 'submitted' || event.type === 'resubmitted') {
			routes.submitted.push({
				...event.application,
				resubmitted: event.type === 'resubmitted',
				files: documentFiles(event.application, catalog),
				filesSummary: filesSummary(event.application, catalog),
			});
		} else if (event.type === 'resend_requested') {
			routes.resend.push({ ...event });
		} else if (event.type === 'handoff_requested') {
			routes.handoff.push({ ...event });
		} else if (event.type === 'survey_answered') {
			// One column per element as well, so a sheet row can be upserted by ticket as is.
			const columns = Object.fromEntries(
				SURVEY_ELEMENTS.map((element) => [element, event.scores[element] ?? null]),
			);
			routes.survey.push({ ...event, ...columns, at: sheetTime(event.at) });
		} else if (event.type === 'complaint_submitted') {
			routes.complaint.push({
				...event.complaint,
				receivedAt: sheetTime(event.complaint.receivedAt),
				files: complaintFiles(event.complaint, catalog),
			});
		} else if (event.type === 'media_to_read') {
			routes.media.push({ ...event });
		} else if (event.type === 'error') {
			this.logger.warn(`Service desk: conversation step failed: ${event.reason}`, {
				waId: message.from,
			});
		}
	}
	// Asked now, or asked before and not answered yet (a redelivery): see Pending Replies.
	if (status) routes.status.push({ ...status });
	return {
		waId: message.from,
		messageId: message.messageId,
		version,
		nextVersion: version + 1,
		session: JSON.stringify(result.session),
		replies: replies as unknown as IDataObject[],
		...pending,
		...(sendingElsewhere ? { sendingElsewhere } : {}),
		events: result.events.map((e) => e.type),
		routes,
	};
}

/**
 * A step's replies and events, each on its output (Reply, Submitted, Status Question, …). Once
 * saved with an outbox (`pendingReplies`), only a step with something to send goes on to send
 * and clear it: a step with a status question sends its replies with the answer, on the Status
 * Question output alone (what is pending is cleared once the answer has left, and no Reply item
 * clears it before); a step with no replies emits no Reply item.
 */
export function routeStep(item: StepItem, outbox = false): INodeExecutionData[][] {
	const outputs: INodeExecutionData[][] = Object.values(OUTPUT).map(() => []);
	const { waId, session, replies, events } = item;
	const statusSends = outbox && (item.routes?.status ?? []).length > 0;
	if (!statusSends && (!outbox || replies.length > 0))
		outputs[OUTPUT.reply].push({ json: { waId, session, replies, events } });
	for (const route of ROUTES) {
		for (const json of item.routes?.[route] ?? [])
			outputs[OUTPUT[route]].push({
				json: route === 'status' && statusSends ? { ...json, replies } : json,
			});
	}
	return outputs;
}
