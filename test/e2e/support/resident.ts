// A resident as the end-to-end tests play one: each message waits until the intake workflow has
// handled it completely (its n8n execution finished), then hands back what the bot answered.
// Phases of the conversation are recognised from the catalog's own texts (templates/*.json), so
// the tests speak the same Indonesian the resident reads without repeating it here.
// All e2e files share one stack, so each file uses phone numbers no other file uses: a number
// reused across files meets the other file's remembered identity, and the result depends on order.
import type { ChatMessage } from '../../../sandbox/server';
import { defaultCatalog } from '../../../nodes/domain/catalog';
import type { FieldSpec, ResolvedService } from '../../../nodes/domain/catalog/types';
import { n8nExecutions, residentClient, type Attachment } from './clients';
import { intakeWorkflow, type StackInfo } from './stack-info';
import { waitFor } from './wait';

export const catalog = defaultCatalog();
const messages = catalog.messages;

/** A message template (`"📎 Kirim foto atau PDF *{label}*…"`) as a pattern capturing its placeholders. */
export function templatePattern(key: string): RegExp {
	const template = messages[key];
	if (!template) throw new Error(`no message "${key}" in the catalog`);
	const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(parts.join('([\\s\\S]*?)'));
}

export const said = (key: string, text: string) => templatePattern(key).test(text);

/** The first word a resident may type for a command or button ("selesai", "lewati"). */
export const word = (key: string) => messages[key].split('|')[0];

function triggerMessageId(execution: { data?: unknown }): string | undefined {
	const runData = (execution.data as { resultData?: { runData?: Record<string, unknown[]> } })
		?.resultData?.runData;
	const run = runData?.['WhatsApp Trigger']?.[0] as
		| { data?: { main?: Array<Array<{ json: { messageId?: string } }>> } }
		| undefined;
	return run?.data?.main?.[0]?.[0]?.json?.messageId;
}

/** The node and message of a failed execution, for a test failure that says what went wrong. */
export function executionError(execution: { id: string; data?: unknown }): string {
	const result = (
		execution.data as {
			resultData?: {
				error?: { message?: string; description?: string };
				lastNodeExecuted?: string;
			};
		}
	)?.resultData;
	return `#${execution.id} at "${result?.lastNodeExecuted}": ${result?.error?.message} ${result?.error?.description ?? ''}`;
}

export class Resident {
	private readonly client;
	/** Outbound messages of the last turn. */
	replies: ChatMessage[] = [];
	private intakeId: string;

	constructor(
		private readonly info: StackInfo,
		readonly waId: string,
		readonly name = 'Warga Uji',
	) {
		this.client = residentClient(info);
		this.intakeId = intakeWorkflow(info).id;
	}

	get lastText(): string {
		return this.replies.map((r) => r.text).join('\n---\n');
	}

	/** A file the resident received (a document's URL in the chat). */
	download(url: string): Promise<Buffer> {
		return this.client.download(url);
	}

	async chat(): Promise<ChatMessage[]> {
		return this.client.messages(this.waId);
	}

	/** Sends something and waits until the intake workflow finished handling it. */
	async send(body: Record<string, unknown>): Promise<ChatMessage[]> {
		const before = (await this.chat()).length;
		const known = new Set((await this.executions()).map((e) => e.id));
		const sent = await this.client.send(this.waId, { name: this.name, ...body });
		if (sent.webhookStatus !== 200) {
			// Said with the run's node and error once that run is over (or that there was none).
			const failed = await waitFor(
				async () => {
					const found = (await this.executions()).find(
						(e) => !known.has(e.id) && triggerMessageId(e) === sent.messageId,
					);
					return found?.stoppedAt ? found : undefined;
				},
				{ timeoutMs: 30000, description: 'the failed run' },
			).catch(() => undefined);
			throw new Error(
				`the intake webhook answered ${sent.webhookStatus}: ${failed ? executionError(failed) : 'no finished intake run received the message within 30 s'}`,
			);
		}
		await this.handled(sent.messageId, known);
		this.replies = (await this.chat()).slice(before).filter((m) => m.direction === 'out');
		return this.replies;
	}

	/** Delivers a photo without waiting for the bot (several at once, as people send them). */
	async sendOnly(file: Attachment): Promise<void> {
		const sent = await this.client.send(this.waId, {
			name: this.name,
			image: {
				fileName: file.fileName,
				mimeType: file.mimeType,
				dataBase64: file.data.toString('base64'),
			},
		});
		if (sent.webhookStatus !== 200)
			throw new Error(`the intake webhook answered ${sent.webhookStatus}`);
	}

	private executions() {
		return n8nExecutions(this.info, { workflowId: this.intakeId, includeData: true, limit: 20 });
	}

	/**
	 * Waits for the finished execution of the intake workflow that received `messageId`, other
	 * than those in `known` (a redelivered message id has an earlier execution too).
	 */
	async handled(messageId: string, known = new Set<string>()): Promise<void> {
		const execution = await waitFor(
			async () => {
				const found = (await this.executions()).find(
					(e) => !known.has(e.id) && triggerMessageId(e) === messageId,
				);
				const over =
					found && (found.finished || ['success', 'error', 'crashed'].includes(found.status));
				return over ? found : undefined;
			},
			{ timeoutMs: 90000, description: `the intake workflow to handle ${messageId}` },
		);
		if (execution.status !== 'success')
			throw new Error(`the intake execution failed: ${executionError(execution)}`);
	}

	say(text: string) {
		return this.send({ text });
	}

	/**
	 * Taps the button or list row titled `title` in the last turn's replies; where the options
	 * came as numbered text (a gateway without buttons), types the option's number instead.
	 */
	tap(title: string) {
		for (const reply of [...this.replies].reverse()) {
			const options = [
				...(reply.buttons ?? []),
				...(reply.list?.sections ?? []).flatMap((s) => s.rows),
			];
			const option = options.find((o) => o.title === title);
			if (option) return this.send({ reply: { id: option.id, title: option.title } });
			const number = numberedOption(reply.text, title);
			if (number) return this.say(number);
		}
		throw new Error(`no "${title}" to tap in: ${this.lastText}`);
	}

	/** Taps the button or list row with this id (a service key in the services list). */
	choose(id: string) {
		for (const reply of [...this.replies].reverse()) {
			const options = [
				...(reply.buttons ?? []),
				...(reply.list?.sections ?? []).flatMap((s) => s.rows),
			];
			// Ids carry context after `~` (`domisili~svc~r`, `score:4~inv…`): the part before names the choice.
			const option = options.find((o) => o.id === id || o.id.startsWith(`${id}~`));
			if (option) return this.send({ reply: { id: option.id, title: option.title } });
		}
		throw new Error(`no option "${id}" to choose in: ${this.lastText}`);
	}

	photo(file: Attachment) {
		return this.send({
			image: {
				fileName: file.fileName,
				mimeType: file.mimeType,
				dataBase64: file.data.toString('base64'),
			},
		});
	}
}

/**
 * The number of the option `title` in numbered text: "2. Cek status", "3. Title (description)",
 * or a list row whose description is `title` ("1. Usaha (KUR) (Surat Keterangan Usaha (KUR))").
 */
export function numberedOption(text: string, title: string): string | undefined {
	for (const line of text.split('\n')) {
		const match = /^(\d+)\. (.*)$/.exec(line.trim());
		if (!match) continue;
		const option = match[2];
		if (option === title || option.startsWith(`${title} (`) || option.endsWith(` (${title})`))
			return match[1];
	}
	return undefined;
}

/** A small valid JPEG-like payload (the sandbox stores bytes; nothing decodes them). */
export function photoOf(label: string): Attachment {
	return {
		fileName: `${label}.jpg`,
		mimeType: 'image/jpeg',
		data: Buffer.from(`photo of ${label}`),
	};
}

export type Answers = (field: FieldSpec, record?: number) => string | undefined;

/** A plausible answer a resident would type for a field. */
export function defaultAnswer(field: FieldSpec): string {
	switch (field.type) {
		case 'date':
			return '17-08-1990';
		case 'choice':
			return '1';
		case 'nik':
			return '3577011708900001';
		case 'kk':
			return '3577010101150003';
		case 'year':
			return '2015';
		case 'money':
			return '1,5 juta';
		case 'phone':
			return '0812-3456-7890';
		case 'number':
			return String(field.validation?.min ?? 2);
		default:
			break;
	}
	const pattern = field.validation?.pattern ?? '';
	if (pattern.includes('{1,3}')) return '3';
	if (pattern) return '197001011995031001';
	return `${field.label} uji`;
}

/**
 * A family the heirs' statement accepts (its spouse rule): no surviving spouse is named and
 * every heir is a child of the deceased.
 */
function familyAnswer(
	service: ResolvedService,
	field: FieldSpec,
	record: FieldSpec | undefined,
): string | undefined {
	if (service.key !== 'ahli-waris') return undefined;
	if (!record && field.key === 'pasangan_nama') return '-';
	if (record?.key === 'ahli_waris' && field.key === 'hubungan') return 'Anak Kandung';
	return undefined;
}

/**
 * Answers the conversation from the service's requirements up to its summary, using `answers`
 * where given and plausible values elsewhere; `records` says how many records each list gets.
 */
export async function fillRequest(
	resident: Resident,
	service: ResolvedService,
	answers: Answers = () => undefined,
	records: Record<string, number> = {},
	stopAt: (lastReply: string) => boolean = (last) => said('summary.ask', last),
	/** Take the birth date and sex read from the NIK (one tap), or say "Bukan" and type them. */
	takeFromNik = true,
): Promise<void> {
	const recordCounts = new Map<string, number>();
	// 30 heirs with 6 questions each take about 300 turns.
	for (let turn = 0; turn < 400; turn++) {
		const text = resident.lastText;
		const last = resident.replies[resident.replies.length - 1]?.text ?? '';
		if (stopAt(last)) return;
		if (said('requirements.ask', last)) {
			await resident.tap(messages['button.continue']);
			continue;
		}
		if (said('reuse.ask', last)) {
			// The remembered identity is used once the resident types the NIK's last 4 digits.
			const nik = service.fields.find((f) => f.type === 'nik' && f.remember)!;
			await resident.say((answers(nik) ?? defaultAnswer(nik)).replace(/\D/g, '').slice(-4));
			continue;
		}
		if (said('nik.derived.ask', last)) {
			// The birth date and sex read from the NIK: one tap instead of two questions.
			await resident.tap(messages[takeFromNik ? 'button.nik.yes' : 'button.nik.no']);
			continue;
		}
		const recordPrompt =
			templatePattern('record.more').exec(last) ?? templatePattern('record.first').exec(last);
		if (recordPrompt) {
			const field = service.fields.find(
				(f) => f.type === 'records' && last.includes(f.itemLabel ?? f.label),
			)!;
			const have = recordCounts.get(field.key) ?? 0;
			const want = records[field.key] ?? Math.max(field.minItems ?? 0, 1);
			await resident.tap(messages[have < want ? 'button.add' : 'button.done']);
			continue;
		}
		const documentAsk = templatePattern('document.ask').exec(last);
		const stillNeeded = templatePattern('document.received.need').exec(last);
		if (documentAsk || stillNeeded) {
			await resident.photo(photoOf((documentAsk ?? stillNeeded)![1]));
			continue;
		}
		if (said('document.received', last)) {
			await resident.say(word('command.done'));
			continue;
		}
		const field = findAskedField(service, last);
		if (!field) throw new Error(`the fill-in did not recognise the bot's question: ${text}`);
		let record: number | undefined;
		if (field.record) {
			// "👤 *ahli waris ke-2*": which record this question belongs to.
			const item = templatePattern('record.item').exec(last);
			record = item ? Number(item[2]) - 1 : 0;
			recordCounts.set(
				field.record.key,
				Math.max(recordCounts.get(field.record.key) ?? 0, record + 1),
			);
		}
		await resident.say(
			answers(field.field, record) ??
				familyAnswer(service, field.field, field.record) ??
				defaultAnswer(field.field),
		);
	}
	throw new Error('the conversation did not reach the summary');
}

/** Answers like `fillRequest` until the bot's last reply satisfies `stopAt`. */
export function fillRequestUntil(
	resident: Resident,
	service: ResolvedService,
	stopAt: (lastReply: string) => boolean,
): Promise<void> {
	return fillRequest(resident, service, undefined, {}, stopAt);
}

/** The field whose question the bot just asked (inside a record too). */
function findAskedField(
	service: ResolvedService,
	text: string,
): { field: FieldSpec; record?: FieldSpec } | undefined {
	// Longest question first: a short question may be part of a longer one.
	const candidates: Array<{ field: FieldSpec; record?: FieldSpec }> = [];
	for (const field of service.fields) {
		if (field.type === 'records') {
			for (const inner of field.fields!) candidates.push({ field: inner, record: field });
		} else candidates.push({ field });
	}
	return candidates
		.filter((c) => text.includes(c.field.question))
		.sort((a, b) => b.field.question.length - a.field.question.length)[0];
}

/** From greeting to ticket: requests `serviceKey`, answers everything, confirms; returns the ticket. */
export async function submitRequest(
	resident: Resident,
	serviceKey: string,
	answers?: Answers,
	records?: Record<string, number>,
): Promise<string> {
	const service = catalog.services.find((s) => s.key === serviceKey)!;
	await resident.say('halo');
	await resident.tap(messages['menu.request']);
	await resident.choose(service.key);
	await fillRequest(resident, service, answers, records);
	await resident.tap(messages['button.confirm']);
	const ticket = templatePattern('submitted').exec(resident.lastText)?.[2];
	if (!ticket) throw new Error(`no ticket in: ${resident.lastText}`);
	return ticket;
}
