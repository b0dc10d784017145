/**
 * The ready workflows made ready for one office: the sandbox's spreadsheet and Drive folder ids
 * replaced by the office's, its letterhead, signatory, paper and letter-number unit code set in
 * the nodes that print or number, and the credentials the admin chose put on every node that
 * takes one of their types. The result is a body n8n's public API accepts for creating or
 * updating a workflow. Pure: the workflow files are given (bundled by ./bundled).
 */
import tteForm from '../../../templates/signing/tte-form.json';
import { hasDeputy, signerChoiceLabel } from '../letter/signer';
import { toWhatsAppId } from '../validation/phone';
import { isObject } from '../values';
import { fillDataTableIds } from './dataTableIds';
import { literalParameter, literalParameters } from './literal';
import type {
	InstalledWorkflow,
	InstallRecord,
	WorkflowFileShape,
	WorkflowNodeFile,
} from './workflowFile';
import { regionLetterhead, regionSignatoryTitle } from './region';
import { forProvider, type OfficeProvider } from './provider';

/**
 * The ids the files carry: the sandbox's spreadsheet, its office Drive folder, the sandbox
 * signatory's WhatsApp number (the monthly report and the batch-signing notice go to it) and the
 * sandbox deputy's (the batch-signing notice of the deputy's letters).
 */
export const SANDBOX_IDS = {
	spreadsheet: '1SandboxPecelanRequests000000000000000000000',
	folder: '1SandboxPecelanFiles000000000000000000000',
	signatoryWhatsApp: '6281100000099',
	deputyWhatsApp: '6281100000066',
};

export interface OfficeSettings {
	spreadsheetId: string;
	folderId: string;
	/** Letter PDF / Service Report letterhead fields (office, address, place, …); empty ones ignored. */
	letterhead: Record<string, string>;
	/**
	 * The kecamatan and the kabupaten/kota: with the office name they give the letterhead's
	 * government lines, area, issuer, countersigner, place and police addressees (./region), under
	 * any of those set in `letterhead`.
	 */
	district?: string;
	regency?: string;
	/** Letter PDF signatory fields (name, pangkat, nip, title); empty ones ignored. */
	signatory: Record<string, string>;
	/** The signatory's WhatsApp number, as typed (0812…, +62…): the report and the TTE notice go there. */
	signatoryWhatsApp?: string;
	/**
	 * The deputy who signs when the Lurah does not (a request row picks the deputy, or the letter's
	 * date lies in from…to): name, pangkat, nip, title, tteNik (NIK at BSrE), whatsApp, from and to
	 * (`YYYY-MM-DD`); empty ones ignored, none at all: only the Lurah signs.
	 */
	deputy?: Record<string, string>;
	/** Staff WhatsApp numbers as typed, separated by commas: the staff alerts go there (none: off). */
	staffWhatsApp?: string;
	/** The staff's morning digest time (HH:mm WIB). */
	digestTime?: string;
	paper?: 'F4' | 'A4' | '';
	/** The unit code in letter numbers (Triage's `{unit}`). */
	unitCode?: string;
	/** Credential type → the credential to use (from n8n: id and name). */
	credentials: Record<string, { id: string; name: string }>;
	/**
	 * Workflows already in n8n (id and name, and as they stand: nodes, connections, settings): a
	 * ready workflow of the same name updates it, keeping the admin's edits (./edits).
	 */
	installed?: InstalledWorkflow[];
	/** What Setup put into each workflow when it last installed it, by workflow name (./edits). */
	records?: Record<string, InstallRecord>;
	/** Replace the workflows the admin edited in the editor with the package's (off: keep the edits). */
	replaceEdited?: boolean;
	/** Data table name → id: Data Table nodes then skip n8n's name lookup on every call. */
	dataTables?: Record<string, string>;
	/** The WhatsApp gateway the office runs on; default meta (the workflows as drawn). */
	provider?: OfficeProvider;
}

export interface ReadyWorkflow {
	name: string;
	/** The id of the installed workflow of the same name, or null when it is to be created. */
	id: string | null;
	/** The body for n8n's public API (POST /workflows, PUT /workflows/{id}). */
	body: WorkflowFileShape;
	/**
	 * `node: credential name` for each credential nobody chose: the reference keeps its name and no
	 * id, so n8n links the credential of that type and name when it saves the workflow (and refuses
	 * to publish the workflow when there is none: the finish page names them).
	 */
	unchosenCredentials: string[];
}

// Settings the public API accepts; anything else an editor export holds is refused by it.
export const API_SETTINGS = [
	'saveExecutionProgress',
	'saveManualExecutions',
	'saveDataErrorExecution',
	'saveDataSuccessExecution',
	'executionTimeout',
	'errorWorkflow',
	'timezone',
	'executionOrder',
	'callerPolicy',
	'callerIds',
];

const LETTER_PDF = 'n8n-nodes-pecelan.letterPdf';
const SERVICE_REPORT = 'n8n-nodes-pecelan.serviceReport';
const SERVICE_DESK = 'n8n-nodes-pecelan.serviceDesk';
const LETTER_SIGNATURE = 'n8n-nodes-pecelan.letterSignature';
const FORM_TRIGGER = 'n8n-nodes-base.formTrigger';

/**
 * Generic credential types serve a different purpose on each node (the Setup form's login, the
 * signatory's form login, the report webhook's key): never given by type, always linked by the
 * name the workflow gives. Without this the signatory's TTE form took the admin's Setup login.
 */
const LINKED_BY_NAME_ONLY = ['httpBasicAuth', 'httpHeaderAuth', 'httpQueryAuth', 'httpCustomAuth'];

/** What Google's file ids are made of. */
const GOOGLE_ID = /^[A-Za-z0-9_-]+$/;

const filled = (values: Record<string, string>) =>
	Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim()));

/**
 * Every sandbox id replaced by the office's, also inside a longer string (the safety net's Drive
 * URL carries the spreadsheet id): the sandbox ids are long, unique literals.
 */
function replaceIds(value: unknown, ids: Record<string, string>): unknown {
	if (typeof value === 'string')
		return Object.entries(ids).reduce((text, [from, to]) => text.split(from).join(to), value);
	if (Array.isArray(value)) return value.map((v) => replaceIds(v, ids));
	if (isObject(value))
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceIds(v, ids)]));
	return value;
}

/** The letterhead fields the office gave, over the ones its region gives. */
function letterheadOf(office: OfficeSettings): Record<string, string> {
	const given = filled(office.letterhead);
	const region = regionLetterhead({
		office: given.office ?? '',
		district: office.district ?? '',
		regency: office.regency ?? '',
	});
	return { ...region, ...given };
}

function signatoryOf(office: OfficeSettings): Record<string, string> {
	const title = regionSignatoryTitle({
		office: office.letterhead.office ?? '',
		district: office.district ?? '',
		regency: office.regency ?? '',
	});
	return { ...(title ? { title } : {}), ...filled(office.signatory) };
}

/** What Letter PDF prints for the deputy and when the deputy signs every letter. */
const DEPUTY_LETTER_FIELDS = ['name', 'pangkat', 'nip', 'title', 'from', 'to'];

function deputyOf(office: OfficeSettings): Record<string, string> {
	const given = filled(office.deputy ?? {});
	return Object.fromEntries(Object.entries(given).map(([key, value]) => [key, value.trim()]));
}

const pick = (values: Record<string, string>, keys: string[]) =>
	Object.fromEntries(Object.entries(values).filter(([key]) => keys.includes(key)));

/** Staff numbers as WhatsApp ids; the empty list for none given. */
function staffNumbers(typed: string | undefined): string[] {
	return String(typed ?? '')
		.split(/[,;\n]/)
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) => toWhatsAppId(part) ?? part);
}

/**
 * The batch-signing form's "signing as" choices named after the office's signers ("Lurah — <name>",
 * "Wakil — <deputy's name>"); without a deputy recorded (name and NIP), the Lurah's alone.
 */
function withSignerChoices(parameters: Record<string, unknown>, office: OfficeSettings) {
	const fields = (parameters.formFields as { values?: Array<Record<string, unknown>> } | undefined)
		?.values;
	if (!Array.isArray(fields)) return parameters;
	const deputy = deputyOf(office);
	const names = { lurah: signatoryOf(office).name, deputy: deputy.name };
	const values = fields.map((field) => {
		if (field.fieldLabel !== tteForm.signingAs) return field;
		const roles = hasDeputy(deputy) ? (['lurah', 'deputy'] as const) : (['lurah'] as const);
		return {
			...field,
			fieldOptions: {
				values: roles.map((role) => ({
					option: literalParameter(signerChoiceLabel(role, names[role])),
				})),
			},
		};
	});
	return { ...parameters, formFields: { ...(parameters.formFields as object), values } };
}

/** Every value the office gave goes in as text, never as an n8n expression (./literal). */
function withOffice(node: WorkflowNodeFile, office: OfficeSettings): Record<string, unknown> {
	const parameters = { ...(node.parameters ?? {}) };
	const letterhead = literalParameters(letterheadOf(office));
	const paper = office.paper ? { paper: literalParameter(office.paper) } : {};
	if (node.type === LETTER_PDF) {
		parameters.letterhead = { ...(parameters.letterhead as object), ...letterhead };
		parameters.signatory = {
			...(parameters.signatory as object),
			...literalParameters(signatoryOf(office)),
		};
		parameters.options = { ...(parameters.options as object), ...paper };
		// Set whole: a deputy removed from the form is removed from the letters too.
		parameters.deputy = literalParameters(pick(deputyOf(office), DEPUTY_LETTER_FIELDS));
	}
	if (node.type === SERVICE_REPORT && parameters.operation === 'reportPdf') {
		parameters.letterhead = { ...(parameters.letterhead as object), ...letterhead };
		parameters.reportOptions = { ...(parameters.reportOptions as object), ...paper };
	}
	if (node.type === SERVICE_REPORT && parameters.operation === 'registerPdf') {
		parameters.letterhead = { ...(parameters.letterhead as object), ...letterhead };
		parameters.signatory = {
			...(parameters.signatory as object),
			...literalParameters(signatoryOf(office)),
		};
		parameters.registerOptions = { ...(parameters.registerOptions as object), ...paper };
	}
	if (node.type === SERVICE_DESK && parameters.operation === 'staffAlerts') {
		// No number given: nobody is alerted (never the sandbox's number).
		parameters.staffNumbers = literalParameter(staffNumbers(office.staffWhatsApp).join(', '));
		if (office.digestTime?.trim())
			parameters.digestTime = literalParameter(office.digestTime.trim());
	}
	if (node.type === SERVICE_DESK && parameters.operation === 'letterRegister') {
		const signer = signatoryOf(office).name;
		if (signer) parameters.signer = literalParameter(signer);
		parameters.deputy = literalParameters(pick(deputyOf(office), ['name', 'nip', 'from', 'to']));
	}
	if (node.type === SERVICE_DESK && parameters.operation === 'triage' && office.unitCode?.trim())
		parameters.unitCode = literalParameter(office.unitCode.trim());
	// Batch signing gives each waiting letter its signer, the deputy's period included.
	if (node.type === SERVICE_DESK && parameters.operation === 'triage')
		parameters.deputy = literalParameters(
			pick(deputyOf(office), ['name', 'nip', 'title', 'from', 'to']),
		);
	if (node.type === FORM_TRIGGER) return withSignerChoices(parameters, office);
	// The name printed in the visible signature block is the signatory's.
	if (node.type === LETTER_SIGNATURE && 'signatoryName' in parameters && office.signatory.name)
		parameters.signatoryName = literalParameter(office.signatory.name);
	// The deputy's letters go to BSrE under the deputy's NIK, with the deputy's name in the block.
	if (node.type === LETTER_SIGNATURE && parameters.signWith === 'bsre') {
		const deputy = deputyOf(office);
		parameters.deputyName = literalParameter(deputy.name ?? '');
		parameters.deputyNik = literalParameter((deputy.tteNik ?? '').replace(/\s/g, ''));
	}
	return parameters;
}

/**
 * The ids Setup writes into the workflows for this office (spreadsheet, folder, the signatory's
 * WhatsApp), by the name of the sandbox id each replaces; those not given are left out.
 */
export function officeIds(office: OfficeSettings): Record<string, string> {
	const signatoryWhatsApp = office.signatoryWhatsApp?.trim()
		? toWhatsAppId(office.signatoryWhatsApp)
		: undefined;
	// The deputy's letters are announced to the deputy; without a number, to the Lurah's.
	const deputyWhatsApp = office.deputy?.whatsApp?.trim()
		? toWhatsAppId(office.deputy.whatsApp)
		: signatoryWhatsApp;
	const ids: Record<string, string | null | undefined> = {
		spreadsheet: office.spreadsheetId,
		folder: office.folderId,
		signatoryWhatsApp,
		deputyWhatsApp,
	};
	return Object.fromEntries(
		Object.entries(ids).filter((entry): entry is [string, string] => !!entry[1]),
	);
}

/**
 * One ready workflow for this office. `earlierIds`: the ids an earlier run wrote into `file` (a
 * workflow as installed, ./edits), each replaced by this office's when it changed.
 */
export function readyWorkflow(
	file: WorkflowFileShape,
	office: OfficeSettings,
	earlierIds: Record<string, string> = {},
): ReadyWorkflow {
	const now = officeIds(office);
	const ids: Record<string, string> = {
		[SANDBOX_IDS.spreadsheet]: office.spreadsheetId,
		[SANDBOX_IDS.folder]: office.folderId,
	};
	if (now.signatoryWhatsApp) ids[SANDBOX_IDS.signatoryWhatsApp] = now.signatoryWhatsApp;
	if (now.deputyWhatsApp) ids[SANDBOX_IDS.deputyWhatsApp] = now.deputyWhatsApp;
	for (const [key, earlier] of Object.entries(earlierIds))
		if (earlier && now[key] && now[key] !== earlier) ids[earlier] = now[key];
	const unchosenCredentials: string[] = [];
	const nodes = file.nodes.map((drawn) => {
		const node = forProvider(drawn, office.provider ?? 'meta');
		const copy: WorkflowNodeFile = {
			...node,
			parameters: replaceIds(withOffice(node, office), ids) as Record<string, unknown>,
		};
		if (node.credentials) {
			copy.credentials = Object.fromEntries(
				Object.entries(node.credentials).map(([type, ref]) => {
					const chosen = LINKED_BY_NAME_ONLY.includes(type) ? undefined : office.credentials[type];
					if (!chosen) unchosenCredentials.push(`${node.name}: ${ref?.name ?? type}`);
					// A credential n8n linked when it saved the workflow stays linked.
					if (!chosen && ref?.id) return [type, ref];
					return [
						type,
						chosen ? { id: chosen.id, name: chosen.name } : { id: null, name: ref?.name },
					];
				}),
			);
		}
		return copy;
	});
	const settings: Record<string, unknown> = { executionOrder: 'v1' };
	for (const key of API_SETTINGS)
		if (file.settings?.[key] !== undefined) settings[key] = file.settings[key];
	const installed = office.installed?.find((w) => w.name === file.name && w.id);
	const body = { name: file.name, nodes, connections: file.connections, settings };
	return {
		name: file.name,
		id: installed ? installed.id : null,
		body: fillDataTableIds(body, office.dataTables ?? {}),
		unchosenCredentials,
	};
}

/** Every ready workflow for this office, in the order given. */
export function readyWorkflows(
	files: WorkflowFileShape[],
	office: OfficeSettings,
): ReadyWorkflow[] {
	if (!office.spreadsheetId?.trim()) throw new Error('The spreadsheet id is empty');
	if (!office.folderId?.trim()) throw new Error('The Drive folder id is empty');
	// Ids are put inside the workflows' expressions too (a Drive URL): letters, digits, - and _ only.
	for (const [what, id] of [
		['spreadsheet', office.spreadsheetId],
		['Drive folder', office.folderId],
	])
		if (!GOOGLE_ID.test(id)) throw new Error(`The ${what} id "${id}" is not a Google file id`);
	if (office.signatoryWhatsApp?.trim() && !toWhatsAppId(office.signatoryWhatsApp))
		throw new Error(
			`The signatory's WhatsApp number "${office.signatoryWhatsApp}" is not a valid phone number`,
		);
	const deputy = deputyOf(office);
	for (const end of ['from', 'to'])
		if (deputy[end] && !/^\d{4}-\d{2}-\d{2}$/.test(deputy[end]))
			throw new Error(`The deputy's ${end} date "${deputy[end]}" is not a date (YYYY-MM-DD)`);
	if (deputy.from && deputy.to && deputy.from > deputy.to)
		throw new Error(`The deputy's period ends (${deputy.to}) before it starts (${deputy.from})`);
	if ((deputy.from || deputy.to) && !(deputy.name && deputy.nip))
		throw new Error("The deputy signs from a date on, but the deputy's name or NIP is empty");
	if (deputy.tteNik && !/^\d{16}$/.test(deputy.tteNik.replace(/\s/g, '')))
		throw new Error(`The deputy's NIK for TTE "${deputy.tteNik}" is not 16 digits`);
	if (deputy.whatsApp && !toWhatsAppId(deputy.whatsApp))
		throw new Error(
			`The deputy's WhatsApp number "${deputy.whatsApp}" is not a valid phone number`,
		);
	const wrongStaff = String(office.staffWhatsApp ?? '')
		.split(/[,;\n]/)
		.map((part) => part.trim())
		.find((part) => part && !toWhatsAppId(part));
	if (wrongStaff)
		throw new Error(`The staff WhatsApp number "${wrongStaff}" is not a valid phone number`);
	if (office.digestTime?.trim() && !/^([01]?\d|2[0-3])[:.][0-5]\d$/.test(office.digestTime.trim()))
		throw new Error(
			`The digest time "${office.digestTime}" is not a time of day (HH:mm, e.g. 07:30)`,
		);
	return files.map((file) => readyWorkflow(file, office));
}
