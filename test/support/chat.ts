/**
 * Test support: a resident chatting with the engine, valid answers generated from the catalog,
 * and the WhatsApp limits every reply must respect.
 */
import type { Catalog, FieldSpec, ResolvedService } from '../../nodes/domain/catalog/types';
import type { InboundMessage, OutboundReply } from '../../nodes/domain/messaging/types';
import { WHATSAPP_LIMITS as L } from '../../nodes/domain/messaging/types';
import { inviteSurvey, step } from '../../nodes/domain/conversation';
import type { DeskEvent, Session, StepResult } from '../../nodes/domain/conversation';
import { currentField } from '../../nodes/domain/conversation/flow';

export const NIK = '3577011708900001';
export const MASKED_NIK = '3577********0001';
export const KK = '3577010101150003';

export class Chat {
	session: Session | null = null;
	now: Date;
	last!: StepResult;
	count = 0;
	readonly events: DeskEvent[] = [];

	constructor(
		readonly catalog: Catalog,
		readonly waId = '6281234567890',
		start = new Date('2026-05-05T02:00:00Z'),
	) {
		this.now = start;
	}

	send(message: Partial<InboundMessage>): StepResult {
		this.count++;
		const full: InboundMessage = {
			provider: 'test',
			businessNumber: '62351000000',
			from: this.waId,
			name: 'Budi',
			messageId: `wamid.${this.waId}.${this.count}`,
			timestamp: this.now.toISOString(),
			type: 'text',
			text: '',
			...message,
		};
		this.last = step(this.session, full, this.catalog, this.now);
		expectWithinLimits(this.last.replies);
		// What the workflow stores is JSON: make sure it round-trips.
		this.session = JSON.parse(JSON.stringify(this.last.session));
		this.events.push(...this.last.events);
		return this.last;
	}

	text(text: string): StepResult {
		return this.send({ type: 'text', text });
	}

	button(id: string, title = id): StepResult {
		return this.send({ type: 'button_reply', text: title, replyId: id, replyTitle: title });
	}

	list(id: string, title = id): StepResult {
		return this.send({ type: 'list_reply', text: title, replyId: id, replyTitle: title });
	}

	photo(id: string, mimeType = 'image/jpeg'): StepResult {
		return this.send({ type: 'image', text: '', media: { id, mimeType } });
	}

	/** The approvals workflow invites this resident to the survey after delivering a letter. */
	invite(ticket: string, serviceTitle: string): StepResult {
		const result = inviteSurvey(
			this.session,
			{ waId: this.waId, name: 'Budi', ticket, serviceTitle },
			this.catalog,
			this.now,
		);
		expectWithinLimits(result.replies);
		this.session = JSON.parse(JSON.stringify(result.session));
		return result;
	}

	wait(minutes: number): void {
		this.now = new Date(this.now.getTime() + minutes * 60_000);
	}

	/** All reply texts of the last step, joined. */
	get said(): string {
		return this.last.replies.map(replyText).join('\n---\n');
	}

	get state(): string {
		return this.session?.state ?? 'none';
	}
}

export function replyText(reply: OutboundReply): string {
	if (reply.type === 'text') return reply.text;
	if (reply.type === 'buttons')
		return `${reply.text}\n[${reply.buttons.map((b) => b.title).join('|')}]`;
	return `${reply.text}\n{${reply.sections.flatMap((s) => s.rows.map((r) => r.title)).join('|')}}`;
}

export function expectWithinLimits(replies: OutboundReply[]): void {
	for (const reply of replies) {
		expect(reply.text.length).toBeGreaterThan(0);
		if (reply.type === 'text') {
			expect(reply.text.length).toBeLessThanOrEqual(L.textBody);
		} else if (reply.type === 'buttons') {
			expect(reply.text.length).toBeLessThanOrEqual(L.interactiveBody);
			expect(reply.buttons.length).toBeGreaterThanOrEqual(1);
			expect(reply.buttons.length).toBeLessThanOrEqual(L.maxButtons);
			for (const b of reply.buttons) expect(b.title.length).toBeLessThanOrEqual(L.buttonTitle);
			expect(new Set(reply.buttons.map((b) => b.id)).size).toBe(reply.buttons.length);
		} else {
			expect(reply.text.length).toBeLessThanOrEqual(L.interactiveBody);
			expect(reply.button.length).toBeLessThanOrEqual(L.listButton);
			const rows = reply.sections.flatMap((s) => s.rows);
			expect(rows.length).toBeGreaterThanOrEqual(1);
			expect(rows.length).toBeLessThanOrEqual(L.maxListRows);
			for (const r of rows) {
				expect(r.title.length).toBeLessThanOrEqual(L.listRowTitle);
				expect((r.description ?? '').length).toBeLessThanOrEqual(L.listRowDescription);
			}
			for (const s of reply.sections)
				expect((s.title ?? '').length).toBeLessThanOrEqual(L.listSectionTitle);
			expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
		}
	}
}

/** A valid answer for a field (typed as a resident would) and the value the engine should store. */
export function answerFor(field: FieldSpec): { text: string; value: unknown } {
	const rules = field.validation ?? {};
	switch (field.type) {
		case 'date':
			return { text: '17-08-1990', value: '1990-08-17' };
		case 'choice':
			return { text: '1', value: field.options![0].label };
		case 'nik':
			return { text: NIK, value: NIK };
		case 'kk':
			return { text: KK, value: KK };
		case 'year':
			return { text: '2015', value: 2015 };
		case 'money':
			return { text: '1,5 juta', value: 1_500_000 };
		case 'phone':
			return { text: '0812-3456-7890', value: '6281234567890' };
		case 'number':
			return { text: String(rules.min ?? 2), value: rules.min ?? 2 };
		default:
			break;
	}
	if (rules.pattern === '[0-9]{1,3}') return { text: '5', value: rules.padDigits ? '005' : '5' };
	if (rules.pattern?.includes('[0-9 .]')) return { text: NIK, value: NIK };
	if (rules.pattern) return { text: '197001011995031001', value: '197001011995031001' };
	let text = `Isian ${field.label}`;
	if (rules.minLength && text.length < rules.minLength) text = text.padEnd(rules.minLength, 'x');
	if (rules.maxLength) text = text.slice(0, rules.maxLength);
	return { text, value: text };
}

/** Answers the question the session is at; returns the stored value expected for it. */
export function answerCurrent(
	chat: Chat,
	service: ResolvedService,
	given?: { text: string; value: unknown },
): { key: string; record?: number; value: unknown } {
	const current = currentField(service, chat.session!)!;
	expect(current).toBeDefined();
	const { text, value } = given ?? answerFor(current.field);
	expect(chat.said).toContain(current.field.question);
	chat.text(text);
	// The birth date and sex the NIK carries are offered for one "ya" (nikDerived.test.ts).
	if (chat.state === 'nik_confirm') {
		expect(chat.said).toContain('Apakah sudah benar?');
		chat.text('ya');
	}
	return { key: current.field.key, record: current.record, value };
}

/** Records wanted for a records field in the scripted conversation: at least one. */
export function recordsWanted(field: FieldSpec): number {
	return Math.max(field.minItems ?? 0, 1);
}
