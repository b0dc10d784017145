import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../n8nHelpers/itemLoop';
import { jsonParameter } from '../../../n8nHelpers/jsonParameter';
import { isObject } from '../../../domain/values';
import * as inviteSurvey from '../outcome/inviteSurvey.operation';
import { pendingRepliesProperties, sessionProperty, versionProperty } from '../residentSession';
import * as reopen from './reopen.operation';
import * as resumeBot from './resumeBot.operation';
import * as takeStep from './takeStep.operation';

/** The changes a caller can ask for, by the operation that computes each. */
const CHANGES = { takeStep, reopen, inviteSurvey, resumeBot } as const;
type ChangeName = keyof typeof CHANGES;

const CHANGE_HINT =
	'Give an object naming the operation and its parameters, e.g. {"operation": "resumeBot", "waId": "628…"} or {"operation": "takeStep", "message": {…}}';

const properties: INodeProperties[] = [
	{
		displayName: 'Change',
		name: 'change',
		type: 'json',
		default: '{}',
		description: `What to do to the stored session: "operation" (${Object.keys(CHANGES).join(', ')}) and that operation's parameters. The caller may send its own catalog settings with it (catalogSource, catalogJson, catalogMode) so the office's catalog is set in one place; otherwise this node's Catalog is used.`,
	},
	sessionProperty(),
	versionProperty(),
	...pendingRepliesProperties(),
];

const displayOptions = { show: { operation: ['applyChange'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * One change to a resident's stored session, chosen by the item (`change.operation`): Take Step,
 * Reopen for Fix, Invite to Survey or Resume Bot, computed exactly as those operations do from the
 * change's parameters and this node's stored Session, Version and Pending Replies. Lets one
 * "load → change → save on condition → retry" sub-workflow serve every kind of change.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const change = jsonParameter<IDataObject>(this, 'change', i, {
		shape: 'object',
		hint: CHANGE_HINT,
	});
	const name = String(change.operation ?? '') as ChangeName;
	if (!isObject(change) || !(name in CHANGES))
		throw new NodeOperationError(this.getNode(), `Unknown change "${name}"`, {
			description: CHANGE_HINT,
			itemIndex: i,
		});
	const own = this.getNodeParameter.bind(this) as (...args: unknown[]) => unknown;
	const getNodeParameter = (parameter: string, ...rest: unknown[]) =>
		parameter !== 'operation' && parameter in change ? change[parameter] : own(parameter, ...rest);
	// The chosen operation reads its parameters from the change, the stored row from this node.
	const context = new Proxy(this, {
		get(target, property) {
			if (property === 'getNodeParameter') return getNodeParameter;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
		},
	});
	const result = (await CHANGES[name].execute.call(context, i)) as { json: IDataObject };
	// A resident's own message stamps the 24-hour window; a change staff make does not.
	return name === 'takeStep'
		? { json: { ...result.json, lastInboundAt: new Date().toISOString() } }
		: result;
}
