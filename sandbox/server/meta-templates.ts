/**
 * Meta's message templates and 24-hour customer-service window, as the Cloud API plays them:
 * templates are created under the business account (`POST /{waba-id}/message_templates`), and
 * only an APPROVED template with the right number of parameters is sent; a free-form message to
 * a resident who has not written in the last 24 hours is refused with 131047.
 */
import { OFFICE_TEMPLATES, creationPayload } from '../../nodes/domain/messaging/templates';
import type { SandboxContext } from './context';
import { MetaError } from './meta-validate';
import type { ChatButton, SandboxTemplate } from './state';

const WINDOW_MS = 24 * 60 * 60 * 1000;
const STATUSES = new Set(['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED']);

const placeholders = (text: unknown) => {
	let highest = 0;
	for (const m of String(text ?? '').matchAll(/\{\{\s*(\d+)\s*\}\}/g))
		highest = Math.max(highest, Number(m[1]));
	return highest;
};

const componentOf = (t: SandboxTemplate, type: string) =>
	t.components.find((c: any) => String(c?.type).toUpperCase() === type) as any;

const invalidTemplate = (details: string) => new MetaError(100, 'Invalid parameter', details);

/** `POST /{waba-id}/message_templates`: checked as Meta checks a submission, approved at once. */
export function createTemplate(ctx: SandboxContext, body: Record<string, any>): SandboxTemplate {
	const name = String(body.name ?? '');
	if (!/^[a-z0-9_]{1,512}$/.test(name))
		throw invalidTemplate(
			'Template name may only contain lowercase letters, digits and underscores.',
		);
	const language = String(body.language ?? '');
	if (!language) throw new MetaError(100, '(#100) The parameter language is required.');
	if (!['UTILITY', 'MARKETING', 'AUTHENTICATION'].includes(String(body.category)))
		throw new MetaError(
			100,
			'(#100) Param category must be one of {UTILITY, MARKETING, AUTHENTICATION}',
		);
	const components: any[] = Array.isArray(body.components) ? body.components : [];
	const bodyComponent = components.find((c) => String(c?.type).toUpperCase() === 'BODY');
	if (!bodyComponent?.text) throw invalidTemplate('A template needs a BODY component with text.');
	if ([...String(bodyComponent.text)].length > 1024)
		throw invalidTemplate('Body text is longer than 1024 characters.');
	const header = components.find((c) => String(c?.type).toUpperCase() === 'HEADER');
	if (header && header.format !== 'TEXT' && !header.example?.header_handle?.[0])
		throw invalidTemplate('A media header needs example.header_handle (a sample uploaded first).');
	const templates = ctx.state.data.templates;
	if (Object.values(templates).some((t) => t.name === name && t.language === language)) {
		throw new MetaError(
			100,
			'Invalid parameter',
			`Content in this language already exists for ${name} (${language}).`,
		);
	}
	const id = String(1_000_000_000_000 + Object.keys(templates).length + 1);
	const template: SandboxTemplate = {
		id,
		name,
		language,
		category: String(body.category),
		status: 'APPROVED',
		components,
	};
	templates[id] = template;
	ctx.state.changed({ kind: 'calls' });
	return template;
}

/** The staff-side switch a test uses to play Meta's review (PENDING, REJECTED, PAUSED, …). */
export function setTemplateStatus(
	ctx: SandboxContext,
	name: string,
	status: string,
): SandboxTemplate[] {
	if (!STATUSES.has(status)) throw new Error(`status must be one of ${[...STATUSES].join(', ')}`);
	const found = Object.values(ctx.state.data.templates).filter((t) => t.name === name);
	for (const t of found) t.status = status;
	return found;
}

/** What a template message shows in the chat, once it passed Meta's checks. */
export interface RenderedTemplate {
	text: string;
	header?: string;
	footer?: string;
	headerMedia?: { type: 'image' | 'document'; content: Record<string, any> };
	buttons?: ChatButton[];
}

function countError(component: string, sent: number, expected: number): MetaError {
	return new MetaError(
		132000,
		'(#132000) Number of parameters does not match the expected number of params',
		`${component}: number of localizable_params (${sent}) does not match the expected number of params (${expected})`,
	);
}

/** Checks a `type: template` send against the store and fills in its parameters. */
export function renderTemplateSend(
	ctx: SandboxContext,
	content: Record<string, any>,
): RenderedTemplate {
	const name = String(content.name ?? '');
	const language = String(content.language?.code ?? '');
	const template = Object.values(ctx.state.data.templates).find(
		(t) => t.name === name && t.language === language,
	);
	if (!template || template.status !== 'APPROVED') {
		if (template?.status === 'PAUSED')
			throw new MetaError(132015, '(#132015) Template is Paused', `Template ${name} is paused.`);
		if (template?.status === 'DISABLED')
			throw new MetaError(
				132016,
				'(#132016) Template is Disabled',
				`Template ${name} is disabled.`,
			);
		throw new MetaError(
			132001,
			'(#132001) Template name does not exist in the translation',
			`template name (${name}) does not exist in ${language || '(no language)'}`,
		);
	}
	const sent: any[] = Array.isArray(content.components) ? content.components : [];
	const part = (type: string) => sent.find((c) => String(c?.type).toLowerCase() === type);
	const bodyDef = componentOf(template, 'BODY');
	const bodyParams: any[] = part('body')?.parameters ?? [];
	if (bodyParams.length !== placeholders(bodyDef?.text))
		throw countError('body', bodyParams.length, placeholders(bodyDef?.text));
	for (const p of bodyParams) {
		if (p?.type !== 'text' || !String(p.text ?? '').trim())
			throw new MetaError(
				132012,
				'(#132012) Parameter format does not match format in the created template',
				'body: parameters must be non-empty text',
			);
	}
	const fill = (text: string, params: any[]) =>
		text.replace(
			/\{\{\s*(\d+)\s*\}\}/g,
			(whole, n: string) => params[Number(n) - 1]?.text ?? whole,
		);

	const rendered: RenderedTemplate = { text: fill(String(bodyDef.text), bodyParams) };
	const headerDef = componentOf(template, 'HEADER');
	const headerParams: any[] = part('header')?.parameters ?? [];
	if (headerDef?.format === 'TEXT') {
		const expected = placeholders(headerDef.text);
		if (headerParams.length !== expected) throw countError('header', headerParams.length, expected);
		rendered.header = fill(String(headerDef.text), headerParams);
	} else if (headerDef) {
		const kind = String(headerDef.format).toLowerCase();
		if (headerParams.length !== 1) throw countError('header', headerParams.length, 1);
		const media = headerParams[0]?.[kind];
		if (headerParams[0]?.type !== kind || !media || (!media.id && !media.link))
			throw new MetaError(
				132012,
				'(#132012) Parameter format does not match format in the created template',
				`header: Format mismatch, expected ${String(headerDef.format)}, received ${String(headerParams[0]?.type)}`,
			);
		rendered.headerMedia = { type: kind as 'image' | 'document', content: media };
	} else if (headerParams.length) throw countError('header', headerParams.length, 0);
	const footer = componentOf(template, 'FOOTER');
	if (footer?.text) rendered.footer = String(footer.text);
	const buttons: any[] = componentOf(template, 'BUTTONS')?.buttons ?? [];
	if (buttons.length) {
		rendered.buttons = buttons.map((b, index) => {
			const given = sent.find((c) => c?.type === 'button' && Number(c.index) === index);
			const payload = given?.parameters?.[0]?.payload;
			return { id: String(payload ?? b.text), title: String(b.text) };
		});
	}
	return rendered;
}

/** Free-form messages need a message from the resident within the last 24 hours. */
export function checkServiceWindow(ctx: SandboxContext, waId: string, now = Date.now()): void {
	const last = Date.parse(ctx.state.data.lastInbound[waId] ?? '');
	if (Number.isFinite(last) && now - last < WINDOW_MS) return;
	throw new MetaError(
		131047,
		'(#131047) Re-engagement message',
		'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
	);
}

/** Moves a resident's last message `hours` into the past ("30 hours later" in a test). */
export function ageResident(ctx: SandboxContext, waId: string, hours: number): string | null {
	const last = Date.parse(ctx.state.data.lastInbound[waId] ?? '');
	if (!Number.isFinite(last)) return null;
	const moved = new Date(last - hours * 60 * 60 * 1000).toISOString();
	ctx.state.data.lastInbound[waId] = moved;
	return moved;
}

/**
 * The office's templates as an admin creates them once (the Gateway's Create Office Templates
 * operation): submitted through the same checks as the Graph endpoint, so `npm start` and the
 * end-to-end tests start with them APPROVED. Already present ones are kept.
 */
export function seedOfficeTemplates(ctx: SandboxContext): void {
	for (const office of OFFICE_TEMPLATES) {
		const { name, language } = office.template;
		const have = Object.values(ctx.state.data.templates).some(
			(t) => t.name === name && t.language === language,
		);
		if (!have) createTemplate(ctx, creationPayload(office, 'sandbox-sample-handle') as never);
	}
}
