import { letterheadProblems } from '../../nodes/shared/letter';
import { DEFAULT_LETTERHEAD, DEFAULT_SIGNATORY } from '../../nodes/shared/letter/letters';
import { withSandboxOffice } from '../../sandbox/runtime/office';
import type { WorkflowFile } from '../../sandbox/runtime/workflow-file';

import approvalsJson from '../../workflows/approvals.json';

const approvals = approvalsJson as unknown as WorkflowFile;

const letterNode = (file: WorkflowFile) =>
	file.nodes.find((n) => n.type === 'n8n-nodes-pecelan.letterPdf')!;

describe('the sandbox office', () => {
	it('fills the letterhead and signatory the ready workflow leaves empty, so its letters are complete', () => {
		const before = letterNode(approvals).parameters!;
		// As shipped, the ready workflow would be refused: placeholder address, no name, no NIP.
		expect(
			letterheadProblems(
				{ ...DEFAULT_LETTERHEAD, ...(before.letterhead as object) },
				{ ...DEFAULT_SIGNATORY, ...(before.signatory as object) },
			).map((p) => p.setting),
		).toEqual(['letterhead.address', 'signatory.name', 'signatory.nip']);

		const after = letterNode(withSandboxOffice(approvals)).parameters!;
		const head = { ...DEFAULT_LETTERHEAD, ...(after.letterhead as object) };
		const signer = { ...DEFAULT_SIGNATORY, ...(after.signatory as object) };
		expect(letterheadProblems(head, signer)).toEqual([]);
		expect(head.address).toMatch(/Telp\..*Surel/);
		expect(signer).toMatchObject({ pangkat: expect.any(String), nip: '19700101 199503 1 001' });
	});

	it('keeps what a workflow sets itself, and leaves other nodes alone', () => {
		const file: WorkflowFile = {
			...approvals,
			nodes: approvals.nodes.map((n) =>
				n.type === 'n8n-nodes-pecelan.letterPdf'
					? { ...n, parameters: { ...n.parameters, signatory: { name: 'Lurah Sendiri', nip: '' } } }
					: n,
			),
		};
		const out = withSandboxOffice(file);
		expect((letterNode(out).parameters!.signatory as Record<string, string>).name).toBe(
			'Lurah Sendiri',
		);
		expect((letterNode(out).parameters!.signatory as Record<string, string>).nip).toBe(
			'19700101 199503 1 001',
		);
		const others = (f: WorkflowFile) =>
			f.nodes.filter((n) => !n.type.startsWith('n8n-nodes-pecelan.letter'));
		expect(others(out)).toEqual(others(file));
	});
});
