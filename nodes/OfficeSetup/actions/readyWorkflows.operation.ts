import type { IDataObject, INodeProperties, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../n8nHelpers/itemLoop';
import { jsonParameter } from '../../n8nHelpers/jsonParameter';
import {
	deputyProperty,
	letterheadProperty,
	paperOption,
	signatoryProperty,
} from '../../n8nHelpers/printDescription';
import { isObject } from '../../domain/values';
import { officeFileProperties } from './officeFiles';
import {
	BUNDLED_WORKFLOWS,
	installRecords,
	providerOf,
	readyWithSubWorkflows,
	type InstallStep,
	type OfficeSettings,
} from '../../domain/setup';
import type { WorkflowNodeFile } from '../../domain/setup/workflowFile';

const show = { show: { operation: ['readyWorkflows'] } };

export const description: INodeProperties[] = [
	...officeFileProperties(show, {
		spreadsheet: "The office's spreadsheet, put into every Google Sheets node",
		folder: "The office's Drive folder, where each request's documents get a folder",
	}),
	{ ...letterheadProperty, displayOptions: show },
	{
		displayName: 'Kecamatan',
		name: 'district',
		type: 'string',
		default: '',
		placeholder: 'Kartoharjo',
		description:
			"The office's kecamatan: with the office name and the kabupaten/kota it gives the letterhead's government lines, area, issuer, countersigner and police addressees (Letterhead fields set above win)",
		displayOptions: show,
	},
	{
		displayName: 'Kabupaten/Kota',
		name: 'regency',
		type: 'string',
		default: '',
		placeholder: 'Kota Madiun',
		description: 'With its kind (Kota or Kabupaten), as printed in "PEMERINTAH KOTA MADIUN"',
		displayOptions: show,
	},
	{ ...signatoryProperty, displayOptions: show },
	{
		...deputyProperty,
		displayOptions: show,
		options: [
			...(deputyProperty.options ?? []),
			{
				displayName: 'NIK at BSrE (TTE)',
				name: 'tteNik',
				type: 'string',
				default: '',
				description: "The deputy's identity at BSrE: the deputy's letters are signed under it",
			},
			{
				displayName: 'WhatsApp Number',
				name: 'whatsApp',
				type: 'string',
				default: '',
				placeholder: '0812 3456 7890',
			},
		],
	},
	{
		displayName: "Signatory's WhatsApp Number",
		name: 'signatoryWhatsApp',
		type: 'string',
		default: '',
		placeholder: '0812 3456 7890',
		description:
			'Where the monthly report and the "letters wait for your TTE" notice go; empty keeps the workflows\' number',
		displayOptions: show,
	},
	{
		displayName: 'Staff WhatsApp Numbers',
		name: 'staffWhatsApp',
		type: 'string',
		default: '',
		placeholder: '0812 3456 7890, 0813 1111 2222',
		description:
			'Who the staff alerts go to (new requests, complaints, hand-offs, late requests, the morning digest), separated by commas; empty: no staff alerts',
		displayOptions: show,
	},
	{
		displayName: 'Morning Digest At',
		name: 'digestTime',
		type: 'string',
		default: '',
		placeholder: '07:30',
		description:
			"Time of day (WIB, HH:mm) of the staff's morning digest; empty keeps the workflow's",
		displayOptions: show,
	},
	{ ...paperOption, displayOptions: show },
	{
		displayName: 'Unit Code',
		name: 'unitCode',
		type: 'string',
		default: '',
		placeholder: '401.301.3',
		description: 'The unit code in letter numbers ({unit}); empty keeps the workflow’s',
		displayOptions: show,
	},
	{
		displayName: 'WhatsApp Provider',
		name: 'provider',
		type: 'string',
		default: 'meta',
		placeholder: 'Fonnte',
		description:
			'The gateway the office runs on: "meta" (WhatsApp Cloud API, the workflows as drawn) or "Fonnte" (every WhatsApp node switched to Fonnte and its "Fonnte API" credential). The Setup form\'s answer.',
		displayOptions: show,
	},
	{
		displayName: 'Credentials',
		name: 'credentials',
		type: 'json',
		default: '{}',
		description:
			'Credential type → {"ID", "name"} to put on every node taking that type, e.g. the credentials of this Setup workflow\'s own nodes (n8n node, Get Workflow); types left out keep the name the workflow gives',
		displayOptions: show,
	},
	{
		displayName: 'Data Tables',
		name: 'dataTables',
		type: 'json',
		default: '{}',
		description:
			'Table name → ID (Data Table node, Create): Data Table nodes that name one of them get its ID, saving n8n a lookup by name on every call',
		displayOptions: show,
	},
	{
		displayName: 'Install Step',
		name: 'installStep',
		type: 'options',
		options: [
			{
				name: 'Drive Files Sub-Workflow',
				value: 'driveFiles',
				description:
					"The sub-workflow that finds or makes the office's spreadsheet and Drive folder: install it, then call it (Spreadsheet ID and Drive Folder ID may be empty)",
			},
			{
				name: 'Sub-Workflows',
				value: 'subWorkflows',
				description: 'The sub-workflows the ready workflows call: install these first',
			},
			{
				name: 'Ready Workflows',
				value: 'callers',
				description:
					'The ready workflows, calling the installed sub-workflows (given in Installed Workflows)',
			},
		],
		default: 'callers',
		displayOptions: show,
	},
	{
		displayName: 'Installed Workflows',
		name: 'installed',
		type: 'json',
		default: '[]',
		description:
			"The workflows already in n8n (n8n node, Get Many), with their nodes and connections: each item's ID is that of the installed workflow of the same name, to update instead of creating a second",
		displayOptions: show,
	},
	{
		displayName: 'Office Records',
		name: 'records',
		type: 'json',
		default: '[]',
		description:
			"The rows of the office's key/value table (pecelan_office, Data Table node, Get): what Setup installed last time, to tell a workflow edited in the editor from an untouched one",
		displayOptions: show,
	},
	{
		displayName: 'Replace Edited Workflows',
		name: 'replaceEdited',
		type: 'boolean',
		default: false,
		description:
			"Whether workflows changed in the editor since Setup installed them are replaced by the package's (their edits lost). Off: they keep the edits and get only the office's settings.",
		displayOptions: show,
	},
];

const listOf = (ctx: IExecuteFunctions, name: string, i: number) =>
	jsonParameter<unknown[]>(ctx, name, i, { empty: [], shape: 'list' })
		.map((w) => (isObject(w) && isObject(w.json) ? w.json : w))
		.filter(isObject);

function installedOf(ctx: IExecuteFunctions, i: number): OfficeSettings['installed'] {
	return listOf(ctx, 'installed', i)
		.map((w) => ({
			id: String(w.id ?? ''),
			name: String(w.name ?? ''),
			...(Array.isArray(w.nodes) ? { nodes: w.nodes as WorkflowNodeFile[] } : {}),
			...(isObject(w.connections) ? { connections: w.connections } : {}),
			...(isObject(w.settings) ? { settings: w.settings } : {}),
		}))
		.filter((w) => w.id && w.name);
}

function dataTablesOf(ctx: IExecuteFunctions, i: number): Record<string, string> {
	const given = jsonParameter<IDataObject>(ctx, 'dataTables', i, { empty: {}, shape: 'object' });
	return Object.fromEntries(
		Object.entries(given)
			.filter(([, id]) => typeof id === 'string' && id)
			.map(([name, id]) => [name, String(id)]),
	);
}

const CREDENTIALS_HINT =
	'Give an object such as {"googleApi": {"id": "…", "name": "…"}, "whatsAppCloudApi": {"id": "…", "name": "…"}}';

function credentialsOf(ctx: IExecuteFunctions, i: number): OfficeSettings['credentials'] {
	const given = jsonParameter<IDataObject>(ctx, 'credentials', i, {
		empty: {},
		shape: 'object',
		hint: CREDENTIALS_HINT,
	});
	const credentials: OfficeSettings['credentials'] = {};
	for (const [type, ref] of Object.entries(given)) {
		if (!isObject(ref) || typeof ref.id !== 'string' || !ref.id)
			throw new NodeOperationError(ctx.getNode(), `The credential for "${type}" has no id`, {
				itemIndex: i,
				description: CREDENTIALS_HINT,
			});
		credentials[type] = { id: ref.id, name: String(ref.name ?? '') };
	}
	return credentials;
}

/**
 * One output item per ready workflow (or, at the Sub-Workflows step, per sub-workflow, marked
 * `callersWaiting`; at the Drive Files step, the sub-workflow the Setup workflow calls), for each
 * input item. Each says what comes next (`then`): findDriveFiles, installCallers or checkAndFinish;
 * what Setup does to it (`outcome`: installed, updated, kept (edited in the editor) or replaced);
 * and the office record to keep once it is installed (`record`: key and value).
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const office: OfficeSettings = {
		spreadsheetId: String(this.getNodeParameter('spreadsheetId', i, '')).trim(),
		folderId: String(this.getNodeParameter('folderId', i, '')).trim(),
		letterhead: this.getNodeParameter('letterhead', i, {}) as Record<string, string>,
		district: String(this.getNodeParameter('district', i, '')),
		regency: String(this.getNodeParameter('regency', i, '')),
		signatory: this.getNodeParameter('signatory', i, {}) as Record<string, string>,
		signatoryWhatsApp: String(this.getNodeParameter('signatoryWhatsApp', i, '')),
		deputy: (this.getNodeParameter('deputy', i, {}) ?? {}) as Record<string, string>,
		staffWhatsApp: String(this.getNodeParameter('staffWhatsApp', i, '')),
		digestTime: String(this.getNodeParameter('digestTime', i, '')),
		paper: this.getNodeParameter('paper', i, '') as OfficeSettings['paper'],
		unitCode: String(this.getNodeParameter('unitCode', i, '')),
		credentials: credentialsOf(this, i),
		installed: installedOf(this, i),
		dataTables: dataTablesOf(this, i),
		records: installRecords(listOf(this, 'records', i)),
		replaceEdited: this.getNodeParameter('replaceEdited', i, false) === true,
	};
	let ready;
	try {
		office.provider = providerOf(this.getNodeParameter('provider', i, 'meta'));
		const step = this.getNodeParameter('installStep', i, 'callers') as InstallStep;
		ready = readyWithSubWorkflows(BUNDLED_WORKFLOWS, office, step);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex: i });
	}
	return {
		outputs: [
			ready.map((workflow) => ({
				json: {
					name: workflow.name,
					id: workflow.id,
					body: workflow.body as unknown as IDataObject,
					unchosenCredentials: workflow.unchosenCredentials,
					...(workflow.callersWaiting ? { callersWaiting: true } : {}),
					then: workflow.then,
					outcome: workflow.outcome,
					record: workflow.record,
				},
			})),
		],
	};
}
