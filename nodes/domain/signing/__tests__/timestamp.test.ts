import { renderLetter } from '../../letter';
import { loadSigner, signPdf, verifyPdf, type HttpFetch, type HttpRequest } from '..';
import {
	children,
	context,
	integer,
	OID,
	octets,
	oid,
	readElement,
	sequence,
	set,
	sha256Algorithm,
	tlv,
} from '../der';
import { sampleRequest } from '../../../../test/support/letterSamples';
import { officeP12, PASSWORD, pdfsig } from '../../../../test/support/signingFixtures';

// Each test certificate is a fresh RSA-2048 key; slow when the machine is busy.
jest.setTimeout(30_000);

/**
 * A stand-in TSA: answers a TimeStampReq with a granted TimeStampResp whose token carries the
 * request's message imprint and nonce in its TSTInfo (the token itself is left unsigned: what is
 * tested is our request, where the token lands, and that the PDF signature stays valid).
 */
function fakeTsa(seen: HttpRequest[], status = 200, otherImprint = false): HttpFetch {
	return async (req) => {
		seen.push(req);
		if (status !== 200) return { status, body: Buffer.from('down') };
		const body = req.body as Buffer;
		const [, imprint, nonce] = children(body, readElement(body, 0)).map((el) =>
			body.subarray(el.at, el.end),
		);
		const stated = otherImprint
			? sequence(sha256Algorithm(), octets(Buffer.alloc(32, 7)))
			: imprint;
		const tstInfo = sequence(
			integer(1),
			oid('1.3.6.1.4.1.99999.1'),
			stated,
			integer(42),
			tlv(0x18, Buffer.from('20261130031500Z')),
			nonce,
		);
		const token = sequence(
			oid(OID.signedData),
			context(
				0,
				sequence(
					integer(3),
					set(sha256Algorithm()),
					sequence(oid(OID.tstInfo), context(0, octets(tstInfo))),
					tlv(0x31),
				),
			),
		);
		return { status: 200, body: sequence(sequence(integer(0)), token) };
	};
}

describe('an RFC 3161 timestamp from the TSA URL', () => {
	it('asks the TSA for the hash of the signature value and puts the token in the signature', async () => {
		const letter = (await renderLetter(sampleRequest('sku-kur'))).pdf;
		const seen: HttpRequest[] = [];
		const signed = await signPdf(letter, loadSigner(officeP12(), PASSWORD), {
			tsa: { url: 'https://tsa.example/', fetch: fakeTsa(seen) },
		});
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({
			url: 'https://tsa.example/',
			method: 'POST',
			headers: { 'Content-Type': 'application/timestamp-query' },
		});
		expect(signed.timestamped).toBe(true);
		expect(verifyPdf(signed.pdf)).toMatchObject({ intact: true, timestamped: true });
		expect(pdfsig(signed.pdf).valid).toBe(true);
	});

	it('refuses a token stamped for something else', async () => {
		const letter = (await renderLetter(sampleRequest('sku-kur'))).pdf;
		await expect(
			signPdf(letter, loadSigner(officeP12(), PASSWORD), {
				tsa: { url: 'https://tsa.example/', fetch: fakeTsa([], 200, true) },
			}),
		).rejects.toMatchObject({
			code: 'timestamp-failed',
			message: 'The timestamp token is for another signature',
		});
	});

	it('fails with a retryable reason when the TSA is down', async () => {
		const letter = (await renderLetter(sampleRequest('sku-kur'))).pdf;
		await expect(
			signPdf(letter, loadSigner(officeP12(), PASSWORD), {
				tsa: { url: 'https://tsa.example/', fetch: fakeTsa([], 503) },
			}),
		).rejects.toMatchObject({ code: 'timestamp-failed', retryable: true });
	});
});
