/**
 * The Setup form's values (text, as the form gives them), whatever is typed: the office's ready workflows come out (or a refusal
 * naming the value), as JSON n8n's API takes, with every workflow's nodes and connections as
 * shipped, no value written into a parameter as an n8n expression that runs, and the sample letter
 * shows each letterhead and signatory value exactly as typed.
 */
import fc from 'fast-check';

import {
	BUNDLED_WORKFLOWS,
	SUB_WORKFLOWS,
	readyWorkflows,
	sampleLetter,
	type OfficeSettings,
} from '../../../nodes/domain/setup';
import { literalText } from '../../../nodes/domain/setup/literal';
import { anyText, assert, longText, PROTO_NAMES, type FuzzTarget } from './common';

/** What an admin may type, mischief included: expressions, markup, braces, emoji, long text. */

const SHIPPED = [...BUNDLED_WORKFLOWS, ...SUB_WORKFLOWS];
const typed = fc.oneof(
	{ weight: 4, arbitrary: anyText },
	{ weight: 1, arbitrary: longText },
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			'Kelurahan Kauman',
			'={{ $json }}',
			"={{ $('TTE').item.json.passphrase }}",
			'=',
			'{{ 1 + 1 }}',
			'<script>alert(1)</script>',
			'  ',
			'Drs. Hadi Santoso, M.Si.',
			...PROTO_NAMES,
		),
	},
);

const LETTERHEAD_KEYS = ['office', 'address', 'place', 'area', 'government', 'issuer'] as const;
const SIGNATORY_KEYS = ['name', 'nip', 'pangkat', 'title'] as const;

const office = fc.record({
	spreadsheetId: fc.oneof(
		{ weight: 8, arbitrary: fc.constant('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd') },
		{ weight: 1, arbitrary: typed },
	),
	folderId: fc.oneof(
		{ weight: 8, arbitrary: fc.constant('0BxYzFolder_Id-123') },
		{ weight: 1, arbitrary: typed },
	),
	letterhead: fc.record(Object.fromEntries(LETTERHEAD_KEYS.map((k) => [k, typed])), {
		requiredKeys: [],
	}),
	signatory: fc.record(Object.fromEntries(SIGNATORY_KEYS.map((k) => [k, typed])), {
		requiredKeys: [],
	}),
	district: fc.option(typed, { nil: undefined }),
	regency: fc.option(typed, { nil: undefined }),
	signatoryWhatsApp: fc.option(
		fc.oneof(fc.constantFrom('0812-3456-7890', '+62 351 123456'), typed),
		{
			nil: undefined,
		},
	),
	paper: fc.constantFrom('F4', 'A4', '') as fc.Arbitrary<OfficeSettings['paper']>,
	unitCode: fc.option(typed, { nil: undefined }),
});

/** The refusals readyWorkflows documents, each naming what is wrong. */
const REFUSAL = /^The (spreadsheet|Drive folder) id|^The signatory's WhatsApp number/;

/** The string parameters that differ from the shipped ones, by path. */
function changedStrings(given: unknown, shipped: unknown, path: string, out: string[][]): void {
	if (typeof given === 'string') {
		if (given !== shipped) out.push([path, given, typeof shipped === 'string' ? shipped : '']);
		return;
	}
	if (given && typeof given === 'object')
		for (const [key, value] of Object.entries(given as Record<string, unknown>))
			changedStrings(
				value,
				shipped && typeof shipped === 'object'
					? (shipped as Record<string, unknown>)[key]
					: undefined,
				`${path}.${key}`,
				out,
			);
}

const shape = (nodes: Array<{ name: string; type: string }>) =>
	nodes.map((n) => `${n.name}|${n.type}`).join('\n');

export const setupValues: FuzzTarget<unknown> = {
	name: 'setup form values',
	runs: 400,
	arbitrary: office,
	check(input) {
		const given = input as Omit<OfficeSettings, 'credentials'>;
		let ready: ReturnType<typeof readyWorkflows>;
		try {
			// The ready workflows and the sub-workflows they call (letters are printed in one).
			ready = readyWorkflows(SHIPPED, { ...given, credentials: {} } as OfficeSettings);
		} catch (error) {
			assert(
				error instanceof Error && REFUSAL.test(error.message),
				`an undocumented refusal: ${(error as Error).message}`,
			);
			return 'refused';
		}
		assert(ready.length === SHIPPED.length, `${ready.length} workflows`);
		ready.forEach((workflow, i) => {
			const shipped = SHIPPED[i];
			const json = JSON.stringify(workflow.body);
			assert(JSON.stringify(JSON.parse(json)) === json, `${workflow.name} does not survive JSON`);
			assert(
				shape(workflow.body.nodes) === shape(shipped.nodes),
				`${workflow.name} lost or gained a node`,
			);
			assert(
				JSON.stringify(workflow.body.connections) === JSON.stringify(shipped.connections),
				`${workflow.name}'s connections changed`,
			);
			// A parameter Setup changed is plain text, an expression that only yields text, or a
			// shipped expression with an id put in its place (no new {{ … }} to run).
			workflow.body.nodes.forEach((node, n) => {
				const changed: string[][] = [];
				changedStrings(node.parameters, shipped.nodes[n].parameters, node.name, changed);
				const runs = (text: string) => (text.match(/\{\{/g) ?? []).length;
				for (const [path, value, before] of changed)
					assert(
						!value.startsWith('=') ||
							literalText(value) !== value ||
							(before.startsWith('=') && runs(value) <= runs(before)),
						`${workflow.name} → ${path} would run as an n8n expression: ${JSON.stringify(value).slice(0, 80)}`,
					);
			});
		});
		const sample = sampleLetter(ready.map((w) => w.body));
		for (const [group, keys, shown] of [
			['letterhead', LETTERHEAD_KEYS, sample.letterhead],
			['signatory', SIGNATORY_KEYS, sample.signatory],
		] as const) {
			const values = given[group] as Record<string, string>;
			for (const key of keys) {
				const value = values[key];
				if (typeof value !== 'string' || !value.trim()) continue;
				assert(
					shown[key] === value,
					`the sample letter's ${group} ${key} is ${JSON.stringify(shown[key])}, typed ${JSON.stringify(value)}`,
				);
			}
		}
		return 'ready';
	},
};
