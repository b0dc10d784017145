// Three things an office's admin does in the n8n editor alone, each done here the way the editor
// does it (the installed workflow fetched, a node changed, saved and published again through
// n8n's public API), then seen from a resident's phone: the "letter ready" notice in new words,
// survey invitations switched off by deactivating one node, and a tenth service with its letter.
// Nodes are found by name and type in every installed "Pecelan …" workflow, however the canvases
// are split into sub-workflows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatMessage } from '../../sandbox/server';
import { defaultCatalog, loadCatalog } from '../../nodes/domain/catalog';
import { pdfText } from './support/letter';
import {
	columns as c,
	decide,
	nextApprovalsRound,
	nextUnpromptedMessage,
	rowOf,
	statuses,
} from './support/office';
import { n8nExecutions } from './support/clients';
import {
	catalog,
	executionError,
	fillRequest,
	Resident,
	said,
	submitRequest,
	templatePattern,
} from './support/resident';
import { useStack } from './support/use-stack';
import { editInstalledNodes, type InstalledNode } from './support/workflow-edit';

const stack = useStack();
const LONG = 8 * 60 * 1000;
const GATEWAY = 'n8n-nodes-pecelan.whatsAppGateway';
const SERVICE_DESK = 'n8n-nodes-pecelan.serviceDesk';
const LETTER_PDF = 'n8n-nodes-pecelan.letterPdf';
const EXAMPLES = join(__dirname, '..', '..', 'docs', 'examples');

const outgoing = async (resident: Resident, after: number) =>
	(await resident.chat()).slice(after).filter((m) => m.direction === 'out');
/** The services (keys) in the list the resident was just shown. */
const servicesListed = (resident: Resident) =>
	resident.replies.flatMap((m) =>
		(m.list?.sections ?? []).flatMap((s) => s.rows.map((r) => r.id.split('~')[0])),
	);
const isSurveyInvitation = (m: ChatMessage) =>
	m.template === 'pecelan_undangan_survei' || said('survey.invite', m.text);

describe('admin tasks in the editor', () => {
	it(
		'new wording of the "letter ready" notice on Send Letter reaches the resident with the letter',
		async () => {
			const wording =
				'Kabar gembira, {name}: {serviceTitle} sudah ditandatangani.\nTiket {ticket}, nomor {letterNumber}. Simpan baik-baik ya.';
			const edit = await editInstalledNodes(stack(), (node) =>
				node.name === 'Send Letter' && node.type === GATEWAY
					? { ...node, parameters: { ...node.parameters, noticeWording: wording } }
					: undefined,
			);
			try {
				expect(Object.values(edit.changed).flat()).toContain('Send Letter');
				const dewi = new Resident(stack(), '6281426000001', 'Dewi Lestari');
				const ticket = await submitRequest(dewi, 'pengantar-skck');
				await rowOf(stack(), ticket);
				const before = (await dewi.chat()).length;
				await decide(stack(), ticket, statuses.approved);
				const letter = await nextUnpromptedMessage(dewi, before, (m) => !!m.document, 'the letter');
				const row = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
				expect(letter.text).toBe(
					`Kabar gembira, ${row.values[c.name]}: ${catalog.services.find((s) => s.key === 'pengantar-skck')!.title} sudah ditandatangani.\nTiket ${ticket}, nomor ${row.values[c.letterNumber]}. Simpan baik-baik ya.`,
				);
				expect(await pdfText(await dewi.download(letter.document!.url))).toContain(
					'SURAT PENGANTAR SKCK',
				);
			} finally {
				await edit.restore();
			}
		},
		LONG,
	);

	it(
		"a tenth service added in Service Desk's catalog and Letter PDF's templates is requested, approved and delivered",
		async () => {
			const catalogJson = readFileSync(join(EXAMPLES, 'kelakuan-baik.catalog.json'), 'utf8');
			const source = readFileSync(join(EXAMPLES, 'kelakuan-baik.hbs'), 'utf8');
			const extended = loadCatalog(JSON.parse(catalogJson), {
				base: defaultCatalog(),
				mode: 'extend',
			});
			const service = extended.services.find((s) => s.key === 'kelakuan-baik')!;
			expect(extended.services).toHaveLength(10);

			const edit = await editInstalledNodes(stack(), (node: InstalledNode) => {
				if (node.type === SERVICE_DESK)
					return {
						...node,
						parameters: {
							...node.parameters,
							catalogSource: 'custom',
							catalogJson,
							catalogMode: 'extend',
						},
					};
				if (node.type === LETTER_PDF && node.parameters.templateSource !== 'custom')
					return {
						...node,
						parameters: {
							...node.parameters,
							templates: { template: [{ name: 'kelakuan-baik', source }] },
						},
					};
				return undefined;
			});
			try {
				expect(Object.keys(edit.changed).length).toBeGreaterThan(1);
				const rudi = new Resident(stack(), '6281426000003', 'Rudi Setiawan');
				await rudi.say('halo');
				await rudi.tap(catalog.messages['menu.request']);
				// The tenth row of the services list.
				expect(servicesListed(rudi)).toEqual(extended.services.map((s) => s.key));
				await rudi.choose('kelakuan-baik');
				await fillRequest(rudi, service);
				await rudi.tap(catalog.messages['button.confirm']);
				const ticket = templatePattern('submitted').exec(rudi.lastText)?.[2];
				if (!ticket) throw new Error(`no ticket in: ${rudi.lastText}`);

				const row = await rowOf(stack(), ticket);
				expect(row.values[c.service]).toBe('Surat Keterangan Kelakuan Baik');
				const before = (await rudi.chat()).length;
				await decide(stack(), ticket, statuses.approved);
				const letter = await nextUnpromptedMessage(rudi, before, (m) => !!m.document, 'the letter');
				const done = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
				const text = await pdfText(await rudi.download(letter.document!.url));
				expect(text).toContain('SURAT KETERANGAN KELAKUAN BAIK');
				expect(text).toContain(done.values[c.letterNumber]);
				expect(letter.text).toContain('Surat Keterangan Kelakuan Baik');
			} finally {
				await edit.restore();
			}
		},
		LONG,
	);

	it(
		'with "Invite to Survey" deactivated an approval brings the letter and no survey invitation',
		async () => {
			const edit = await editInstalledNodes(stack(), (node) =>
				node.name === 'Invite to Survey' ? { ...node, disabled: true } : undefined,
			);
			try {
				expect(Object.values(edit.changed).flat()).toEqual(['Invite to Survey']);
				const since = new Date();
				const yudi = new Resident(stack(), '6281426000002', 'Yudi Hartono');
				const ticket = await submitRequest(yudi, 'pengantar-skck');
				await rowOf(stack(), ticket);
				const before = (await yudi.chat()).length;
				await decide(stack(), ticket, statuses.approved);
				await nextUnpromptedMessage(yudi, before, (m) => !!m.document, 'the letter');
				const done = await rowOf(stack(), ticket, (r) => r.values[c.status] === statuses.done);
				// Another whole round after the one that sent the letter: anything it would send is out.
				await nextApprovalsRound(stack());
				const sent = await outgoing(yudi, before);
				expect(sent.filter(isSurveyInvitation)).toEqual([]);
				expect(sent.filter((m) => !!m.document)).toHaveLength(1);
				// No run failed on the way (a failed round holds the next letters back), staff see no
				// problem in the row, and the resident's chat carries on as before.
				const failed = (
					await n8nExecutions(stack(), { status: 'error', includeData: true })
				).filter((e) => new Date(e.startedAt) >= since);
				expect(failed.map(executionError)).toEqual([]);
				expect((await rowOf(stack(), ticket)).values[c.problem] ?? '').toBe('');
				expect(done.values[c.completedAt]).not.toBe('');
				await yudi.say('halo');
				await yudi.tap(catalog.messages['menu.request']);
				expect(servicesListed(yudi)).toEqual(catalog.services.map((s) => s.key));
			} finally {
				await edit.restore();
			}
		},
		LONG,
	);
});
