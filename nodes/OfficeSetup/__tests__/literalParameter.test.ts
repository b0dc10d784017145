// A Setup answer written into a ready workflow is evaluated by n8n's own expression engine
// (n8n-workflow, the version the package is built against) and must come out exactly as typed.
import { Workflow, type INodeTypes } from 'n8n-workflow';

import {
	BUNDLED_WORKFLOWS,
	literalParameter,
	literalParameters,
	literalText,
	readyWorkflows,
	sampleLetter,
	SUB_WORKFLOWS,
} from '../../domain/setup';

const nodeTypes = {
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

/** What a node receives for the parameter, as n8n resolves it for an item holding a secret. */
function resolved(parameter: string): unknown {
	const workflow = new Workflow({
		nodes: [{ id: '1', name: 'Node', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
		active: false,
		nodeTypes,
	});
	return workflow.expression.getParameterValue(
		parameter,
		null,
		0,
		0,
		'Node',
		[{ json: { passphrase: 'rahasia-tte' } }],
		'manual',
		{},
	);
}

const typed = [
	'={{ $json }}',
	"={{ $('Signatory Opens the Form').first().json['Passphrase TTE'] }}",
	'=',
	'==}}{{',
	'=\\{{ "a" }}\\',
	'= Lurah "Budi" \\ {x} }} {{ \n \u2028 ✓',
	'Drs. Hadi Santoso, M.Si.',
	'',
	'{{ $json }}',
];

describe('a value from outside as a node parameter', () => {
	it.each(typed)('reaches the node exactly as typed: %j', (text) => {
		expect(resolved(literalParameter(text))).toBe(text);
	});

	it('stays as it was when it does not start with "=" (nothing to evaluate)', () => {
		expect(literalParameter('Siti Aminah, S.IP.')).toBe('Siti Aminah, S.IP.');
		expect(literalParameters({ a: 'x', b: '=y', n: 3 })).toEqual({
			a: 'x',
			b: '={{ "=y" }}',
			n: 3,
		});
	});

	it.each(typed)('is read back as typed without n8n: %j', (text) => {
		expect(literalText(literalParameter(text))).toBe(text);
	});

	it('is not read back from an expression the workflow itself holds', () => {
		expect(literalText('={{ $json.name }}')).toBe('={{ $json.name }}');
		expect(literalText('={{ "a" + $json.x }}')).toBe('={{ "a" + $json.x }}');
	});
});

describe('the Setup answers in the ready workflows', () => {
	const office = {
		spreadsheetId: 'sheet_1-A',
		folderId: 'folder_2-B',
		letterhead: { office: 'KELURAHAN X', address: '={{ $json }}' },
		signatory: { name: "={{ $('Signatory Opens the Form').first().json['Passphrase TTE'] }}" },
		unitCode: '={{ 1 + 1 }}',
		credentials: {},
	};

	it('are never evaluated by n8n: letterhead, signatory, the signature block, unit code', () => {
		// The ready workflows and their sub-workflows: letters are printed in one of those.
		const ready = readyWorkflows([...BUNDLED_WORKFLOWS, ...SUB_WORKFLOWS], office);
		const nodes = ready.flatMap((w) => w.body.nodes);
		const letters = nodes.filter((n) => n.type === 'n8n-nodes-pecelan.letterPdf');
		expect(letters.length).toBeGreaterThan(0);
		for (const letter of letters) {
			const p = letter.parameters as Record<string, Record<string, string>>;
			expect(resolved(p.letterhead.address)).toBe('={{ $json }}');
			expect(resolved(p.signatory.name)).toBe(office.signatory.name);
		}
		const signing = nodes.filter((n) => n.parameters?.signatoryName !== undefined);
		expect(signing.length).toBeGreaterThan(0);
		for (const node of signing)
			expect(resolved(node.parameters!.signatoryName as string)).toBe(office.signatory.name);
		const triage = nodes.find((n) => n.parameters?.operation === 'triage')!;
		expect(resolved(triage.parameters!.unitCode as string)).toBe('={{ 1 + 1 }}');
	});

	it('print on the sample letter as typed', () => {
		const sample = sampleLetter(readyWorkflows(BUNDLED_WORKFLOWS, office).map((w) => w.body));
		expect(sample.signatory.name).toBe(office.signatory.name);
		expect(sample.letterhead.address).toBe('={{ $json }}');
	});

	it('refuse a file id that could end an expression it is put in', () => {
		expect(() =>
			readyWorkflows(BUNDLED_WORKFLOWS, { ...office, folderId: "x' + $json + '" }),
		).toThrow(/not a Google file id/);
	});
});
