import type { INodeProperties } from 'n8n-workflow';

/** Parameters shared by the nodes that print with the letter engine (Letter PDF, Service Report). */

/** Paper size option; F4 is what Indonesian offices use. */
export const paperOption: INodeProperties = {
	displayName: 'Paper',
	name: 'paper',
	type: 'options',
	options: [
		{ name: 'F4 (215 × 330 Mm)', value: 'F4' },
		{ name: 'A4 (210 × 297 Mm)', value: 'A4' },
	],
	default: 'F4',
};

/** Where the PDF goes in the output item's binary data. */
export const outputBinaryOption: INodeProperties = {
	displayName: 'Output Binary Property',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
};

/** The office's letterhead. */
export const letterheadProperty: INodeProperties = {
	displayName: 'Letterhead',
	name: 'letterhead',
	type: 'collection',
	placeholder: 'Change Letterhead',
	description:
		'Empty fields keep the bundled default letterhead (templates/letterhead/default JSON file)',
	default: {},
	options: [
		{
			displayName: 'Address Line',
			name: 'address',
			type: 'string',
			default: '',
			placeholder:
				'Jl. Pahlawan No. 1, Madiun 63117 · Telp. (0351) 123456 · Surel kelurahan@example.org',
			description:
				"The office's address, phone and e-mail under the office name. Letters are refused until it is set.",
		},
		{
			displayName: 'Area (in the Letter Text)',
			name: 'area',
			type: 'string',
			default: '',
		},
		{ displayName: 'Countersigner Title', name: 'countersigner', type: 'string', default: '' },
		{
			displayName: 'Emblem Binary Property',
			name: 'emblemProperty',
			type: 'string',
			default: '',
			description:
				'Input binary property holding the emblem (PNG or JPEG); empty for the bundled neutral emblem',
		},
		{
			displayName: 'Government Lines',
			name: 'government',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'One line per row, above the office name; empty for the bundled default',
		},
		{ displayName: 'Issuer (Opening Sentence)', name: 'issuer', type: 'string', default: '' },
		{ displayName: 'Office Name', name: 'office', type: 'string', default: '' },
		{
			displayName: 'Place Name',
			name: 'place',
			type: 'string',
			default: '',
			description: 'Printed before the date: "Madiun, 5 Mei 2026"',
		},
		{
			displayName: 'Police Addressee (Loss Report)',
			name: 'lossAddressee',
			type: 'string',
			default: '',
			placeholder: 'Kepala Kepolisian Sektor Kartoharjo',
			description: 'Who the cover letter for a lost KTP/KK is addressed to (the Kapolsek)',
		},
		{
			displayName: 'Police Addressee (SKCK)',
			name: 'skckAddressee',
			type: 'string',
			default: '',
			placeholder: 'Kepala Kepolisian Resor Madiun Kota',
			description: 'Who the SKCK cover letter is addressed to (the Kapolres)',
		},
	],
};

/** Who signs the letters. */
export const signatoryProperty: INodeProperties = {
	displayName: 'Signatory',
	name: 'signatory',
	type: 'collection',
	placeholder: 'Add Field',
	description:
		'Who signs the letter. Name and NIP are required: without them the item fails and no letter is issued.',
	default: {},
	options: [
		{
			displayName: 'Delegation Line',
			name: 'delegation',
			type: 'string',
			default: '',
			placeholder: 'a.n. LURAH ORO-ORO OMBO',
		},
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{
			displayName: 'NIP',
			name: 'nip',
			type: 'string',
			default: '',
			placeholder: '19700101 199503 1 001',
		},
		{
			displayName: 'Pangkat (Rank)',
			name: 'pangkat',
			type: 'string',
			default: '',
			placeholder: 'Penata Tk. I',
		},
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			description: 'Office title above the signature; empty for the bundled default',
		},
	],
};

/**
 * Who signs when the Lurah does not: the deputy (Sekretaris Kelurahan "a.n. Lurah", or a Plh./Plt.)
 * staff pick per request in the sheet's signer column, or who signs every letter in a period.
 */
export const deputyProperty: INodeProperties = {
	displayName: 'Deputy Signatory',
	name: 'deputy',
	type: 'collection',
	placeholder: 'Add Field',
	description:
		'The deputy who signs a letter when its request row picks the deputy (the Penandatangan column), or every letter dated within the period below. Name and NIP are required for the deputy to sign.',
	default: {},
	options: [
		{
			displayName: 'From (Date)',
			name: 'from',
			type: 'string',
			default: '',
			placeholder: '2026-12-01',
			description: 'First day (YYYY-MM-DD) the deputy signs every letter whose row picks nobody',
		},
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{
			displayName: 'NIP',
			name: 'nip',
			type: 'string',
			default: '',
			placeholder: '19800202 200501 1 002',
		},
		{
			displayName: 'Pangkat (Rank)',
			name: 'pangkat',
			type: 'string',
			default: '',
			placeholder: 'Penata (III/c)',
		},
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			placeholder: 'Sekretaris Kelurahan',
			description:
				'The deputy\'s own title, printed under "a.n." and the signatory\'s title; a title starting with Plh. or Plt. is printed alone',
		},
		{
			displayName: 'To (Date)',
			name: 'to',
			type: 'string',
			default: '',
			placeholder: '2026-12-31',
			description: 'Last day (YYYY-MM-DD) of that period',
		},
	],
};
