/**
 * Signing a letter with a local certificate: widget, placeholder, digest, CMS, done.
 * Pure apart from the optional timestamp call, which goes through an injected fetch.
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';

import type { Signer } from './certificate';
import { signDigest } from './cms';
import type { HttpFetch } from './http';
import {
	embedSignature,
	preparePdf,
	signedParts,
	UnsupportedPdf,
	type PreparedPdf,
	type SignatureDictionary,
	type WidgetPlacement,
} from './pdf';
import { signWithBsre, type BsreAccount } from './bsre';
import { readSignatureSpace } from './space';
import { stampBlock } from './stamp';
import { tsaTimestamper } from './tsa';
import { drawWidget } from './widget';

const MM = 72 / 25.4;

export interface Placement {
	/** From the page's left edge, mm. */
	xMm: number;
	/** From the page's bottom edge, mm. */
	yMm: number;
	widthMm: number;
}

/**
 * For a PDF that records no signature space: across the foot of the last page, 10 mm from the
 * paper's edge (a letter from Letter PDF records its space, above the signatory's name).
 */
export const DEFAULT_PLACEMENT: Readonly<Placement> = { xMm: 25, yMm: 10, widthMm: 165 };

export interface VisibleSignature {
	/**
	 * The verification URL, drawn as a QR code; none when empty, nor in a letter's signature
	 * space (the letter prints its own QR code beside it).
	 */
	qrText?: string;
	/** Where the block goes; by default the letter's signature space (see DEFAULT_PLACEMENT). */
	placement?: Placement;
	/** Add the BSrE sentence. */
	bsre?: boolean;
}

export interface SignOptions {
	signingTime?: Date;
	/** IANA time zone for the time printed in the block; default Asia/Jakarta. */
	timeZone?: string;
	reason?: string;
	location?: string;
	/** Omit for an invisible signature. */
	visible?: VisibleSignature;
	/** RFC 3161 timestamp from this TSA. */
	tsa?: { url: string; fetch: HttpFetch };
}

export interface SignedPdf {
	pdf: Buffer;
	signer: string;
	signingTime: Date;
	timestamped: boolean;
}

const ZONE_LABELS: Record<string, string> = {
	'Asia/Jakarta': 'WIB',
	'Asia/Pontianak': 'WIB',
	'Asia/Makassar': 'WITA',
	'Asia/Jayapura': 'WIT',
};

/** `30-11-2026 10:15 WIB` */
export function formatSigningTime(date: Date, timeZone = 'Asia/Jakarta'): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
		})
			.formatToParts(date)
			.map((p) => [p.type, p.value]),
	);
	return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute} ${ZONE_LABELS[timeZone] ?? timeZone}`;
}

export function widgetPlacement(
	signer: string,
	time: Date,
	options: SignOptions,
	pdf?: Uint8Array,
): WidgetPlacement | undefined {
	if (!options.visible) return undefined;
	const text = {
		signer,
		when: formatSigningTime(time, options.timeZone),
		bsre: Boolean(options.visible.bsre),
	};
	const space = options.visible.placement || !pdf ? undefined : readSignatureSpace(pdf);
	// A draft the heirs sign by hand first carries no mark of an electronic signature.
	if (space === 'draft') return undefined;
	if (space) {
		const drawing = drawWidget(text, undefined, space.width, space.height);
		const y = space.y + (space.height - drawing.height) / 2;
		return { drawing, x: space.x, y, page: space.page };
	}
	const place = options.visible.placement ?? DEFAULT_PLACEMENT;
	const drawing = drawWidget(text, options.visible.qrText || undefined, place.widthMm * MM);
	return { drawing, x: place.xMm * MM, y: place.yMm * MM };
}

/** Re-saves a PDF whose structure the in-place writer does not handle (e.g. xref streams). */
async function normalize(pdf: Uint8Array): Promise<Uint8Array> {
	const doc = await PDFDocument.load(pdf, { updateMetadata: false });
	return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

export async function prepareWithFallback(
	pdf: Uint8Array,
	sig: SignatureDictionary,
	widget: WidgetPlacement | undefined,
): Promise<PreparedPdf> {
	try {
		return preparePdf(pdf, sig, widget);
	} catch (error) {
		if (!(error instanceof UnsupportedPdf)) throw error;
		return preparePdf(await normalize(pdf), sig, widget);
	}
}

export function digestOf(prepared: PreparedPdf): Buffer {
	const hash = createHash('sha256');
	for (const part of signedParts(prepared)) hash.update(part);
	return hash.digest();
}

/** Room for the CMS: the chain, attributes and signature, and a timestamp token if asked. */
const contentsSize = (signer: Signer, timestamped: boolean) =>
	Math.ceil(
		(signer.chain.reduce((s, c) => s + c.length, 0) + 2048 + (timestamped ? 12288 : 0)) / 1024,
	) * 1024;

export async function signPdf(
	pdf: Uint8Array,
	signer: Signer,
	options: SignOptions = {},
): Promise<SignedPdf> {
	const signingTime = options.signingTime ?? new Date();
	const name = signer.info.commonName;
	const prepared = await prepareWithFallback(
		pdf,
		{
			name,
			reason: options.reason,
			location: options.location,
			signingTime,
			contentsSize: contentsSize(signer, Boolean(options.tsa)),
		},
		widgetPlacement(name, signingTime, options, pdf),
	);
	const timestamper = options.tsa ? tsaTimestamper(options.tsa.url, options.tsa.fetch) : undefined;
	const cms = await signDigest(signer, digestOf(prepared), timestamper);
	return {
		pdf: embedSignature(prepared, cms),
		signer: name,
		signingTime,
		timestamped: Boolean(timestamper),
	};
}

export interface BsreOptions extends Omit<SignOptions, 'tsa'> {
	account: BsreAccount;
	passphrase: string;
	/** The signatory as printed in the block (BSrE's certificate is only known afterwards). */
	signerName: string;
	fetch: HttpFetch;
}

/** Draws the block (with the BSrE sentence) into the letter, then has BSrE sign it. */
export async function signPdfWithBsre(pdf: Uint8Array, options: BsreOptions): Promise<SignedPdf> {
	const signingTime = options.signingTime ?? new Date();
	const visible = options.visible ? { ...options.visible, bsre: true } : undefined;
	const widget = widgetPlacement(options.signerName, signingTime, { ...options, visible }, pdf);
	const stamped = widget ? await stampBlock(pdf, widget) : pdf;
	const signed = await signWithBsre(stamped, options.account, {
		passphrase: options.passphrase,
		reason: options.reason,
		location: options.location,
		fetch: options.fetch,
	});
	return { pdf: signed, signer: options.signerName, signingTime, timestamped: false };
}
