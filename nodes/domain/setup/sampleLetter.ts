/**
 * The sample letter the Setup sends the admin: a domisili letter for a made-up resident, marked
 * as a sample in its number, name and purpose (templates/setup/sample-letter.json), printed with
 * the letterhead, signatory and paper the office's ready workflow prints with, so the admin sees
 * what residents will receive before the first request.
 */
import sample from '../../../templates/setup/sample-letter.json';
import { isObject } from '../values';
import { literalText } from './literal';
import type { WorkflowFileShape } from './workflowFile';

const LETTER_PDF = 'n8n-nodes-pecelan.letterPdf';
const SERVICE_REPORT = 'n8n-nodes-pecelan.serviceReport';

export interface SampleLetter {
	application: Record<string, unknown>;
	number: string;
	letterhead: Record<string, unknown>;
	signatory: Record<string, unknown>;
	paper: string;
}

const objectOr = (value: unknown): Record<string, unknown> => (isObject(value) ? value : {});

/** The texts the parameters stand for: a value the office typed is a literal parameter (./literal). */
const texts = (value: unknown): Record<string, unknown> =>
	Object.fromEntries(
		Object.entries(objectOr(value)).map(([key, v]) => [
			key,
			typeof v === 'string' ? literalText(v) : v,
		]),
	);

/**
 * The sample for the first Letter PDF node among the ready workflows (the approvals' own): its
 * letterhead, signatory and paper as set there.
 */
export function sampleLetter(workflows: Array<Pick<WorkflowFileShape, 'nodes'>>): SampleLetter {
	const nodes = workflows.flatMap((w) => (Array.isArray(w?.nodes) ? w.nodes : []));
	// Letters are printed in a sub-workflow: among the ready workflows alone, the monthly
	// register's PDF prints the same letterhead, signatory and paper.
	const node =
		nodes.find((n) => n?.type === LETTER_PDF) ??
		nodes.find((n) => n?.type === SERVICE_REPORT && n.parameters?.operation === 'registerPdf');
	if (!node) throw new Error('None of the ready workflows prints letters (no Letter PDF node)');
	const parameters = objectOr(node.parameters);
	const options = objectOr(parameters.options ?? parameters.registerOptions);
	return {
		application: JSON.parse(JSON.stringify(sample.application)) as Record<string, unknown>,
		number: sample.number,
		letterhead: texts(parameters.letterhead),
		signatory: texts(parameters.signatory),
		paper: literalText(String(options.paper ?? '')) || 'F4',
	};
}
