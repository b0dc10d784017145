import {
	BUNDLED_WORKFLOWS,
	readyWorkflows,
	SANDBOX_IDS,
	SUB_WORKFLOWS,
	type OfficeSettings,
} from '..';

const office: OfficeSettings = {
	spreadsheetId: '1OfficeSheet',
	folderId: '1OfficeFolder',
	letterhead: { office: 'KELURAHAN MAJU JAYA', address: 'Jl. Baru No. 2', place: '' },
	signatory: {
		name: 'Siti Aminah, S.IP.',
		pangkat: 'Penata (III/c)',
		nip: '19800202 200501 2 002',
	},
	paper: 'A4',
	unitCode: '400.10.2',
	credentials: {
		googleApi: { id: 'g1', name: 'Google kantor' },
		whatsAppCloudApi: { id: 'w1', name: 'WhatsApp kantor' },
	},
};

const ready = readyWorkflows(BUNDLED_WORKFLOWS, office);
/** The sub-workflows they call: letters are printed, signed and sent in one of them. */
const subs = readyWorkflows(SUB_WORKFLOWS, office);
const nodesOfType = (type: string) =>
	[...ready, ...subs].flatMap((w) =>
		w.body.nodes.filter((n) => n.type === type).map((n) => ({ w, n })),
	);

describe('the ready workflows for an office', () => {
	it('are every workflow of workflows/ but Setup, by name', () => {
		expect(ready.map((w) => w.name)).toEqual([
			'Pecelan · Intake (WhatsApp conversation)',
			'Pecelan · Approvals (staff decisions in the sheet)',
			'Pecelan · Verify (letter QR code)',
			'Pecelan · Batch Signing (TTE form)',
			'Pecelan · Monthly report (service indicators)',
			'Pecelan · Retention (purge inactive sessions)',
			'Pecelan · Staff alerts',
			'Pecelan · Buku Agenda (register of letters out)',
		]);
	});

	it("keep no sandbox id: every sheet and folder is the office's", () => {
		const text = JSON.stringify(ready);
		expect(text).not.toContain(SANDBOX_IDS.spreadsheet);
		expect(text).not.toContain(SANDBOX_IDS.folder);
		const sheets = nodesOfType('n8n-nodes-base.googleSheets');
		expect(sheets.length).toBeGreaterThanOrEqual(21);
		for (const { n } of sheets)
			expect((n.parameters?.documentId as { value: string }).value).toBe('1OfficeSheet');
		// The request documents' folder (Intake) and the monthly register's (Buku Agenda).
		expect(text.match(/1OfficeFolder/g)?.length).toBe(2);
		// Request documents and complaint photos go into the office's folder by their sub-workflow,
		// signed letters into its Surat Keluar folder (looked up there, or made there) by theirs.
		const filing = JSON.stringify(subs);
		expect(filing).not.toContain(SANDBOX_IDS.folder);
		expect(filing.match(/1OfficeFolder/g)?.length).toBe(3);
	});

	it('print the letterhead, signatory and paper in every letter and report', () => {
		const letters = nodesOfType('n8n-nodes-pecelan.letterPdf');
		expect(letters.map(({ w }) => w.name)).toEqual(['Pecelan · Sign and send a letter']);
		for (const { n } of letters) {
			expect(n.parameters?.letterhead).toEqual({
				office: 'KELURAHAN MAJU JAYA',
				address: 'Jl. Baru No. 2',
			});
			expect(n.parameters?.signatory).toEqual(office.signatory);
			expect(n.parameters?.options).toMatchObject({
				paper: 'A4',
				verificationCode: expect.any(String),
			});
		}
		const report = nodesOfType('n8n-nodes-pecelan.serviceReport').filter(
			({ n }) => n.parameters?.operation === 'reportPdf',
		);
		expect(report).toHaveLength(1);
		expect(report[0].n.parameters).toMatchObject({
			letterhead: { office: 'KELURAHAN MAJU JAYA' },
			reportOptions: { paper: 'A4' },
		});
		const signer = nodesOfType('n8n-nodes-pecelan.letterSignature').find(
			({ n }) => n.parameters?.signWith === 'bsre',
		);
		expect(signer?.n.parameters?.signatoryName).toBe('Siti Aminah, S.IP.');
	});

	it("print the office's own region, not the reference office's, when kecamatan and kota are given", () => {
		const deliver = readyWorkflows(SUB_WORKFLOWS, {
			...office,
			district: 'sukamaju',
			regency: 'Kabupaten Bogor',
		}).find((w) => w.name === 'Pecelan · Sign and send a letter')!;
		const letter = deliver.body.nodes.find((n) => n.type === 'n8n-nodes-pecelan.letterPdf')!;
		expect(letter.parameters?.letterhead).toEqual({
			office: 'KELURAHAN MAJU JAYA',
			address: 'Jl. Baru No. 2',
			government: 'PEMERINTAH KABUPATEN BOGOR\nKECAMATAN SUKAMAJU',
			area: 'Kelurahan Maju Jaya, Kecamatan Sukamaju, Kabupaten Bogor',
			issuer: 'Lurah Maju Jaya, Kecamatan Sukamaju, Kabupaten Bogor',
			countersigner: 'CAMAT SUKAMAJU',
			place: 'Bogor',
			lossAddressee: 'Kepala Kepolisian Sektor Sukamaju',
			skckAddressee: 'Kepala Kepolisian Resor Bogor',
		});
		expect(letter.parameters?.signatory).toEqual({ ...office.signatory, title: 'LURAH MAJU JAYA' });
	});

	it('point Data Table nodes at the tables the Setup made', () => {
		const [intake] = readyWorkflows(BUNDLED_WORKFLOWS, {
			...office,
			dataTables: { pecelan_sessions: 'T-sessions' },
		});
		const sessions = intake.body.nodes.filter(
			(n) =>
				n.type === 'n8n-nodes-base.dataTable' &&
				(n.parameters?.dataTableId as { value: string }).value === 'T-sessions',
		);
		expect(sessions.length).toBeGreaterThan(0);
		expect(JSON.stringify(intake.body)).not.toMatch(/"mode":"name","value":"pecelan_sessions"/);
	});

	it("send the report, the monthly register and the TTE notice to the signatory's number, as WhatsApp writes it", () => {
		const office2 = { ...office, signatoryWhatsApp: '0812-9916 0003' };
		const text = JSON.stringify(readyWorkflows(BUNDLED_WORKFLOWS, office2));
		expect(text).not.toContain(SANDBOX_IDS.signatoryWhatsApp);
		expect(text.match(/"to":"6281299160003"/g)).toHaveLength(2);
		// The TTE notice: the deputy's letters to the deputy's number, the others to the Lurah's.
		const tell = (settings: OfficeSettings) =>
			String(
				readyWorkflows(BUNDLED_WORKFLOWS, settings)
					.flatMap((w) => w.body.nodes)
					.find((n) => n.name === 'Tell Signatory')!.parameters!.to,
			);
		expect(
			tell({ ...office2, deputy: { name: 'Siti', nip: '1', whatsApp: '0812 9916 0004' } }),
		).toBe(
			"={{ $json['Penandatangan'] === $('Triage').first().json.signers.deputy ? '6281299160004' : '6281299160003' }}",
		);
		// No deputy's number: the deputy's letters are announced to the Lurah, never to the sandbox.
		expect(tell(office2)).not.toContain(SANDBOX_IDS.deputyWhatsApp);
		expect(tell(office2).match(/6281299160003/g)).toHaveLength(2);
		expect(() =>
			readyWorkflows(BUNDLED_WORKFLOWS, { ...office, signatoryWhatsApp: 'pak lurah' }),
		).toThrow('"pak lurah" is not a valid phone number');
	});

	it('send the staff alerts to the staff numbers and at the digest time the form gave', () => {
		const alertsNode = (settings: OfficeSettings) =>
			readyWorkflows(BUNDLED_WORKFLOWS, settings)
				.flatMap((w) => w.body.nodes)
				.find((n) => n.parameters?.operation === 'staffAlerts')!;
		const given = alertsNode({
			...office,
			staffWhatsApp: '0812-9916 0004, +62 813 1111 2222',
			digestTime: '06:45',
		});
		expect(given.parameters?.staffNumbers).toBe('6281299160004, 6281311112222');
		expect(given.parameters?.digestTime).toBe('06:45');
		expect(alertsNode(office).parameters?.digestTime).toBe('07:30');
		// Without numbers nobody is alerted: the sandbox's number never stays in an office.
		expect(alertsNode(office).parameters?.staffNumbers).toBe('');
		expect(() =>
			readyWorkflows(BUNDLED_WORKFLOWS, { ...office, staffWhatsApp: '0812 9916 0004, bu sari' }),
		).toThrow('"bu sari" is not a valid phone number');
		expect(() => readyWorkflows(BUNDLED_WORKFLOWS, { ...office, digestTime: 'pagi' })).toThrow(
			'"pagi" is not a time of day',
		);
	});

	it('number letters with the unit code', () => {
		const triage = nodesOfType('n8n-nodes-pecelan.serviceDesk').filter(
			({ n }) => n.parameters?.operation === 'triage',
		);
		expect(triage).toHaveLength(1);
		expect(triage[0].n.parameters?.unitCode).toBe('400.10.2');
	});

	it('use the chosen credentials and name the ones nobody chose', () => {
		for (const { n } of nodesOfType('n8n-nodes-base.googleSheets'))
			expect(n.credentials?.googleApi).toEqual({ id: 'g1', name: 'Google kantor' });
		const approvals = ready.find((w) => w.name.includes('Approvals'))!;
		expect(approvals.unchosenCredentials).toEqual(
			expect.arrayContaining(['Sheet Edited: Pecelan Sheet Edit Secret API']),
		);
		const deliver = subs.find((w) => w.name === 'Pecelan · Sign and send a letter')!;
		expect(deliver.unchosenCredentials).toEqual(
			expect.arrayContaining(['Sign Letter: Office certificate', 'Sign Letter (TTE): BSrE TTE']),
		);
		expect(deliver.unchosenCredentials.join()).not.toMatch(/Google|WhatsApp/);
		expect(approvals.unchosenCredentials.join()).not.toMatch(/Google|WhatsApp/);
	});

	it('update the installed workflow of the same name, and create the others', () => {
		const again = readyWorkflows(BUNDLED_WORKFLOWS, {
			...office,
			installed: [
				{ id: 'w-intake', name: 'Pecelan · Intake (WhatsApp conversation)' },
				{ id: 'w-other', name: 'Something else' },
			],
		});
		expect(again.map((w) => w.id)).toEqual(['w-intake', null, null, null, null, null, null, null]);
		expect(ready.every((w) => w.id === null)).toBe(true);
	});

	it("never give a login or key by its type: the signatory's form keeps its own login", () => {
		const withLogin = readyWorkflows(BUNDLED_WORKFLOWS, {
			...office,
			credentials: { ...office.credentials, httpBasicAuth: { id: 's1', name: 'Setup form login' } },
		});
		const forms = withLogin
			.flatMap((w) => w.body.nodes)
			.filter((n) => n.credentials?.httpBasicAuth);
		expect(forms.length).toBeGreaterThan(0);
		for (const form of forms)
			expect(form.credentials?.httpBasicAuth?.name).not.toBe('Setup form login');
		expect(forms.map((n) => n.credentials?.httpBasicAuth?.name)).toContain('Signatory form login');
	});

	it('leave an unchosen credential to n8n to link by its name', () => {
		const sign = nodesOfType('n8n-nodes-pecelan.letterSignature').find(
			({ n }) => n.parameters?.signWith === 'officeCertificate',
		);
		expect(sign?.n.credentials).toEqual({
			officeCertificateApi: { id: null, name: 'Office certificate' },
		});
	});

	it("keep only the settings n8n's public API accepts, and refuse an office without ids", () => {
		for (const w of ready)
			expect(Object.keys(w.body).sort()).toEqual(['connections', 'name', 'nodes', 'settings']);
		expect(ready[0].body.settings).toMatchObject({
			timezone: 'Asia/Jakarta',
			executionOrder: 'v1',
		});
		expect(() => readyWorkflows(BUNDLED_WORKFLOWS, { ...office, spreadsheetId: ' ' })).toThrow(
			'The spreadsheet id is empty',
		);
	});
});

describe('the deputy signatory an office records', () => {
	const deputy = {
		name: 'Budi Hartono, S.E.',
		pangkat: 'Penata (III/c)',
		nip: '19810303 200601 1 003',
		title: '',
		tteNik: '3577 0103 0381 0003',
		whatsApp: '0812 3333 4444',
		from: '2026-12-01',
		to: '2026-12-10',
	};
	const withDeputy = readyWorkflows([...BUNDLED_WORKFLOWS, ...SUB_WORKFLOWS], {
		...office,
		deputy,
	});
	const nodes = (type: string) =>
		withDeputy.flatMap((w) => w.body.nodes.filter((n) => n.type === type));

	it('reaches every letter (lines and period), the BSrE signer (name and NIK) and the register (name and period)', () => {
		for (const letter of nodes('n8n-nodes-pecelan.letterPdf'))
			expect(letter.parameters?.deputy).toEqual({
				name: 'Budi Hartono, S.E.',
				pangkat: 'Penata (III/c)',
				nip: '19810303 200601 1 003',
				from: '2026-12-01',
				to: '2026-12-10',
			});
		const bsre = nodes('n8n-nodes-pecelan.letterSignature').find(
			(n) => n.parameters?.signWith === 'bsre',
		);
		expect(bsre?.parameters).toMatchObject({
			deputyName: 'Budi Hartono, S.E.',
			deputyNik: '3577010303810003',
		});
		const register = nodes('n8n-nodes-pecelan.serviceDesk').find(
			(n) => n.parameters?.operation === 'letterRegister',
		);
		expect(register?.parameters?.deputy).toEqual({
			name: 'Budi Hartono, S.E.',
			nip: '19810303 200601 1 003',
			from: '2026-12-01',
			to: '2026-12-10',
		});
	});

	it('is removed from every letter when the form no longer gives one', () => {
		const again = readyWorkflows(
			withDeputy.map((w) => ({ ...w.body, name: w.name })),
			office,
		);
		for (const w of again)
			for (const n of w.body.nodes) {
				if (n.type === 'n8n-nodes-pecelan.letterPdf') expect(n.parameters?.deputy).toEqual({});
				if (n.parameters?.signWith === 'bsre') expect(n.parameters?.deputyNik).toBe('');
			}
	});

	it('reaches the batch signing: Triage decides who signs a waiting letter, the TTE form names both signers', () => {
		const triage = nodes('n8n-nodes-pecelan.serviceDesk').find(
			(n) => n.parameters?.operation === 'triage',
		);
		expect(triage?.parameters?.deputy).toEqual({
			name: 'Budi Hartono, S.E.',
			nip: '19810303 200601 1 003',
			from: '2026-12-01',
			to: '2026-12-10',
		});
		const choices = (list: typeof withDeputy) => {
			const form = list
				.flatMap((w) => w.body.nodes)
				.find((n) => n.type === 'n8n-nodes-base.formTrigger' && n.parameters?.path === 'tte')!;
			const fields = (form.parameters!.formFields as { values: Array<Record<string, unknown>> })
				.values;
			const field = fields.find((f) => f.fieldLabel === 'Menandatangani sebagai')!;
			return (field.fieldOptions as { values: Array<{ option: string }> }).values.map(
				(o) => o.option,
			);
		};
		expect(choices(withDeputy)).toEqual([
			'Lurah — Siti Aminah, S.IP.',
			'Wakil — Budi Hartono, S.E.',
		]);
		// The deputy's letters are announced on the deputy's number.
		const tell = withDeputy.flatMap((w) => w.body.nodes).find((n) => n.name === 'Tell Signatory');
		expect(String(tell?.parameters?.to)).toContain("? '6281233334444' :");
		// A re-run without a deputy offers the Lurah alone; a later deputy is offered again.
		const without = readyWorkflows(
			withDeputy.map((w) => ({ ...w.body, name: w.name })),
			office,
		);
		expect(choices(without)).toEqual(['Lurah — Siti Aminah, S.IP.']);
		const back = readyWorkflows(
			without.map((w) => ({ ...w.body, name: w.name })),
			{ ...office, deputy },
		);
		expect(choices(back)).toEqual(['Lurah — Siti Aminah, S.IP.', 'Wakil — Budi Hartono, S.E.']);
	});

	it.each([
		[{ from: '1/12/2026' }, 'The deputy\'s from date "1/12/2026" is not a date (YYYY-MM-DD)'],
		[
			{ from: '2026-12-10', to: '2026-12-01' },
			"The deputy's period ends (2026-12-01) before it starts (2026-12-10)",
		],
		[
			{ name: '', from: '2026-12-01' },
			"The deputy signs from a date on, but the deputy's name or NIP is empty",
		],
		[{ tteNik: '3577' }, 'The deputy\'s NIK for TTE "3577" is not 16 digits'],
		[{ whatsApp: '12' }, 'The deputy\'s WhatsApp number "12" is not a valid phone number'],
	])('is refused with a clear message when %j', (change, message) => {
		expect(() =>
			readyWorkflows(BUNDLED_WORKFLOWS, { ...office, deputy: { ...deputy, ...change } }),
		).toThrow(message);
	});
});
