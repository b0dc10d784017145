/**
 * A JSON parameter given as text (typed, or a JSON field) or as an object (an expression's
 * result), read the same way by every node: a mistake names the parameter and the item.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../domain/values';

export interface JsonParameterOptions<T> {
	/** What an empty parameter (missing, '' or blank text) gives; without it, empty is an error. */
	empty?: T;
	/** The shape the value must have. */
	shape?: 'object' | 'list';
	/** What to do about a mistake, for the error's description. */
	hint?: string;
}

export function jsonParameter<T = unknown>(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	options: JsonParameterOptions<T> = {},
): T {
	const fail = (problem: string, detail?: string) =>
		new NodeOperationError(
			ctx.getNode(),
			`The "${name}" parameter of item ${itemIndex} ${problem}`,
			{ itemIndex, description: [detail, options.hint].filter(Boolean).join('. ') || undefined },
		);
	let value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const blank =
		value === undefined || value === null || (typeof value === 'string' && !value.trim());
	if (blank) {
		if ('empty' in options) return options.empty as T;
		throw fail('is empty');
	}
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value) as unknown;
		} catch (error) {
			throw fail('is not valid JSON', (error as Error).message);
		}
	}
	if (options.shape === 'object' && !isObject(value)) throw fail('must be a JSON object');
	if (options.shape === 'list' && !Array.isArray(value)) throw fail('must be a JSON list');
	return value as T;
}
