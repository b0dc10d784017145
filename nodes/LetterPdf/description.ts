import type { INodeProperties } from 'n8n-workflow';

import {
	letterheadProperty,
	outputBinaryOption,
	paperOption,
	signatoryProperty,
} from '../n8nHelpers/readPrintParameters';
import { deputyProperty } from '../n8nHelpers/printDescription';

import { LETTER_TEMPLATES } from '../domain/letter';

const services = Object.keys(LETTER_TEMPLATES).join(', ');

export const properties: INodeProperties[] = [
	{
		displayName: 'Application',
		name: 'application',
		type: 'json',
		default: '={{ $json }}',
		description:
			'The approved application (ticket, serviceKey, data, letter…); by default the input item itself',
	},
	{
		displayName: 'Template',
		name: 'templateSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: "Service's Default",
				value: 'service',
				description: `The bundled template named by the item's letter.template or serviceKey (${services})`,
			},
			{ name: 'Custom', value: 'custom', description: 'A letter template pasted below' },
		],
		default: 'service',
	},
	{
		displayName: 'Own Templates',
		name: 'templates',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Template',
		default: {},
		description:
			"Letter templates by name, used before the bundled ones: add one for a new service (the name its catalog entry gives in letter.template) or give a bundled name to change that letter",
		displayOptions: { show: { templateSource: ['service'] } },
		options: [
			{
				displayName: 'Template',
				name: 'template',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'surat-usaha',
						description: "The service's letter.template in the catalog",
					},
					{
						displayName: 'Template',
						name: 'source',
						type: 'string',
						typeOptions: { rows: 16 },
						default: '',
						placeholder: '<letter size="12"> {{> kop title="…"}} … {{> tanda-tangan}} </letter>',
						description:
							'Handlebars filling the letter markup; start from a copy of a file in templates/letters',
					},
				],
			},
		],
	},
	{
		displayName: 'Custom Template',
		name: 'customTemplate',
		type: 'string',
		typeOptions: { rows: 16 },
		default: '',
		placeholder: '<letter size="12"> {{> kop title="…"}} … {{> tanda-tangan}} </letter>',
		description:
			'Handlebars filling the letter markup (<letter>, <kop>, <title>, <p>, <fields>, <table>, <signature>); start from a copy of a file in templates/letters. Values in {{ }} are printed as text.',
		displayOptions: { show: { templateSource: ['custom'] } },
	},
	{
		displayName: 'Letter Number',
		name: 'numberSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Given', value: 'given', description: 'The number claimed earlier in the workflow' },
			{
				name: 'From Format and Sequence',
				value: 'format',
				description: 'Build it from a format such as {klasifikasi}/{nomor:3}/{unit}/{tahun}',
			},
		],
		default: 'given',
	},
	{
		displayName: 'Number',
		name: 'number',
		type: 'string',
		default: '={{ $json.letterNumber }}',
		required: true,
		displayOptions: { show: { numberSource: ['given'] } },
	},
	{
		displayName: 'Number Format',
		name: 'numberFormat',
		type: 'string',
		default: '{klasifikasi}/{nomor:3}/{unit}/{tahun}',
		description:
			'Fields: {klasifikasi}, {nomor}, {unit}, {tahun}, {bulan}; {nomor:3} pads to 3 digits, {bulan:roman} writes V',
		displayOptions: { show: { numberSource: ['format'] } },
	},
	{
		displayName: 'Sequence',
		name: 'sequence',
		type: 'number',
		default: 1,
		description: 'The sequence number claimed for this letter (never issue one twice)',
		displayOptions: { show: { numberSource: ['format'] } },
	},
	{
		displayName: 'Classification',
		name: 'classification',
		type: 'string',
		default: '={{ $json.letter.classification }}',
		displayOptions: { show: { numberSource: ['format'] } },
	},
	{
		displayName: 'Unit Code',
		name: 'unitCode',
		type: 'string',
		default: '',
		placeholder: '401.301.3',
		displayOptions: { show: { numberSource: ['format'] } },
	},
	{
		displayName: 'Verification Base URL',
		name: 'verificationBaseUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://letters.example.org/v',
		description: 'The QR code on the letter leads to this URL followed by /{code}',
	},
	letterheadProperty,
	signatoryProperty,
	deputyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Letter Date',
				name: 'date',
				type: 'string',
				default: '',
				placeholder: '2026-05-05',
				description: 'Issue date (YYYY-MM-DD); empty for today in the workflow time zone',
			},
			{ displayName: 'Margin Bottom (Mm)', name: 'marginBottom', type: 'number', default: 20 },
			{ displayName: 'Margin Left (Mm)', name: 'marginLeft', type: 'number', default: 25 },
			{ displayName: 'Margin Right (Mm)', name: 'marginRight', type: 'number', default: 20 },
			{ displayName: 'Margin Top (Mm)', name: 'marginTop', type: 'number', default: 15 },
			outputBinaryOption,
			paperOption,
			{
				displayName: 'Verification Code',
				name: 'verificationCode',
				type: 'string',
				default: '',
				description:
					'Use this code instead of a new random one (e.g. when printing a letter again)',
			},
		],
	},
];
