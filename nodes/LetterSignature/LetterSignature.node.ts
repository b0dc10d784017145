import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/description';
import { router } from './actions/router';
import { testOfficeCertificate } from './actions/officeCertificate';

export class LetterSignature implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Letter Signature',
		name: 'letterSignature',
		icon: { light: 'file:letterSignature.svg', dark: 'file:letterSignature.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["operation"] === "verifyPdf" ? "verify" : $parameter["operation"] === "limitTries" ? "limit tries" : $parameter["signWith"] === "bsre" ? "BSrE TTE" : "office certificate" }}',
		description:
			'Signs letter PDFs electronically (PAdES) with the office certificate or through BSrE, with a visible signature block',
		defaults: { name: 'Letter Signature' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [
			{
				name: 'officeCertificateApi',
				required: true,
				testedBy: 'officeCertificateTest',
				// Signing with it; and the letter check trusts its CA (and its Trusted Issuers).
				displayOptions: { hide: { operation: ['limitTries'], signWith: ['bsre'] } },
			},
			{
				name: 'bsreTteApi',
				required: true,
				displayOptions: { show: { operation: ['signPdf'], signWith: ['bsre'] } },
			},
		],
		properties,
	};

	methods = {
		credentialTest: {
			async officeCertificateTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return testOfficeCertificate(credential);
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
