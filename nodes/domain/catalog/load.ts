/**
 * Loading a catalog: an admin's JSON (CatalogInput) checked and resolved — field sets expanded,
 * settings defaulted, messages merged over the defaults (templates/messages.json for the chat,
 * templates/validation-messages.json for the validators' errors).
 */

import chatMessages from '../../../templates/messages.json';
import validationMessages from '../../../templates/validation-messages.json';
import {
	CatalogError,
	SERVICE_KEY,
	checkFieldOrder,
	readArray,
	readBoolean,
	readDocument,
	readField,
	readFieldList,
	readInteger,
	readKey,
	readObject,
	readString,
	readStringList,
	type Json,
} from './schema';
import { WHATSAPP_LIMITS } from '../messaging/types';
import { checkRuleMessages, readServiceChecks } from '../crosscheck';
import type {
	Catalog,
	CatalogSettings,
	FieldSpec,
	Messages,
	OfficeInfo,
	ResolvedService,
} from './types';

export { CatalogError } from './schema';

export const DEFAULT_SETTINGS: CatalogSettings = {
	sessionTimeoutMinutes: 30,
	draftTimeoutHours: 24,
	handoffTimeoutMinutes: 120,
	maxTextLength: 1000,
	identityRetentionDays: 90,
	ktpPhoto: false,
	voiceNotes: false,
};

/** The on/off settings; the others are whole numbers. */
const SWITCHES = new Set<string>(['ktpPhoto', 'voiceNotes']);

/** The built-in texts every catalog starts from. */
export function defaultMessages(): Messages {
	return { ...(chatMessages as Messages), ...(validationMessages as Messages) };
}

export interface LoadOptions {
	/** The catalog to extend (usually `defaultCatalog()`). */
	base?: Catalog;
	/** `replace` (default without a base): the input is the whole catalog. `extend`: on top of base. */
	mode?: 'replace' | 'extend';
}

export function loadCatalog(input: unknown, options: LoadOptions = {}): Catalog {
	const root = readObject(input, 'catalog');
	const base = options.mode === 'extend' ? options.base : undefined;
	if (options.mode === 'extend' && !base)
		throw new CatalogError('catalog', 'extend mode needs a base catalog');

	const office =
		root.office === undefined && base ? base.office : readOffice(root.office, 'office');
	const settings = readSettings(root.settings, base?.settings ?? DEFAULT_SETTINGS);
	const fieldSets = { ...(base?.fieldSets ?? {}), ...readFieldSets(root.fieldSets) };

	if (root.services === undefined && !base)
		throw new CatalogError('services', 'missing (expected a list of services)');
	const list = root.services === undefined ? [] : readArray(root.services, 'services');
	if (list.length === 0 && !base)
		throw new CatalogError('services', 'the catalog needs at least one service');
	const added = list.map((raw, i) => readService(raw, `services[${i}]`, fieldSets));
	added.forEach((service, i) => {
		const first = added.findIndex((other) => other.key === service.key);
		if (first !== i) {
			throw new CatalogError(
				`services[${i}].key`,
				`duplicate service key "${service.key}" (also services[${first}])`,
			);
		}
	});

	const services = base ? mergeServices(base.services, added) : added;
	const messages = { ...(base?.messages ?? defaultMessages()), ...readMessages(root.messages) };
	checkPatternMessages(services, messages);
	checkRuleMessages(services, messages);
	return { office, settings, services, messages, fieldSets };
}

/** Extend: a service with a known key takes its place; new keys are appended in order. */
function mergeServices(base: ResolvedService[], added: ResolvedService[]): ResolvedService[] {
	const byKey = new Map(added.map((service) => [service.key, service]));
	const merged = base.map((service) => byKey.get(service.key) ?? service);
	return [...merged, ...added.filter((service) => !base.some((b) => b.key === service.key))];
}

function readOffice(value: unknown, path: string): OfficeInfo {
	const o = readObject(value, path);
	const office: OfficeInfo = { name: readString(o, 'name', path) as string };
	const hours = readString(o, 'hours', path, false);
	const address = readString(o, 'address', path, false);
	if (hours !== undefined) office.hours = hours;
	if (address !== undefined) office.address = address;
	return { ...(o as unknown as OfficeInfo), ...office };
}

function readSettings(value: unknown, defaults: CatalogSettings): CatalogSettings {
	if (value === undefined) return { ...defaults };
	const o = readObject(value, 'settings');
	const settings = { ...defaults };
	for (const key of Object.keys(o)) {
		if (!(key in DEFAULT_SETTINGS)) {
			throw new CatalogError(
				`settings.${key}`,
				`unknown setting (expected one of ${Object.keys(DEFAULT_SETTINGS).join(', ')})`,
			);
		}
		if (SWITCHES.has(key))
			(settings as unknown as Record<string, unknown>)[key] = readBoolean(
				o,
				key,
				'settings',
				false,
			);
		else settings[key as keyof CatalogSettings] = readInteger(o, key, 'settings', 1) as never;
	}
	return settings;
}

function readFieldSets(value: unknown): Record<string, FieldSpec[]> {
	if (value === undefined) return {};
	const o = readObject(value, 'fieldSets');
	const sets: Record<string, FieldSpec[]> = {};
	for (const [name, list] of Object.entries(o)) {
		sets[name] = readFieldList(readArray(list, `fieldSets.${name}`), `fieldSets.${name}`, false);
	}
	return sets;
}

function readService(
	raw: unknown,
	path: string,
	fieldSets: Record<string, FieldSpec[]>,
): ResolvedService {
	const o = readObject(raw, path);
	const key = readKey(o, path, SERVICE_KEY);
	const title = readString(o, 'title', path) as string;
	const description = readString(o, 'description', path) as string;
	const buttonTitle = readString(o, 'buttonTitle', path, false);
	if (buttonTitle !== undefined && [...buttonTitle].length > WHATSAPP_LIMITS.buttonTitle)
		throw new CatalogError(
			`${path}.buttonTitle`,
			`at most ${WHATSAPP_LIMITS.buttonTitle} characters (a WhatsApp button), got ${[...buttonTitle].length}`,
		);
	const keywords =
		o.keywords === undefined ? undefined : readStringList(o.keywords, `${path}.keywords`);

	const entries = readArray(o.fields, `${path}.fields`);
	if (entries.length === 0)
		throw new CatalogError(`${path}.fields`, 'a service needs at least one field');
	const fields: FieldSpec[] = [];
	const origin: string[] = [];
	entries.forEach((entry, i) => {
		const entryPath = `${path}.fields[${i}]`;
		const use = typeof entry === 'object' && entry !== null ? (entry as Json).use : undefined;
		if (use === undefined) {
			fields.push(readField(entry, entryPath));
			origin.push(entryPath);
			return;
		}
		if (typeof use !== 'string' || !fieldSets[use]) {
			const known = Object.keys(fieldSets).join(', ') || 'none defined';
			throw new CatalogError(
				`${entryPath}.use`,
				`unknown field set ${JSON.stringify(use)} (known: ${known})`,
			);
		}
		for (const field of fieldSets[use]) {
			fields.push(field);
			origin.push(`${entryPath} (field set "${use}": ${field.key})`);
		}
	});
	checkFieldOrder(fields, (i) => origin[i]);

	const documents = readArray(o.documents ?? [], `${path}.documents`).map((d, i) =>
		readDocument(d, `${path}.documents[${i}]`),
	);
	documents.forEach((doc, i) => {
		if (documents.findIndex((other) => other.key === doc.key) !== i) {
			throw new CatalogError(`${path}.documents[${i}].key`, `duplicate document key "${doc.key}"`);
		}
	});

	const letterPath = `${path}.letter`;
	const letter = readObject(o.letter, letterPath);
	const service: ResolvedService = {
		...(o as unknown as ResolvedService),
		key,
		title,
		description,
		fields,
		documents,
		letter: {
			...(letter as unknown as ResolvedService['letter']),
			template: readString(letter, 'template', letterPath) as string,
			title: readString(letter, 'title', letterPath) as string,
			classification: readString(letter, 'classification', letterPath) as string,
		},
	};
	if (readBoolean(letter, 'twoStep', letterPath, false)) service.letter.twoStep = true;
	else delete service.letter.twoStep;
	if (keywords) service.keywords = keywords;
	else delete service.keywords;
	const standardDays = readInteger(o, 'standardDays', path, 1);
	if (standardDays !== undefined) service.standardDays = standardDays;
	readServiceChecks(service, o, path);
	return service;
}

function readMessages(value: unknown): Messages {
	if (value === undefined) return {};
	const o = readObject(value, 'messages');
	for (const [key, text] of Object.entries(o)) {
		if (typeof text !== 'string') throw new CatalogError(`messages.${key}`, 'expected a text');
	}
	return o as Messages;
}

/** A pattern's own message must exist, or the resident would read a bare key. */
function checkPatternMessages(services: ResolvedService[], messages: Messages): void {
	services.forEach((service, s) => {
		const walk = (fields: FieldSpec[], path: string) =>
			fields.forEach((field) => {
				const key = field.validation?.patternMessage;
				const messageKey = key && (key.startsWith('error.') ? key : `error.${key}`);
				if (messageKey && typeof messages[messageKey] !== 'string') {
					throw new CatalogError(
						`${path}.${field.key}.validation.patternMessage`,
						`no message "${messageKey}" in messages`,
					);
				}
				if (field.fields) walk(field.fields, `${path}.${field.key}.fields`);
			});
		walk(service.fields, `services[${s}].fields`);
	});
}
