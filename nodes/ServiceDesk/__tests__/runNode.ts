/** Just enough of n8n's execution context to run the Service Desk node's router in a test. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { resources, router } from '../actions/router';

/** The resource offering `operation` (operation names are unique across resources). */
export const resourceOf = (operation: string) =>
	Object.keys(resources).find((resource) => operation in resources[resource]);

/** Runs the node with `parameters` (the resource follows from the operation) over `items`. */
export function runNode(
	parameters: Record<string, unknown>,
	items: INodeExecutionData[] = [{ json: {} }],
): Promise<INodeExecutionData[][]> {
	const all = { resource: resourceOf(String(parameters.operation)), ...parameters };
	const context = {
		getInputData: () => items,
		getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
			name in all ? all[name as keyof typeof all] : fallback,
		getNode: () => ({ name: 'Service Desk', type: 'serviceDesk' }),
		continueOnFail: () => false,
		logger: { warn: () => undefined },
	} as unknown as IExecuteFunctions;
	return router.call(context);
}
