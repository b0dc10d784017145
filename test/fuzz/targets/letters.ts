/**
 * The letter engine, fed an approved application whose field values are anything JSON can hold:
 * each letter ends as a PDF or as a LetterTemplateError naming the template, within 1 s of CPU (a
 * guard against hangs such as the one-glyph column, not a speed claim: figures live in the bench).
 */
import fc from 'fast-check';

import {
	composeLetter,
	LETTER_TEMPLATES,
	LetterTemplateError,
	renderLetter,
} from '../../../nodes/domain/letter';
import { IDENTITY, sampleRequest, SERVICE_DATA } from '../../support/letterSamples';
import { anyText, assert, longText, PROTO_NAMES, weird, type FuzzTarget } from './common';

const HANG_GUARD_MS = 1000;
const services = Object.keys(LETTER_TEMPLATES);

const person = fc.record(
	{
		nama: fc.oneof(anyText, longText),
		nik: fc.oneof(fc.constant('3577014107900001'), anyText),
		tempat_lahir: anyText,
		tanggal_lahir: fc.oneof(fc.constantFrom('1990-07-01', '0000-00-00', '9999-99-99'), anyText),
		hubungan: anyText,
		alamat: fc.oneof(anyText, longText),
	},
	{ requiredKeys: [] },
);
const value: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 4, arbitrary: anyText },
	{ weight: 2, arbitrary: longText },
	{
		weight: 2,
		arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
	},
	{ weight: 1, arbitrary: fc.constantFrom(1e15, 2 ** 53, -1, 0, '1e+300', '2026-02-30', '') },
	{ weight: 1, arbitrary: fc.array(person, { maxLength: 12 }) },
	{ weight: 1, arbitrary: weird },
);

interface LetterCase {
	/** Lay out only (template, markup, layout: where hangs and crashes live) or draw the PDF too. */
	draw: boolean;
	service: string;
	values: Record<string, unknown>;
	name: unknown;
}

const letterCase: fc.Arbitrary<LetterCase> = fc.constantFrom(...services).chain((service) => {
	const keys = [
		...Object.keys(IDENTITY),
		...Object.keys(SERVICE_DATA[service] ?? {}),
		...PROTO_NAMES,
	];
	return fc.record({
		draw: fc.oneof(
			{ weight: 1, arbitrary: fc.constant(true) },
			{ weight: 5, arbitrary: fc.constant(false) },
		),
		service: fc.constant(service),
		values: fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 }),
		name: fc.oneof(anyText, weird),
	});
});

export const letterFields: FuzzTarget<LetterCase> = {
	name: 'letters with any field values',
	runs: 2000,
	arbitrary: letterCase,
	async check({ draw, service, values, name }) {
		const request = sampleRequest(service);
		const app = request.application as { data: Record<string, unknown> };
		// As the workflow passes them: values that went through JSON (the sheet's application cell).
		const data = JSON.parse(JSON.stringify({ ...app.data, ...values })) as Record<string, unknown>;
		request.application = { ...request.application, name, data };
		// CPU time, not wall time: other processes on a busy machine must not fail the guard. A case
		// over the guard is run once more and the faster run counts: a hang repeats, a pause of the
		// garbage collector does not.
		const first = await timed(() => letterOutcome(draw, service, request));
		const took =
			first.ms < HANG_GUARD_MS
				? first.ms
				: Math.min(first.ms, (await timed(() => letterOutcome(draw, service, request))).ms);
		assert(took < HANG_GUARD_MS, `${service} took ${took} ms`);
		return first.outcome;
	},
};

async function timed(run: () => Promise<string>): Promise<{ outcome: string; ms: number }> {
	const started = process.cpuUsage();
	const outcome = await run();
	const used = process.cpuUsage(started);
	return { outcome, ms: Math.round((used.user + used.system) / 1000) };
}

async function letterOutcome(
	draw: boolean,
	service: string,
	request: ReturnType<typeof sampleRequest>,
): Promise<string> {
	let outcome: string;
	try {
		if (draw) {
			const letter = await renderLetter(request);
			assert(Buffer.from(letter.pdf.slice(0, 5)).toString() === '%PDF-', 'not a PDF');
			assert(letter.pages >= 1, 'a letter with no page');
			outcome = 'PDF';
		} else {
			assert(composeLetter(request).laid.pages.length >= 1, 'a letter with no page');
			outcome = 'laid out';
		}
	} catch (error) {
		assert(
			error instanceof LetterTemplateError,
			`not a template error: ${error instanceof Error ? error.stack : String(error)}`,
		);
		assert(
			error.message.startsWith(`Letter template "${service}`),
			`unclear error: ${error.message}`,
		);
		assert(
			!/primitive|undefined|is not a function/.test(error.message),
			`unclear error: ${error.message}`,
		);
		outcome = 'template error';
	}
	return outcome;
}
