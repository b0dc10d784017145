/**
 * The stateless requirement check: is this application (data + document files) complete for its
 * service? Every problem comes with an Indonesian reason from catalog.messages.
 */

import { validateField } from '../validation/field';
import type { ValidationError } from '../validation/result';
import { renderMessage } from './render';
import { applies, brokenRules } from '../crosscheck';
import type { Catalog, DocumentSpec, FieldSpec, Messages } from './types';

export interface Application {
	serviceKey: string;
	data: Record<string, unknown>;
	documents: Record<string, unknown[]>;
}

export interface RequirementProblem {
	key: string;
	label: string;
	reason: string;
}

export interface RequirementCheck {
	complete: boolean;
	service?: { key: string; title: string };
	missingFields: RequirementProblem[];
	invalidFields: RequirementProblem[];
	missingDocuments: RequirementProblem[];
	/** Set when the application cannot be checked at all (unknown service). */
	reason?: string;
}

export function checkApplication(app: Application, catalog: Catalog, now: Date): RequirementCheck {
	const messages = catalog.messages;
	const serviceKey = typeof app?.serviceKey === 'string' ? app.serviceKey : '';
	const service = catalog.services.find((s) => s.key === serviceKey);
	if (!service) {
		const reason = renderMessage(messages, 'check.unknownService', {
			key: serviceKey.slice(0, 60),
		});
		return {
			complete: false,
			missingFields: [],
			invalidFields: [
				{ key: 'serviceKey', label: renderMessage(messages, 'check.serviceLabel'), reason },
			],
			missingDocuments: [],
			reason,
		};
	}
	const data = isRecord(app.data) ? app.data : {};
	const result: RequirementCheck = {
		complete: false,
		service: { key: service.key, title: service.title },
		missingFields: [],
		invalidFields: [],
		missingDocuments: [],
	};
	checkFields(service.fields, data, '', '', { messages, now, result });
	for (const rule of brokenRules(service, data))
		result.invalidFields.push({
			key: rule.field.key,
			label: rule.field.label,
			reason: renderMessage(messages, rule.messageKey, rule.params),
		});
	const documents = isRecord(app.documents) ? app.documents : {};
	for (const doc of service.documents) {
		if (!applies(doc.when, data)) continue;
		const problem = checkDocument(doc, documents[doc.key], messages);
		if (problem) result.missingDocuments.push(problem);
	}
	result.complete =
		!result.missingFields.length && !result.invalidFields.length && !result.missingDocuments.length;
	return result;
}

interface Walk {
	messages: Messages;
	now: Date;
	result: RequirementCheck;
}

/** Checks fields in order, so a NIK is cross-checked against the birth date as it was read. */
function checkFields(
	fields: FieldSpec[],
	data: Record<string, unknown>,
	keyPrefix: string,
	labelPrefix: string,
	walk: Walk,
): void {
	const values: Record<string, unknown> = {};
	for (const field of fields) {
		const key = keyPrefix + field.key;
		const label = labelPrefix + field.label;
		const raw = data[field.key];
		if (!keyPrefix && !applies(field.when, data)) continue;
		if (field.type === 'records') {
			checkRecords(field, raw, key, label, walk);
			continue;
		}
		if (isEmpty(raw)) {
			if (field.required) {
				walk.result.missingFields.push({
					key,
					label,
					reason: render(walk, 'check.missingField', { label }),
				});
			}
			continue;
		}
		const text = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
		// Cross-checks see every answer: the NIK may come before the birth date it is checked against.
		const checked = validateField(field, text, { values: { ...data, ...values }, now: walk.now });
		if (checked.ok) values[field.key] = checked.value;
		else
			walk.result.invalidFields.push({ key, label, reason: reasonOf(walk, checked.error, label) });
	}
}

function checkRecords(
	field: FieldSpec,
	raw: unknown,
	key: string,
	label: string,
	walk: Walk,
): void {
	const records = Array.isArray(raw) ? raw : isEmpty(raw) ? [] : null;
	const itemLabel = field.itemLabel ?? field.label;
	if (records === null) {
		walk.result.invalidFields.push({
			key,
			label,
			reason: render(walk, 'check.records.notList', { label }),
		});
		return;
	}
	const min = field.minItems ?? 0;
	const max = field.maxItems ?? Infinity;
	if (records.length < min) {
		const reason = render(walk, 'check.records.tooFew', {
			label,
			itemLabel,
			min,
			count: records.length,
		});
		const target =
			records.length === 0 && field.required
				? walk.result.missingFields
				: walk.result.invalidFields;
		target.push({ key, label, reason });
	}
	if (records.length > max) {
		const reason = render(walk, 'check.records.tooMany', {
			label,
			itemLabel,
			max,
			count: records.length,
		});
		walk.result.invalidFields.push({ key, label, reason });
	}
	records.slice(0, Number.isFinite(max) ? max : undefined).forEach((record, i) => {
		const prefix = render(walk, 'check.recordPrefix', { itemLabel, index: i + 1 });
		checkFields(field.fields ?? [], isRecord(record) ? record : {}, `${key}[${i}].`, prefix, walk);
	});
}

function checkDocument(doc: DocumentSpec, files: unknown, messages: Messages) {
	const count = Array.isArray(files) ? files.length : 0;
	if (doc.optional && count === 0) return null;
	const needed = Math.max(doc.min, 1);
	if (count >= needed) return null;
	const reason = renderMessage(messages, 'check.missingDocument', {
		label: doc.label,
		min: needed,
		count,
	});
	return { key: doc.key, label: doc.label, reason };
}

function reasonOf(walk: Walk, error: ValidationError, label: string): string {
	const text = render(walk, `error.${error.code}`, { label, ...(error.params ?? {}) });
	return render(walk, 'check.invalidField', { label, reason: text });
}

function render(walk: Walk, key: string, params: Record<string, string | number>): string {
	return renderMessage(walk.messages, key, params);
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
