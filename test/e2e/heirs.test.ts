// The heirs' statement is issued in two steps. Staff approve: the resident gets a draft to sign
// by hand in front of the Lurah (no register number or date, not e-signed) with what to bring,
// and the row waits in its own status. After the signing staff record the register number and
// date and approve again: the registered statement carries them, is e-signed and sent, and the
// Buku Agenda lists it under the register number.
import { DEFAULT_SHEET_LAYOUT } from '../../nodes/domain/sheet/requestRow';
import { problemText } from '../../nodes/domain/sheet/problems';
import { readPdf, squash } from '../support/pdfText';
import { pdfsig } from '../support/signingFixtures';
import { staffClient } from './support/clients';
import {
	nextUnpromptedMessage,
	registerEverySeconds,
	registerRowOf,
	rowOf,
} from './support/office';
import { Resident, submitRequest } from './support/resident';
import { useStack } from './support/use-stack';

const stack = useStack();
const { columns: c, statuses, tabs } = DEFAULT_SHEET_LAYOUT;
const REGISTER = tabs.register;
const REGISTER_NUMBER = '474.3/017/401.301.3/2026';

const textOf = async (pdf: Buffer) =>
	squash((await readPdf(pdf)).map((page) => page.text).join(' '));

describe("the heirs' statement, issued in two steps", () => {
	registerEverySeconds(stack);

	it('sends a draft to sign in front of the Lurah, then the registered statement, e-signed and in the Buku Agenda', async () => {
		const resident = new Resident(stack(), '6281377780291', 'Sri Rahayu');
		const ticket = await submitRequest(resident, 'ahli-waris', undefined, {
			ahli_waris: 2,
			saksi: 2,
		});
		const staff = staffClient(stack());
		const submitted = await rowOf(stack(), ticket, (r) => !!r.values[c.documents]);

		// Step 1: approved → the draft, with what to bring.
		let before = (await resident.chat()).length;
		await staff.setCells(submitted.rowNumber, { [c.status]: statuses.approved });
		const draftMessage = await nextUnpromptedMessage(
			resident,
			before,
			(m) => !!m.document,
			'the draft',
		);
		const notice = `${draftMessage.text} ${draftMessage.document?.caption ?? ''}`;
		expect(notice).toContain('DRAF');
		expect(notice).toContain('meterai');
		expect(notice).toContain('KTP asli');
		expect(draftMessage.document!.fileName).toMatch(/^DRAF-/);
		const draftPdf = await resident.download(draftMessage.document!.url);
		const draftText = await textOf(draftPdf);
		expect(draftText).toContain('SURAT PERNYATAAN AHLI WARIS');
		expect(draftText).toContain(
			'DRAF — untuk ditandatangani para ahli waris dan saksi di hadapan Lurah',
		);
		expect(draftText).toContain(
			'Mengetahui: Nomor Register: .............................. Tanggal: ........................',
		);
		expect(draftText).not.toContain(REGISTER_NUMBER);
		expect(draftText).not.toContain('Nomor arsip');
		const unsigned = pdfsig(draftPdf);
		expect(unsigned.valid).toBe(false);
		expect(unsigned.signers).toEqual([]);

		const waiting = await rowOf(
			stack(),
			ticket,
			(r) => r.values[c.status] === statuses.awaitingHeirs,
		);
		expect(waiting.values[c.letterNumber] ?? '').toBe('');
		expect(waiting.values[c.completedAt] ?? '').toBe('');
		expect(waiting.values[c.notifiedAt]).toMatch(/^\d{4}-\d{2}-\d{2} /);
		expect(waiting.values[c.problem] ?? '').toBe('');

		// Approved again before the registration is recorded: refused, the row says what to fill.
		await staff.setCells(waiting.rowNumber, { [c.status]: statuses.approved });
		const refused = await rowOf(stack(), ticket, (r) => (r.values[c.problem] ?? '') !== '');
		expect(refused.values[c.problem]).toBe(
			problemText('registrationMissing', { number: c.registerNumber, date: c.registerDate }),
		);

		// Step 2: after the signing staff record the registration and approve again.
		before = (await resident.chat()).length;
		await staff.setCells(refused.rowNumber, {
			[c.registerNumber]: REGISTER_NUMBER,
			[c.registerDate]: '12/05/2026',
			[c.problem]: '',
			[c.status]: statuses.approved,
		});
		const finalMessage = await nextUnpromptedMessage(
			resident,
			before,
			(m) => !!m.document,
			'the registered statement',
		);
		expect(`${finalMessage.text} ${finalMessage.document?.caption ?? ''}`).toContain(
			REGISTER_NUMBER,
		);
		const finalPdf = await resident.download(finalMessage.document!.url);
		const finalText = await textOf(finalPdf);
		expect(finalText).toContain(
			`Mengetahui: Nomor Register: ${REGISTER_NUMBER} Tanggal: 12 Mei 2026`,
		);
		expect(finalText).not.toContain('DRAF');
		expect(finalText).toContain(`Nomor arsip ${REGISTER_NUMBER}`);
		const signed = pdfsig(finalPdf);
		expect(signed.valid).toBe(true);
		expect(signed.wholeDocument).toBe(true);

		const done = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
		expect(done.values[c.letterNumber]).toBe(REGISTER_NUMBER);
		expect(done.values[c.problem] ?? '').toBe('');
		const entry = await registerRowOf(stack(), REGISTER_NUMBER);
		expect(entry.values[REGISTER.columns.to]).toBe(done.values[c.name]);
	});
});
