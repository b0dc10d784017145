/**
 * Electronic signatures for letters (PAdES baseline B-B, optional RFC 3161 timestamp), with a
 * local PKCS#12 certificate or through BSrE's esign API. No n8n imports: the Letter Signature
 * node adapts this to items and credentials.
 */
export { describeCertificate, loadSigner, type CertificateInfo, type Signer } from './certificate';
export { SigningError, type SigningErrorCode } from './errors';
export type { HttpFetch, HttpRequest, HttpResponse } from './http';
export { maskNik, type BsreAccount } from './bsre';
export {
	DEFAULT_PLACEMENT,
	formatSigningTime,
	signPdf,
	signPdfWithBsre,
	type BsreOptions,
	type Placement,
	type SignOptions,
	type SignedPdf,
	type VisibleSignature,
} from './sign';
export {
	verifyPdf,
	VERIFICATION_CODE_KEY,
	type SignatureReport,
	type VerifyOptions,
} from './verify';
export { decideTry, type TryDecision } from './tries';
export { isDraftLetter } from './space';
export {
	anchorsFromPem,
	checkChain,
	type AnchorKind,
	type ChainProblem,
	type TrustAnchor,
	type TrustVerdict,
} from './trust';
