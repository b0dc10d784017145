import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/** The office's own signing certificate (PKCS#12), for offices testing or with their own CA. */
export class OfficeCertificateApi implements ICredentialType {
	name = 'officeCertificateApi';

	displayName = 'Office Certificate API';

	icon: Icon = { light: 'file:officeCertificate.svg', dark: 'file:officeCertificate.dark.svg' };

	documentationUrl = 'https://github.com/pecelan/n8n-nodes-pecelan/blob/main/docs/signing.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Certificate (PKCS#12, Base64)',
			name: 'certificate',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The .p12 / .pfx file with the private key and certificate chain, as base64 text (e.g. `base64 -w0 office.p12`)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The password the .p12 file was exported with',
		},
		{
			displayName: 'Trusted Issuers (PEM)',
			name: 'trustedIssuers',
			type: 'string',
			typeOptions: { rows: 6 },
			default: '',
			placeholder: '-----BEGIN CERTIFICATE-----',
			description:
				"For the public letter check: BSrE's root and intermediate CA certificates (PEM, one after another) it trusts besides this certificate's own CA. Get them from BSrE's repository (bsre.bssn.go.id) and check their fingerprints with BSrE or Diskominfo. Empty: only the list shipped with the package (templates/signing/trust-anchors.json), which is empty: a BSrE-signed letter is then answered as from an issuer this office does not know.",
		},
	];
}
