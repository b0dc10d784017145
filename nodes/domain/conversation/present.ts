/**
 * What the resident reads about services and requests: menus, requirements, the summary before
 * sending, status answers and the approval workflow's notices. Texts come from the messages.
 */
import { applies, type Condition } from '../crosscheck';
import type { Catalog, FieldSpec, ResolvedService } from '../catalog/types';
import type { OutboundReply } from '../messaging/types';
import { formatDateId, maskId } from '../indonesian/format';
import { formatFieldValue } from '../validation';
import type { Session } from './types';
import { listReply, say, textReply, textsFor, type Texts } from './texts';
import { tapId } from './ids';

export const MENU_ITEMS = ['request', 'info', 'status', 'complaint', 'staff'] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

export function mainMenu(texts: Texts): OutboundReply {
	return listReply(
		say(texts, 'menu.text'),
		say(texts, 'menu.button'),
		MENU_ITEMS.map((item) => ({
			id: `menu:${item}`,
			title: say(texts, `menu.${item}`),
			description: say(texts, `menu.${item}.desc`),
		})),
		say(texts, 'menu.section'),
	);
}

/** The list of services (ids = service keys); a numbered text when there are more than 10. */
export function servicesReply(catalog: Catalog, mode: 'request' | 'info'): OutboundReply {
	const texts = textsFor(catalog);
	const body = say(texts, mode === 'info' ? 'services.info' : 'services.request');
	const rows = catalog.services.map((service) => {
		const title = shortTitle(texts, service.title);
		return {
			id: tapId(service.key, 'svc', mode === 'info' ? 'i' : 'r'),
			title,
			description: title === service.title ? service.description : service.title,
		};
	});
	const numbered = () =>
		say(texts, 'services.numbered', {
			text: body,
			options: catalog.services
				.map((service, i) => say(texts, 'services.option', { n: i + 1, title: service.title }))
				.join('\n'),
		});
	if (rows.length === 0 || rows.length > 10) return textReply(numbered());
	return listReply(body, say(texts, 'services.button'), rows, say(texts, 'services.section'));
}

/** A title short enough for a list row: the prefixes of `services.shorten` dropped when too long. */
function shortTitle(texts: Texts, title: string): string {
	if (title.length <= 24) return title;
	for (const prefix of (texts.messages['services.shorten'] ?? '').split('|')) {
		if (
			prefix &&
			title.toLowerCase().startsWith(prefix.toLowerCase()) &&
			title.length > prefix.length
		) {
			const rest = title.slice(prefix.length).trim();
			return rest.charAt(0).toUpperCase() + rest.slice(1);
		}
	}
	return title;
}

export function serviceMenu(catalog: Catalog): OutboundReply {
	return servicesReply(catalog, 'request');
}

/** A service's requirements: the documents to prepare and the data that will be asked. */
export function describeService(service: ResolvedService, catalog: Catalog): string {
	const texts = textsFor(catalog);
	const documents = service.documents
		.map((doc) =>
			say(texts, 'service.document', {
				label: doc.label,
				// Only a count that tells something ("2 file" for two witnesses), not "1–2" on every line.
				count:
					doc.min < 2
						? ''
						: say(
								texts,
								doc.min === doc.max ? 'service.document.exact' : 'service.document.count',
								{
									min: doc.min,
									max: doc.max,
								},
							),
				optional:
					(doc.optional ? say(texts, 'service.document.optional') : '') +
					conditionNote(texts, service, doc.when),
			}),
		)
		.join('\n');
	const fields = service.fields
		.map((field) =>
			field.type === 'records'
				? say(texts, 'service.field.records', {
						label: field.label,
						item: field.itemLabel ?? field.label,
					})
				: say(texts, 'service.field', {
						label: field.label,
						optional:
							(field.required ? '' : say(texts, 'service.field.optional')) +
							conditionNote(texts, service, field.when),
					}),
		)
		.join('\n');
	return say(texts, 'service.requirements', {
		title: service.title,
		description: service.description,
		documents: documents || '-',
		fields: fields || '-',
	});
}

/**
 * When a line of the card applies only to some answers ("KTP" is not needed when the KTP is what
 * was lost): said from the condition itself, so the card never lists more than is asked.
 */
function conditionNote(texts: Texts, service: ResolvedService, when?: Condition): string {
	if (!when) return '';
	const field = service.fields.find((f) => f.key === when.field)?.label ?? when.field;
	const [key, values] = when.in
		? ['service.when.in', when.in]
		: ['service.when.notIn', when.notIn ?? []];
	return values.length ? say(texts, key, { field, values: values.join(' / ') }) : '';
}

/** One stored value as the resident sees it (identity numbers masked). */
export function showValue(texts: Texts, field: FieldSpec, value: unknown): string {
	if (value === undefined || value === null || value === '') return say(texts, 'summary.empty');
	const shown = formatFieldValue(field, value, { mask: true });
	// A 16-digit number typed into a text field (a lost KTP's NIK) is personal data too.
	const digits = shown.replace(/[\s.-]/g, '');
	return /^\d{16}$/.test(digits) ? maskId(digits) : shown;
}

function recordLine(texts: Texts, field: FieldSpec, record: unknown): string {
	const item = (record ?? {}) as Record<string, unknown>;
	return (field.fields ?? [])
		.filter((sub) => item[sub.key] !== undefined && item[sub.key] !== null && item[sub.key] !== '')
		.map((sub) => showValue(texts, sub, item[sub.key]))
		.join(', ');
}

export function fieldLines(
	texts: Texts,
	fields: FieldSpec[],
	values: Record<string, unknown>,
): string[] {
	const lines: string[] = [];
	for (const field of fields) {
		const value = values[field.key];
		if (field.type !== 'records') {
			lines.push(
				say(texts, 'summary.line', { label: field.label, value: showValue(texts, field, value) }),
			);
		} else if (!Array.isArray(value) || value.length === 0) {
			lines.push(say(texts, 'summary.records.none', { label: field.label }));
		} else {
			lines.push(say(texts, 'summary.record', { label: field.label }));
			value.forEach((record, i) =>
				lines.push(
					say(texts, 'summary.record.item', { n: i + 1, value: recordLine(texts, field, record) }),
				),
			);
		}
	}
	return lines;
}

export function summaryText(texts: Texts, service: ResolvedService, session: Session): string {
	// Only the documents this request needs (no KTP line when the KTP is what was lost).
	const docs = service.documents
		.filter((doc) => applies(doc.when, session.values))
		.map((doc) =>
			say(texts, 'summary.document', {
				label: doc.label,
				count: session.docs[doc.key]?.length ?? 0,
			}),
		);
	return [
		say(texts, 'summary.header', { title: service.title }),
		'',
		...fieldLines(texts, service.fields, session.values),
		'',
		say(texts, 'summary.documents'),
		...docs,
	].join('\n');
}

export interface StatusRow {
	ticket: string;
	serviceTitle: string;
	status: string;
	note?: string;
	submittedAt?: string;
	letterNumber?: string;
}

/** The answer to "status of my request", from the sheet rows of this resident. */
export function statusReplies(requests: StatusRow[], catalog: Catalog): OutboundReply[] {
	const texts = textsFor(catalog);
	const rows = Array.isArray(requests) ? requests.filter((r) => r && r.ticket) : [];
	if (rows.length === 0) return [textReply(say(texts, 'status.none'))];
	const items = rows.map((row) =>
		[
			say(texts, 'status.item', {
				ticket: String(row.ticket),
				service: String(row.serviceTitle ?? ''),
				status: String(row.status ?? ''),
			}),
			row.submittedAt
				? say(texts, 'status.item.submitted', { date: formatDateId(String(row.submittedAt)) })
				: '',
			row.letterNumber
				? say(texts, 'status.item.letter', { letterNumber: String(row.letterNumber) })
				: '',
			row.note ? say(texts, 'status.item.note', { note: String(row.note) }) : '',
		]
			.filter(Boolean)
			.join('\n'),
	);
	return [textReply([say(texts, 'status.header'), ...items].join('\n\n'))];
}

/** Texts the approvals workflow sends (vars: ticket, serviceTitle, note, letterNumber…). */
export function noticeReplies(
	kind: 'approved' | 'rejected' | 'fix' | 'received',
	vars: Record<string, string>,
	catalog: Catalog,
): OutboundReply[] {
	const texts = textsFor(catalog);
	const params: Record<string, string> = {
		ticket: '',
		serviceTitle: '',
		note: '',
		letterNumber: '',
		...vars,
	};
	return [textReply(say(texts, `notice.${kind}`, params))];
}
