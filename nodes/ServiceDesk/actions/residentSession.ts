/**
 * The parameters that address one resident and their stored session (row, version, pending
 * replies), and the readers of their values.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { jsonParameter } from '../../n8nHelpers/jsonParameter';
import type { PendingReplies, Session } from '../../domain/conversation';

/** The WhatsApp ID parameter of an operation addressed to one resident; `who` says which. */
export function waIdProperty(who: string): INodeProperties {
	return {
		displayName: 'WhatsApp ID',
		name: 'waId',
		type: 'string',
		default: '',
		required: true,
		description: who,
	};
}

/** The Session parameter of the operations that read a resident's stored conversation. */
export function sessionProperty(): INodeProperties {
	return {
		displayName: 'Session',
		name: 'session',
		type: 'string',
		default: '',
		description:
			"The resident's stored session (JSON text, e.g. from a Data Table row); empty for none",
	};
}

/**
 * The Version parameter of the operations that return a session to save: the version of the row
 * the session was read from. They return it as `version` with `nextVersion`, so the workflow can
 * save on condition that the row still has `version` (a Data Table update matching both), and
 * start again from the fresh row when it does not.
 */
export function versionProperty(): INodeProperties {
	return {
		displayName: 'Session Version',
		name: 'version',
		type: 'number',
		default: 0,
		description:
			"The stored session row's version (e.g. its version column); 0 when the resident has no row yet",
	};
}

/** The Version parameter as a whole number ≥ 0; anything else counts as "no row yet". */
export function storedVersion(this: IExecuteFunctions, itemIndex: number): number {
	const value = Number(this.getNodeParameter('version', itemIndex, 0));
	return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/** `version` and `nextVersion` for an operation's output (see versionProperty). */
export function versionFields(this: IExecuteFunctions, itemIndex: number) {
	const version = storedVersion.call(this, itemIndex);
	return { version, nextVersion: version + 1 };
}

/**
 * A stored session from the Session parameter. Missing, empty or unreadable text gives null, a
 * new conversation; the engine checks the shape of what it is given.
 */
export function storedSession(this: IExecuteFunctions, itemIndex: number): Session | null {
	try {
		return jsonParameter<Session | null>(this, 'session', itemIndex, { empty: null });
	} catch {
		return null;
	}
}

/**
 * The Pending Replies parameters of "Take Step": the row's `pendingFor` and `pendingReplies`
 * columns (replies saved with the session and not yet sent). Missing ones count as none.
 */
export function pendingRepliesProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Pending Replies For',
			name: 'pendingFor',
			type: 'string',
			default: '',
			description:
				"The stored row's pendingFor column: the message whose replies were saved and may not have left yet",
		},
		{
			displayName: 'Pending Replies',
			name: 'pendingReplies',
			type: 'string',
			default: '',
			description: "The stored row's pendingReplies column (JSON)",
		},
	];
}

export function storedPendingReplies(this: IExecuteFunctions, itemIndex: number): PendingReplies {
	const text = (name: string) => {
		const value = this.getNodeParameter(name, itemIndex, '') as unknown;
		return typeof value === 'string' ? value : '';
	};
	return { pendingFor: text('pendingFor'), pendingReplies: text('pendingReplies') };
}
