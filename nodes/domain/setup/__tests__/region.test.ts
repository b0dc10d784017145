import { nameCase, regionLetterhead, regionSignatoryTitle } from '../region';

describe("a kelurahan's letterhead from its region", () => {
	it('reproduces the reference office from its three answers', () => {
		const region = {
			office: 'KELURAHAN ORO-ORO OMBO',
			district: 'Kartoharjo',
			regency: 'Kota Madiun',
		};
		expect(regionLetterhead(region)).toEqual({
			government: 'PEMERINTAH KOTA MADIUN\nKECAMATAN KARTOHARJO',
			area: 'Kelurahan Oro-Oro Ombo, Kecamatan Kartoharjo, Kota Madiun',
			issuer: 'Lurah Oro-Oro Ombo, Kecamatan Kartoharjo, Kota Madiun',
			countersigner: 'CAMAT KARTOHARJO',
			place: 'Madiun',
			lossAddressee: 'Kepala Kepolisian Sektor Kartoharjo',
			skckAddressee: 'Kepala Kepolisian Resor Madiun Kota',
		});
		expect(regionSignatoryTitle(region)).toBe('LURAH ORO-ORO OMBO');
	});

	it('takes names as people type them: any case, stray spaces', () => {
		const head = regionLetterhead({
			office: ' kelurahan  sukajadi ',
			district: 'SUKAJADI',
			regency: 'kota   bandung',
		});
		expect(head?.issuer).toBe('Lurah Sukajadi, Kecamatan Sukajadi, Kota Bandung');
		expect(head?.government).toBe('PEMERINTAH KOTA BANDUNG\nKECAMATAN SUKAJADI');
		expect(head?.place).toBe('Bandung');
	});

	it('leaves the police addressee of an unknown regency kind to the admin', () => {
		const head = regionLetterhead({
			office: 'KELURAHAN MENTENG',
			district: 'Menteng',
			regency: 'Jakarta Pusat',
		});
		expect(head?.place).toBe('Jakarta Pusat');
		expect(head).not.toHaveProperty('skckAddressee');
	});

	it('gives nothing when a part is missing, so the bundled lines stay', () => {
		expect(
			regionLetterhead({ office: 'KELURAHAN MAJU', district: '', regency: 'Kota Madiun' }),
		).toBeUndefined();
		expect(regionSignatoryTitle({ office: '', district: 'A', regency: 'Kota B' })).toBeUndefined();
	});

	it('writes names the way a letterhead does', () => {
		expect(nameCase('ORO-ORO OMBO')).toBe('Oro-Oro Ombo');
		expect(nameCase('tanjung priok (timur)')).toBe('Tanjung Priok (Timur)');
	});
});
