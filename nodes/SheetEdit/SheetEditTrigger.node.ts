import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nothingToRegister } from '../n8nHelpers/webhookMethods';
import {
	parseSheetEdit,
	SHEET_EDIT_SIGNATURE_HEADER,
	sheetEditRefusal,
	sheetEditTimeRefusal,
	type SheetEdit,
} from '../domain/sheet/sheetEdit';

function reply(ctx: IWebhookFunctions, status: number, body: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).type('text/plain').send(body).end();
	return { noWebhookResponse: true };
}

export class SheetEditTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sheet Edit Trigger',
		name: 'sheetEditTrigger',
		icon: { light: 'file:sheetEdit.svg', dark: 'file:sheetEdit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Staff edits, signed',
		description:
			"Starts the workflow when staff edit the office's Google Sheet (posted by the shipped Apps Script, signed)",
		defaults: { name: 'Sheet Edit Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sheetEditSecretApi', required: true, testedBy: 'sheetEditSecretTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'sheet-edit',
			},
		],
		properties: [
			{
				displayName:
					"Put the production URL above into the sheet's Apps Script (apps-script/pecelan-on-edit.gs) as the script property PECELAN_WEBHOOK_URL, with the credential's secret as PECELAN_SHARED_SECRET, and add an installable On edit trigger for pecelanOnEdit",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	methods = {
		credentialTest: {
			// Nothing to call: the secret is only checked for being long enough to resist guessing.
			async sheetEditSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.secret ?? '');
				return secret.length >= 24
					? { status: 'OK', message: 'The secret is long enough' }
					: { status: 'Error', message: 'Use a secret of at least 24 characters' };
			},
		},
	};

	// The script posts to the URL it is given: nothing to register with Google.
	webhookMethods = nothingToRegister;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials('sheetEditSecretApi');
		const req = this.getRequestObject();
		if (!req.rawBody && typeof req.readRawBody === 'function') await req.readRawBody();
		const refusal = sheetEditRefusal(
			req.rawBody,
			this.getHeaderData()[SHEET_EDIT_SIGNATURE_HEADER],
			String(credentials.secret ?? ''),
		);
		if (refusal) {
			this.logger.warn(`Sheet edit trigger: refused a call: ${refusal}`);
			return reply(this, 401, 'Invalid signature');
		}
		let edit: SheetEdit;
		try {
			edit = parseSheetEdit(JSON.parse(req.rawBody!.toString('utf8')));
		} catch (error) {
			this.logger.warn(`Sheet edit trigger: refused a signed call: ${(error as Error).message}`);
			return reply(this, 400, `Bad request: ${(error as Error).message}`);
		}
		const late = sheetEditTimeRefusal(edit, new Date());
		if (late) {
			this.logger.warn(`Sheet edit trigger: refused a signed call: ${late}`);
			return reply(this, 401, 'Expired signature');
		}
		return { workflowData: [[{ json: { ...edit } }]] };
	}
}
