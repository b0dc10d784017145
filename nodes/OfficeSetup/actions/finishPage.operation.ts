import type { IDataObject, INodeProperties, IExecuteFunctions } from 'n8n-workflow';

import type { ItemResult } from '../../n8nHelpers/itemLoop';
import { jsonParameter } from '../../n8nHelpers/jsonParameter';
import { isObject } from '../../domain/values';
import { finishPage, type InstallOutcome, type StaffShare } from '../../domain/setup';

const show = { show: { operation: ['finishPage'] } };

const text = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	displayOptions: show,
});
const json = (name: string, displayName: string, description: string, empty: string) => ({
	...text(name, displayName, description),
	type: 'json' as const,
	default: empty,
});

export const description: INodeProperties[] = [
	text('spreadsheetId', 'Spreadsheet ID', "The office's spreadsheet"),
	text('folderId', 'Drive Folder ID', "The office's Drive folder"),
	json('workflows', 'Active Workflows', 'Names of the workflows published', '[]'),
	json(
		'installs',
		'Installed Workflows',
		"The Ready Workflows node's items of every round (name, outcome): what was installed, updated, kept as edited or replaced",
		'[]',
	),
	text('webhookUrl', 'Webhook URL', 'The URL to paste into Meta as the Callback URL'),
	json(
		'credentials',
		'Credentials Linked by Name',
		'Names of the credentials the workflows link by name',
		'[]',
	),
	text('adminNumber', 'Admin WhatsApp Number', 'Where the test message went'),
	text('template', 'Test Message Template', 'The template the test message was sent as'),
	json(
		'adminMessage',
		'Test Message Result',
		"The WhatsApp node's output item (its error when Meta refused)",
		'{}',
	),
	json(
		'sampleLetter',
		'Sample Letter Result',
		"The Letter PDF node's output item (its reason when no letter was made)",
		'{}',
	),
	text('staffEmails', 'Staff E-Mails', 'As typed in the form'),
	json('shares', 'Shares', "The Share Requests node's shares", '[]'),
	json(
		'shareResults',
		'Share Results',
		"The Google Drive node's output items, in the same order",
		'[]',
	),
];

const list = (ctx: IExecuteFunctions, name: string, i: number) =>
	jsonParameter<unknown[]>(ctx, name, i, { empty: [], shape: 'list' }).map((v) =>
		isObject(v) && isObject(v.json) ? v.json : v,
	);
const object = (ctx: IExecuteFunctions, name: string, i: number) =>
	jsonParameter<IDataObject>(ctx, name, i, { empty: {}, shape: 'object' });
const errorOf = (value: unknown) =>
	isObject(value) && value.error ? String(value.reason || value.error) : undefined;

/** The finish page's title and message, in Indonesian (templates/setup/finish.json). */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const param = (name: string) => String(this.getNodeParameter(name, i, '') ?? '').trim();
	const letter = object(this, 'sampleLetter', i);
	const page = finishPage({
		spreadsheetId: param('spreadsheetId'),
		folderId: param('folderId'),
		workflows: list(this, 'workflows', i).map(String),
		installs: list(this, 'installs', i)
			.filter(isObject)
			.map((w) => ({ name: String(w.name), outcome: w.outcome as InstallOutcome })),
		webhookUrl: param('webhookUrl'),
		credentials: list(this, 'credentials', i).map(String),
		adminMessage: {
			to: param('adminNumber'),
			template: param('template'),
			error: errorOf(object(this, 'adminMessage', i)),
		},
		letterError: errorOf(letter),
		staffEmails: param('staffEmails'),
		shares: list(this, 'shares', i).filter(isObject) as unknown as StaffShare[],
		shareErrors: list(this, 'shareResults', i).map(errorOf),
	});
	return { json: page };
}
