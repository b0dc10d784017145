import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A JSON parameter that may arrive as text or as an object (an expression result). */
export function jsonParameter<T>(this: IExecuteFunctions, name: string, itemIndex: number): T {
	const raw = this.getNodeParameter(name, itemIndex) as unknown;
	if (typeof raw !== 'string') return raw as T;
	try {
		return JSON.parse(raw) as T;
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `The "${name}" parameter is not valid JSON`, {
			description: (error as Error).message,
			itemIndex,
		});
	}
}
