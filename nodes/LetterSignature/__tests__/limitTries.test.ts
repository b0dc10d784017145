// The signing form's guard, per signer: the Lurah's tries never hold the deputy back, and the
// form's choice comes out as the signer the rest of the run follows.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import tteForm from '../../../templates/signing/tte-form.json';
import { execute } from '../actions/limitTries.operation';
import { executeContext } from './harness';

/** One try of the form, against the node's kept state (the workflow's static data). */
async function tryForm(state: IDataObject, signer?: string): Promise<IDataObject> {
	const params: IDataObject = { maxTries: 3, windowMinutes: 15 };
	if (signer !== undefined) params.signer = signer;
	const ctx = {
		...executeContext(params, [{ json: {} }], {}),
		getWorkflowStaticData: () => state,
	} as unknown as IExecuteFunctions;
	const result = await execute.call(ctx, 0);
	return (result as { json: IDataObject }).json;
}

describe('Limit Tries on the signing form', () => {
	it("counts each signer's tries apart: the Lurah's 4th is refused, the deputy still signs", async () => {
		const state: IDataObject = {};
		for (let i = 0; i < 3; i++)
			expect(await tryForm(state, 'Lurah — Hadi Santoso')).toMatchObject({
				allowed: true,
				signer: 'lurah',
				signerWord: 'Lurah',
			});
		const fourth = await tryForm(state, 'Lurah — Hadi Santoso');
		expect(fourth.allowed).toBe(false);
		expect(fourth.answer).toContain('sudah dicoba 3 kali dalam 15 menit terakhir');
		expect(await tryForm(state, 'Wakil — Siti Aminah')).toMatchObject({
			allowed: true,
			signer: 'deputy',
			signerWord: 'Wakil',
			triesInWindow: 1,
		});
	});

	it('refuses a choice that names nobody, without counting it, and names the choices', async () => {
		const state: IDataObject = {};
		const refused = await tryForm(state, 'Pak Camat');
		expect(refused).toMatchObject({ allowed: false, signer: null });
		expect(refused.answer).toBe(tteForm.unknownSigner.replace('{choices}', 'Lurah, Wakil'));
		expect(state).toEqual({});
	});

	it('without a signer (a form that does not ask) keeps one count for all and names nobody', async () => {
		const state: IDataObject = {};
		expect(await tryForm(state)).toMatchObject({ allowed: true, signer: null, triesInWindow: 1 });
		expect(await tryForm(state, '')).toMatchObject({ allowed: true, triesInWindow: 2 });
		expect(Array.isArray(state.tries)).toBe(true);
	});
});
