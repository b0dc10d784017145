/**
 * The office's WhatsApp message templates (templates/whatsapp/*.json): Meta's creation payload
 * plus which notice value fills each {{n}} of the body. Used to send a template (Meta), to render
 * its wording as plain text (Fonnte, free-form inside the window, the sandbox page) and to create
 * the templates through the Graph API.
 */
import letterReady from '../../../templates/whatsapp/surat-selesai.json';
import draftToSign from '../../../templates/whatsapp/draf-ahli-waris.json';
import rejected from '../../../templates/whatsapp/pengajuan-ditolak.json';
import fixRequested from '../../../templates/whatsapp/perbaikan-diminta.json';
import surveyInvitation from '../../../templates/whatsapp/undangan-survei.json';
import complaintAnswered from '../../../templates/whatsapp/pengaduan-ditanggapi.json';
import botIsBack from '../../../templates/whatsapp/layanan-aktif-kembali.json';
import monthlyReport from '../../../templates/whatsapp/laporan-bulanan.json';
import monthlyRegister from '../../../templates/whatsapp/buku-agenda.json';
import signatureWaiting from '../../../templates/whatsapp/tte-menunggu.json';
import adminTest from '../../../templates/whatsapp/uji-admin.json';
import staffNewRequest from '../../../templates/whatsapp/petugas-permohonan-baru.json';
import staffComplaint from '../../../templates/whatsapp/petugas-pengaduan.json';
import staffHandoff from '../../../templates/whatsapp/petugas-bicara.json';
import staffPastStandard from '../../../templates/whatsapp/petugas-lewat-standar.json';
import staffDigest from '../../../templates/whatsapp/petugas-ringkasan-pagi.json';

export interface TemplateComponent {
	type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS';
	format?: 'TEXT' | 'IMAGE' | 'DOCUMENT' | 'VIDEO';
	text?: string;
	buttons?: Array<{ type: string; text: string; url?: string }>;
	example?: unknown;
}

/** What `POST /{waba-id}/message_templates` takes. */
export interface TemplateDefinition {
	name: string;
	language: string;
	category: string;
	components: TemplateComponent[];
}

export interface OfficeTemplate {
	purpose: string;
	/** Notice values, in the order of the body's {{1}}, {{2}}, … */
	values: string[];
	/** Payload of each quick-reply button, in order (the trigger hands it on as the reply id). */
	quickReplyPayloads: string[];
	template: TemplateDefinition;
}

export const OFFICE_TEMPLATES = [
	letterReady,
	draftToSign,
	rejected,
	fixRequested,
	surveyInvitation,
	complaintAnswered,
	botIsBack,
	monthlyReport,
	monthlyRegister,
	signatureWaiting,
	adminTest,
	staffNewRequest,
	staffComplaint,
	staffHandoff,
	staffPastStandard,
	staffDigest,
] as OfficeTemplate[];

export function officeTemplate(name: string): OfficeTemplate | undefined {
	return OFFICE_TEMPLATES.find((t) => t.template.name === name);
}

export function componentOf(
	definition: TemplateDefinition,
	type: TemplateComponent['type'],
): TemplateComponent | undefined {
	return definition.components.find((c) => c.type.toUpperCase() === type);
}

/** A text with {{n}} replaced by the n-th parameter (missing ones left as they are). */
export function fillPlaceholders(text: string, parameters: string[]): string {
	return text.replace(
		/\{\{\s*(\d+)\s*\}\}/g,
		(whole, n: string) => parameters[Number(n) - 1] ?? whole,
	);
}

/** Meta refuses empty or multi-line-heavy parameters; a missing value becomes a dash. */
function parameterText(value: unknown): string {
	const text = String(value ?? '')
		.replace(/[\t\r]+/g, ' ')
		.replace(/\n{2,}/g, '\n')
		.replace(/ {5,}/g, '    ')
		.trim();
	return text || '-';
}

/** The body parameters of an office template, read by name from a notice's values. */
export function bodyParameters(office: OfficeTemplate, values: Record<string, unknown>): string[] {
	return office.values.map((key) => parameterText(values[key]));
}

/** The body (and footer) as the resident reads it, for Fonnte and free-form sends. */
export function renderTemplateText(definition: TemplateDefinition, parameters: string[]): string {
	const body = fillPlaceholders(componentOf(definition, 'BODY')?.text ?? '', parameters);
	return body.trim();
}

/**
 * The body as an admin edits it: each {{n}} written as the name of the value that fills it
 * (`Halo {name}, surat *{serviceTitle}* …`). Single braces: n8n's editor turns a field with
 * `{{` into an expression.
 */
export function namedWording(office: OfficeTemplate): string {
	const body = componentOf(office.template, 'BODY')?.text ?? '';
	return body
		.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => {
			const key = office.values[Number(n) - 1];
			return key ? `{${key}}` : whole;
		})
		.trim();
}

/** An admin's wording with each {value} the template names filled in (others left as typed). */
export function fillWording(wording: string, office: OfficeTemplate, parameters: string[]): string {
	return wording
		.replace(/\{(\w+)\}/g, (whole, key: string) => {
			const index = office.values.indexOf(key);
			return index < 0 ? whole : (parameters[index] ?? whole);
		})
		.trim();
}

/**
 * The creation payload for Meta: our own keys left out, and the sample of a media header filled
 * with a handle from Meta's resumable upload (required by Meta for IMAGE/DOCUMENT headers).
 */
export function creationPayload(office: OfficeTemplate, sampleHandle?: string): TemplateDefinition {
	const definition = JSON.parse(JSON.stringify(office.template)) as TemplateDefinition;
	for (const component of definition.components) {
		if (component.type === 'HEADER' && component.format && component.format !== 'TEXT') {
			component.example = { header_handle: [sampleHandle ?? ''] };
		}
	}
	return definition;
}

export function needsSampleHandle(office: OfficeTemplate): boolean {
	const header = componentOf(office.template, 'HEADER');
	return !!header?.format && header.format !== 'TEXT';
}

/** Meta's customer-service window: free-form messages only within 24 h of the resident's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** True when `lastInboundAt` (ISO) is known and less than 24 h before `now`; unknown counts as closed. */
export function insideServiceWindow(lastInboundAt: unknown, now: Date): boolean {
	const at = Date.parse(String(lastInboundAt ?? ''));
	if (!Number.isFinite(at)) return false;
	// A small margin: a send that takes a few seconds must not cross the boundary at Meta.
	return now.getTime() - at < SERVICE_WINDOW_MS - 60 * 1000;
}
