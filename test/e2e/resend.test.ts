// "Kirim ulang surat" through the real Intake and its sub-workflow Pecelan · Send a letter again:
// after a letter was delivered, the resident asks for it again, sees their letters with a NIK
// that does not give the proof away, and nothing is sent for wrong digits; the third wrong answer
// offers a person. The right digits on a row with no stored letter file send no PDF either, and
// say a person can help.
import { columns as c, decide, nextUnpromptedMessage, rowOf, statuses } from './support/office';
import { catalog, Resident, submitRequest } from './support/resident';
import { useStack } from './support/use-stack';

const stack = useStack();
const m = catalog.messages;
const head = (key: string) => m[key].split('{')[0].trim();
const offersPerson = (resident: Resident) =>
	resident.replies.some((r) => r.buttons?.some((b) => b.title === m['menu.staff']));

describe('sending a delivered letter again', () => {
	it('lists the letters, refuses wrong digits without a PDF, and offers a person after the third', async () => {
		const nik = '3577011708900013';
		const rina = new Resident(stack(), '6281366660001', 'Rina Wulandari');
		const ticket = await submitRequest(rina, 'domisili', (field, record) =>
			field.key === 'nik' && record === undefined ? nik : undefined,
		);
		const before = (await rina.chat()).length;
		await decide(stack(), ticket, statuses.approved);
		await nextUnpromptedMessage(rina, before, (msg) => !!msg.document, 'the letter');
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

		await rina.say('kirim ulang surat');
		expect(rina.lastText).toContain(head('resend.header'));
		expect(rina.lastText).toContain(number);
		expect(rina.lastText).toContain('3577************');
		expect(rina.lastText).not.toContain('0013');
		expect(rina.lastText).toContain('ketik *4 angka terakhir NIK*');

		await rina.say('1234');
		expect(rina.lastText).toContain(head('resend.wrong'));
		expect(rina.replies.some((r) => r.document)).toBe(false);

		// The right digits: this row holds no link to the letter's file, so no PDF, and a person.
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
