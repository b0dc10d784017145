/**
 * The one item loop of every node (as n8n's own nodes run): each input item on its own, its
 * outputs paired with it, a failure naming the item, and under continue-on-fail an error item
 * in its place while the other items go on.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What one item gives: one item on the first output, or items on several outputs by index. */
export type ItemResult = INodeExecutionData | Routed;
interface Routed {
	outputs: INodeExecutionData[][];
}
const isRouted = (result: ItemResult): result is Routed =>
	Array.isArray((result as Partial<Routed>).outputs) && !('json' in result);

type NodeFailure = NodeOperationError | NodeApiError;

export interface FailurePolicy {
	/** A node error with a hint for a domain error the node knows (e.g. a signing refusal). */
	explain?(ctx: IExecuteFunctions, error: Error, itemIndex: number): NodeOperationError | undefined;
	/** Fields the error item carries under continue-on-fail, besides `error` and `description`. */
	failureFields?(ctx: IExecuteFunctions, error: Error, itemIndex: number): IDataObject;
}

/** A per-item operation: reads its parameters for item `itemIndex` and handles that item alone. */
export interface ItemOperation<Args extends unknown[] = []> {
	execute(this: IExecuteFunctions, itemIndex: number, ...args: Args): Promise<ItemResult>;
}

/**
 * An operation that reads all input items as one whole (the rows of a sheet, say) and answers
 * once: its parameters are read at item 0 and its outputs paired with the items they came from.
 */
export interface BatchOperation {
	batch: true;
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
}

/** Any error as a node error naming item `itemIndex` (n8n's own errors are kept, not re-wrapped). */
export function nodeFailure(
	ctx: IExecuteFunctions,
	error: Error,
	itemIndex: number,
	policy: FailurePolicy = {},
): NodeFailure {
	const failure =
		error instanceof NodeOperationError || error instanceof NodeApiError
			? error
			: (policy.explain?.(ctx, error, itemIndex) ??
				new NodeOperationError(ctx.getNode(), error, { itemIndex }));
	failure.context.itemIndex ??= itemIndex;
	return failure;
}

/** Runs `run` for every input item; `outputs` is the number of outputs the node has now. */
export async function forEachItem(
	ctx: IExecuteFunctions,
	run: (itemIndex: number) => Promise<ItemResult>,
	outputs = 1,
	policy: FailurePolicy = {},
): Promise<INodeExecutionData[][]> {
	const out: INodeExecutionData[][] = Array.from({ length: outputs }, () => []);
	const items = ctx.getInputData();
	for (let i = 0; i < items.length; i++) {
		const pairedItem = { item: i };
		try {
			const result = await run(i);
			const routed = isRouted(result) ? result.outputs : [[result]];
			routed.forEach((list, output) => {
				for (const item of list)
					out[output].push({ ...item, pairedItem: item.pairedItem ?? pairedItem });
			});
		} catch (error) {
			const failure = nodeFailure(ctx, error as Error, i, policy);
			if (!ctx.continueOnFail()) throw failure;
			out[0].push({ json: failureJson(ctx, error as Error, i, failure, policy), pairedItem });
		}
	}
	return out;
}

/**
 * The error item's json. n8n puts an item on the error output ("On Error: Continue (using error
 * output)") only when its json holds nothing but `error`, `message` and `details` (and it would
 * replace the json of an item carrying an item-level error with the bare message), so there the
 * hint and a node's own fields (a reason for staff) go in `details`. On the regular output a
 * node's own fields stay flat, for the workflow to route on (`signed: false`).
 */
function failureJson(
	ctx: IExecuteFunctions,
	error: Error,
	itemIndex: number,
	failure: NodeFailure,
	policy: FailurePolicy,
): IDataObject {
	const hint = failure.description ?? undefined;
	const fields = policy.failureFields?.(ctx, error, itemIndex);
	if (fields && ctx.getNode().onError !== 'continueErrorOutput')
		return { ...fields, error: failure.message, description: hint ?? null };
	const details = fields ? { ...fields, ...(hint ? { description: hint } : {}) } : hint;
	return details === undefined ? { error: failure.message } : { error: failure.message, details };
}

/** An operation's name that is not in its node's table. */
export function unknownOperation(ctx: IExecuteFunctions, name: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `The operation "${name}" is not known`);
}

/** An entry of a node's operation table: its parameters, and how it runs. */
export type Operation = (ItemOperation | BatchOperation) & {
	description: INodeProperties[];
	failurePolicy?: FailurePolicy;
};

/**
 * Runs the operation the node is set to (the `operation` parameter): per item through the item
 * loop, or once over all items for a batch operation. `outputsOf` gives an operation's outputs.
 */
export async function runOperation(
	ctx: IExecuteFunctions,
	operations: Record<string, Operation>,
	outputsOf: (name: string) => number = () => 1,
): Promise<INodeExecutionData[][]> {
	const name = ctx.getNodeParameter('operation', 0) as string;
	const operation = operations[name];
	if (!operation) throw unknownOperation(ctx, name);
	if ('batch' in operation) return await operation.execute.call(ctx);
	return await forEachItem(
		ctx,
		async (i) => await operation.execute.call(ctx, i),
		outputsOf(name),
		operation.failurePolicy,
	);
}
