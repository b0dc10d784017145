import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	chooseSigner,
	DEFAULT_MARGINS_MM,
	DEFAULT_SIGNATORY,
	failureReason,
	formatLetterNumber,
	letterheadProblems,
	refusalReason,
	deputySignatory,
	type DeputySignatory,
	type LetterheadProblem,
	LETTER_TEMPLATES,
	LetterTemplateError,
	newVerificationCode,
	renderLetter,
	verificationUrl,
	type Paper,
} from '../domain/letter';
import { letterWords } from '../domain/letter/words';
import { isDraft } from '../domain/sheet/registration';
import { forEachItem, type FailurePolicy } from '../n8nHelpers/itemLoop';
import { jsonParameter } from '../n8nHelpers/jsonParameter';
import { readLetterhead } from '../n8nHelpers/readPrintParameters';

/** `400.12.2/042/…` + `Siti Nurhaliza Ümmü` → `400.12.2-042-…-Siti-Nurhaliza-Ummu.pdf`. */
export function letterFileName(number: string, name: string): string {
	const clean = (s: string) =>
		s
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.split(/[^A-Za-z0-9.]+/)
			.map((part) => part.replace(/^\.+|\.+$/g, ''))
			.filter(Boolean)
			.join('-');
	const base = [clean(number), clean(name).slice(0, 60)].filter(Boolean).join('-');
	return `${base || 'surat'}.pdf`;
}

/** The settings an admin filled in; empty ones keep the bundled defaults. */
function filled(values: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(values).filter(([, v]) => v !== '' && v !== undefined && v !== null),
	);
}

function today(timeZone: string): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(new Date());
}

/** The node's Own Templates by name (an empty name or template is skipped). */
function ownTemplates(ctx: IExecuteFunctions, i: number): Record<string, string> {
	const entries = ((ctx.getNodeParameter('templates', i, {}) as IDataObject | null)?.template ??
		[]) as IDataObject[];
	const own: Record<string, string> = {};
	for (const entry of Array.isArray(entries) ? entries : []) {
		const name = String(entry.name ?? '').trim();
		const source = String(entry.source ?? '');
		if (name && source.trim()) own[name] = source;
	}
	return own;
}

function templateFor(
	ctx: IExecuteFunctions,
	i: number,
	app: IDataObject,
): { name: string; source: string } {
	if (ctx.getNodeParameter('templateSource', i) === 'custom') {
		const source = String(ctx.getNodeParameter('customTemplate', i, '') ?? '');
		if (!source.trim())
			throw new NodeOperationError(ctx.getNode(), 'The custom template is empty', {
				itemIndex: i,
				description: 'Paste a letter template, e.g. a copy of one in templates/letters.',
			});
		return { name: 'custom', source };
	}
	const letter = (app.letter ?? {}) as IDataObject;
	const key = String(letter.template || app.serviceKey || '');
	const own = ownTemplates(ctx, i);
	const source = own[key] ?? LETTER_TEMPLATES[key];
	if (!source) {
		const known = [...Object.keys(own), ...Object.keys(LETTER_TEMPLATES)];
		throw new NodeOperationError(ctx.getNode(), `No letter template for service "${key}"`, {
			itemIndex: i,
			description: `Templates: ${[...new Set(known)].join(', ')}. Add one named "${key}" under Own Templates, set letter.template on the item, or choose "Custom" template.`,
		});
	}
	return { name: key, source };
}

/** The application parameter (JSON text or an object); the item itself when it is left empty. */
function applicationOf(ctx: IExecuteFunctions, i: number, item: INodeExecutionData): IDataObject {
	return jsonParameter<IDataObject>(ctx, 'application', i, {
		empty: item.json,
		shape: 'object',
		hint: 'Map it to the approved application, e.g. {{ $json }} or {{ $("Triage").item.json.application }}',
	});
}

/** A letter the office cannot sign yet: the settings at fault, and the staff's reason in Indonesian. */
class LetterRefused extends NodeOperationError {
	readonly reason: string;

	constructor(ctx: IExecuteFunctions, i: number, problems: LetterheadProblem[]) {
		super(
			ctx.getNode(),
			`The letter was not issued: ${problems.map((p) => p.setting).join(', ')} not set`,
			{
				itemIndex: i,
				description:
					'Fill in the Letterhead (address line with phone and e-mail) and the Signatory (name, NIP) of this Letter PDF node. Nothing was sent to the resident.',
			},
		);
		this.reason = refusalReason(problems);
	}
}

/** A request row whose signer cell names nobody the office knows: staff read `reason` in the row. */
class SignerRefused extends NodeOperationError {
	constructor(
		ctx: IExecuteFunctions,
		i: number,
		readonly reason: string,
	) {
		super(ctx.getNode(), `The letter was not issued: the signer chosen for it is unknown`, {
			itemIndex: i,
			description: `${reason}. Nothing was sent to the resident.`,
		});
	}
}

/**
 * The signatory of this letter: the Lurah (the Signatory parameters), or the Deputy Signatory
 * when the application's `signer` (the request row's signer cell) picks the deputy, or when it
 * picks nobody and the letter's date lies in the deputy's period.
 */
function signatoryFor(ctx: IExecuteFunctions, i: number, app: IDataObject, date: string) {
	const lurah = {
		...DEFAULT_SIGNATORY,
		...(filled(ctx.getNodeParameter('signatory', i, {}) as IDataObject) as object),
	};
	const deputy = filled(
		(ctx.getNodeParameter('deputy', i, {}) as IDataObject | null) ?? {},
	) as Partial<DeputySignatory>;
	const choice = chooseSigner(app.signer, date, deputy);
	if ('problem' in choice) throw new SignerRefused(ctx, i, choice.problem);
	return choice.role === 'deputy'
		? { role: choice.role, signatory: deputySignatory(lurah, deputy as DeputySignatory) }
		: { role: choice.role, signatory: lurah };
}

async function generateOne(
	ctx: IExecuteFunctions,
	i: number,
	item: INodeExecutionData,
): Promise<INodeExecutionData> {
	const app = applicationOf(ctx, i, item);
	const template = templateFor(ctx, i, app);
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const date = String(options.date || today(ctx.getTimezone()));
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
		throw new NodeOperationError(ctx.getNode(), `Letter date "${date}" is not YYYY-MM-DD`, {
			itemIndex: i,
		});
	}

	let number: string;
	if (ctx.getNodeParameter('numberSource', i) === 'format') {
		number = formatLetterNumber(ctx.getNodeParameter('numberFormat', i) as string, {
			klasifikasi: String(ctx.getNodeParameter('classification', i, '') ?? ''),
			nomor: ctx.getNodeParameter('sequence', i) as number,
			unit: ctx.getNodeParameter('unitCode', i, '') as string,
			tahun: Number(date.slice(0, 4)),
			bulan: Number(date.slice(5, 7)),
		});
	} else {
		number = String(ctx.getNodeParameter('number', i) ?? '').trim();
	}
	// The draft of a letter issued in two steps has no number yet: the registration gives it.
	const draft = isDraft(app);
	if (!number && !draft)
		throw new NodeOperationError(ctx.getNode(), 'The letter number is empty', {
			itemIndex: i,
			description: 'Claim a number earlier in the workflow and pass it in "Number".',
		});

	const base = (ctx.getNodeParameter('verificationBaseUrl', i) as string).trim();
	if (!/^https?:\/\//.test(base)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The verification base URL must start with http:// or https://',
			{ itemIndex: i },
		);
	}
	// A draft is never recorded, so it carries no verification code (nor a QR code to scan).
	const code = String(options.verificationCode || (draft ? '' : newVerificationCode()));
	const url = code ? verificationUrl(base, code) : '';

	const { letterhead, emblem } = await readLetterhead(ctx, i);
	const { role, signatory } = signatoryFor(ctx, i, app, date);
	const problems = letterheadProblems(letterhead, signatory);
	if (problems.length) throw new LetterRefused(ctx, i, problems);

	const letter = await renderLetter({
		templateName: template.name,
		template: template.source,
		application: app,
		letterhead,
		signatory,
		number,
		date,
		verificationCode: code,
		verificationUrl: url,
		paper: (options.paper as Paper) ?? 'F4',
		margins: {
			top: (options.marginTop as number) ?? DEFAULT_MARGINS_MM.top,
			right: (options.marginRight as number) ?? DEFAULT_MARGINS_MM.right,
			bottom: (options.marginBottom as number) ?? DEFAULT_MARGINS_MM.bottom,
			left: (options.marginLeft as number) ?? DEFAULT_MARGINS_MM.left,
		},
		emblem,
	});
	const data = app.data as IDataObject | undefined;
	const fileName = letterFileName(
		letter.draft ? `${letterWords.draftFilePrefix} ${number}` : number,
		String(data?.nama ?? app.name ?? ''),
	);
	const binaryProperty = String(options.binaryPropertyName || 'data');
	const binary = await ctx.helpers.prepareBinaryData(
		Buffer.from(letter.pdf),
		fileName,
		'application/pdf',
	);
	return {
		json: {
			ticket: app.ticket ?? null,
			number,
			pages: letter.pages,
			bytes: letter.pdf.length,
			fileName,
			verificationCode: code,
			verificationUrl: url,
			warnings: letter.warnings,
			/** A draft for signing by hand: Letter Signature passes it on unsigned. */
			draft: letter.draft,
			// Who signs, for Letter Signature (the deputy's TTE identity) and the register.
			signatory: { role, name: signatory.name },
		},
		binary: { [binaryProperty]: binary },
	};
}

/** A broken template names itself, its line and variable; a refusal carries the staff's reason. */
const failurePolicy: FailurePolicy = {
	explain: (ctx, error, itemIndex) =>
		error instanceof LetterTemplateError
			? new NodeOperationError(ctx.getNode(), error.message, {
					itemIndex,
					description: `Fix the template "${error.template}"${error.line ? ` at line ${error.line}` : ''}${error.variable ? ` (${error.variable})` : ''}, or the data it reads.`,
				})
			: undefined,
	// `reason`: what staff read in the row (Indonesian), next to n8n's `error`.
	failureFields: (_ctx, error) => ({
		reason:
			error instanceof LetterRefused || error instanceof SignerRefused
				? error.reason
				: failureReason(error.message),
	}),
};

export async function generateLetters(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	return await forEachItem(
		this,
		async (i) => await generateOne(this, i, items[i]),
		1,
		failurePolicy,
	);
}
