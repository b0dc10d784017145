import {
	BUNDLED_WORKFLOWS,
	providerOf,
	readyWorkflows,
	SUB_WORKFLOWS,
	type OfficeSettings,
} from '..';

const office: OfficeSettings = {
	spreadsheetId: '1OfficeSheet',
	folderId: '1OfficeFolder',
	letterhead: { office: 'KELURAHAN MAJU JAYA' },
	signatory: { name: 'Siti Aminah, S.IP.' },
	credentials: {
		googleApi: { id: 'g1', name: 'Google kantor' },
		whatsAppCloudApi: { id: 'w1', name: 'WhatsApp kantor' },
	},
};
const WHATSAPP = /whatsAppGateway/;
const whatsAppNodes = (provider?: 'meta' | 'fonnte', credentials = office.credentials) =>
	readyWorkflows([...BUNDLED_WORKFLOWS, ...SUB_WORKFLOWS], {
		...office,
		provider,
		credentials,
	}).flatMap((w) => w.body.nodes.filter((n) => WHATSAPP.test(n.type)).map((n) => ({ w, n })));

describe('an office on Fonnte', () => {
	const nodes = whatsAppNodes('fonnte');

	it('gets every WhatsApp node of every ready workflow and sub-workflow on Fonnte, with the Fonnte credential', () => {
		expect(nodes.length).toBeGreaterThanOrEqual(10);
		for (const { n } of nodes) {
			expect(n.parameters?.provider).toBe('fonnte');
			expect(n.credentials).toEqual({ fonnteApi: { id: null, name: 'Fonnte API' } });
		}
	});

	it('uses the Fonnte credential the Setup run was given, by id', () => {
		const given = { ...office.credentials, fonnteApi: { id: 'f1', name: 'Fonnte kantor' } };
		for (const { n } of whatsAppNodes('fonnte', given))
			expect(n.credentials).toEqual({ fonnteApi: { id: 'f1', name: 'Fonnte kantor' } });
	});

	it('downloads attachments by the URL the document carried, not a Meta media id', () => {
		const downloads = nodes.filter(({ n }) => n.parameters?.operation === 'download');
		expect(
			downloads.map(({ n }) => [n.name, n.parameters?.mediaUrl, n.parameters?.mediaId]),
		).toEqual([
			// The one download of the sub-workflow that files a request's documents and a complaint's photo.
			['Download File', '={{ $json.url }}', undefined],
			// The KTP photo or voice note read off the reply path.
			['Download Media', '={{ $json.media.url }}', undefined],
		]);
	});

	it('keeps the download URL of a workflow already on Fonnte, as the admin left it (a second run)', () => {
		const installed = readyWorkflows(SUB_WORKFLOWS, { ...office, provider: 'fonnte' }).map((w) => ({
			...w.body,
			nodes: w.body.nodes.map((n) =>
				n.name === 'Download File'
					? { ...n, parameters: { ...n.parameters, mediaUrl: '={{ $json.link }}' } }
					: n,
			),
		}));
		const again = readyWorkflows(installed, { ...office, provider: 'fonnte' }).flatMap((w) =>
			w.body.nodes.filter((n) => WHATSAPP.test(n.type) && n.parameters?.operation === 'download'),
		);
		expect(again.map((n) => [n.name, n.parameters?.mediaUrl])).toEqual([
			['Download File', '={{ $json.link }}'],
			['Download Media', '={{ $json.media.url }}'],
		]);
	});

	it('leaves an office on Meta with the workflows as drawn', () => {
		const drawn = whatsAppNodes();
		expect(drawn.every(({ n }) => n.parameters?.provider === 'meta')).toBe(true);
		expect(whatsAppNodes('meta')).toEqual(drawn);
	});
});

describe('the Setup form answer', () => {
	it.each([
		['WhatsApp Cloud API (Meta)', 'meta'],
		['meta', 'meta'],
		['', 'meta'],
		['Fonnte', 'fonnte'],
		[' fonnte ', 'fonnte'],
	])('"%s" is %s', (answer, provider) => expect(providerOf(answer)).toBe(provider));

	it('refuses a provider it does not know, rather than install the office on the wrong one', () => {
		expect(() => providerOf('Wablas')).toThrow('"Wablas" is not a WhatsApp provider');
	});
});
