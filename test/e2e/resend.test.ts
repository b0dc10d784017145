// "Kirim ulang surat" through the real Intake and its sub-workflow Pecelan · Send a letter again:
// after a letter was delivered (and archived in Drive, its link in the row's Berkas Surat), the
// resident asks for it again, sees their letters with a NIK that does not give the proof away,
// nothing is sent for wrong digits, and the right digits bring back the very PDF first delivered,
// noted in the row. A row whose file link is gone sends no PDF, and says a person can help; the
// third wrong answer offers a person.
import { createHash } from 'node:crypto';
import { columns as c, decide, nextUnpromptedMessage, rowOf, statuses } from './support/office';
import { catalog, Resident, submitRequest } from './support/resident';
import { staffClient } from './support/clients';
import { useStack } from './support/use-stack';

const stack = useStack();
const m = catalog.messages;
const head = (key: string) => m[key].split('{')[0].trim();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const offersPerson = (resident: Resident) =>
	resident.replies.some((r) => r.buttons?.some((b) => b.title === m['menu.staff']));

describe('sending a delivered letter again', () => {
	it('lists the letters, refuses wrong digits, sends the archived PDF again for the right ones, and offers a person after the third', async () => {
		const nik = '3577011708900013';
		const rina = new Resident(stack(), '6281366660001', 'Rina Wulandari');
		const ticket = await submitRequest(rina, 'domisili', (field, record) =>
			field.key === 'nik' && record === undefined ? nik : undefined,
		);
		const before = (await rina.chat()).length;
		await decide(stack(), ticket, statuses.approved);
		const letter = await nextUnpromptedMessage(rina, before, (msg) => !!msg.document, 'the letter');
		const delivered = await rina.download(letter.document!.url);
		// The survey invitation that follows the letter is declined; days later the PDF is lost.
		const invitation = await nextUnpromptedMessage(
			rina,
			before,
			(msg) => msg.text.includes(head('survey.invite')),
			'the survey invitation',
		);
		const skip = invitation.buttons!.find((b) => b.title === m['button.skip'])!;
		await rina.send({ reply: { id: skip.id, title: skip.title } });
		const row = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
		const number = row.values[c.letterNumber];
		expect(number).toBeTruthy();
		// The signed PDF was archived in Drive; the row links it.
		expect(row.values[c.letterFile]).toMatch(
			/^https:\/\/drive\.google\.com\/file\/d\/[\w-]{10,}\/view$/,
		);

		await rina.say('kirim ulang surat');
		expect(rina.lastText).toContain(head('resend.header'));
		expect(rina.lastText).toContain(number);
		expect(rina.lastText).toContain('3577************');
		expect(rina.lastText).not.toContain('0013');
		expect(rina.lastText).toContain('ketik *4 angka terakhir NIK*');

		await rina.say('1234');
		expect(rina.lastText).toContain(head('resend.wrong'));
		expect(rina.replies.some((r) => r.document)).toBe(false);

		// The right digits: the very PDF first delivered comes again, and the row notes it.
		await rina.say(nik.slice(-4));
		expect(rina.lastText).toContain(head('resend.sending'));
		const again = rina.replies.find((r) => r.document);
		expect(again).toBeDefined();
		expect(sha256(await rina.download(again!.document!.url))).toBe(sha256(delivered));
		const noted = await rowOf(stack(), ticket, (r) =>
			(r.values[c.note] ?? '').includes(head('resend.note')),
		);
		expect(noted.values[c.note]).toMatch(
			/dikirim ulang kepada warga pada \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} WIB/,
		);

		// Staff cleared the file's link: the right digits send no PDF, and offer a person.
		await staffClient(stack()).setCells(noted.rowNumber, { [c.letterFile]: '' });
		await rina.say('surat saya hilang');
		expect(rina.lastText).toContain(head('resend.header'));
		await rina.say('1234');
		expect(rina.lastText).toContain(head('resend.wrong'));
		await rina.say(nik.slice(-4));
		expect(rina.lastText).toContain(head('resend.unavailable'));
		expect(offersPerson(rina)).toBe(true);
		expect(rina.replies.some((r) => r.document)).toBe(false);

		await rina.say('9999');
		expect(rina.lastText).toContain(head('resend.locked'));
		expect(offersPerson(rina)).toBe(true);
		expect(rina.replies.some((r) => r.document)).toBe(false);

		// The question is over: digits now are an ordinary message again, not a fourth try.
		await rina.say('surat saya hilang');
		expect(rina.lastText).toContain(head('resend.header'));
	});
});
