import type { ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

import { loadSigner, SigningError, type Signer } from '../../domain/signing';

export interface OfficeCertificateCredential {
	certificate: string;
	password?: string;
}

export function openOfficeCertificate(credential: OfficeCertificateCredential): Signer {
	return loadSigner(String(credential.certificate ?? ''), String(credential.password ?? ''));
}

/** The credential test: open the file with the password and say whose it is and until when. */
export function testOfficeCertificate(
	credential: ICredentialsDecrypted,
): INodeCredentialTestResult {
	try {
		const signer = openOfficeCertificate(credential.data as unknown as OfficeCertificateCredential);
		const until = signer.info.validTo.toISOString().slice(0, 10);
		return { status: 'OK', message: `Signs as ${signer.info.commonName}, valid until ${until}` };
	} catch (error) {
		const message =
			error instanceof SigningError ? `${error.message}. ${error.hint}` : (error as Error).message;
		return { status: 'Error', message };
	}
}
