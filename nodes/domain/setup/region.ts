/**
 * The letterhead lines a kelurahan's letters need, from the three things an admin knows by heart:
 * the office name, the kecamatan and the kabupaten/kota. Without them a Setup-made office kept the
 * bundled reference office's lines ("Lurah Oro-Oro Ombo, …") under its own name: a letter no bank
 * or police station would accept. Wording from templates/letterhead/region.json. Pure.
 */
import pattern from '../../../templates/letterhead/region.json';

export interface Region {
	/** The office name as printed on the letterhead, e.g. KELURAHAN ORO-ORO OMBO. */
	office: string;
	/** The kecamatan, e.g. Kartoharjo. */
	district: string;
	/** The kabupaten or kota, with its kind, e.g. Kota Madiun. */
	regency: string;
}

export interface RegionLetterhead {
	government: string;
	area: string;
	issuer: string;
	countersigner: string;
	place: string;
	lossAddressee: string;
	skckAddressee?: string;
}

/** "ORO-ORO OMBO" → "Oro-Oro Ombo": names are typed in capitals on a letterhead. */
export function nameCase(text: string): string {
	return text
		.trim()
		.toLowerCase()
		.replace(
			/(^|[\s\-'(])(\p{L})/gu,
			(_, before: string, letter: string) => before + letter.toUpperCase(),
		);
}

const squeeze = (text: string) => text.trim().replace(/\s+/g, ' ');

function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
		const value = values[key.toLowerCase()];
		if (value === undefined) return whole;
		return key === key.toUpperCase() ? value.toUpperCase() : value;
	});
}

/** The region's values as the patterns use them; undefined when a part is missing. */
function regionValues(region: Region): Record<string, string> | undefined {
	const office = squeeze(region.office);
	const district = nameCase(squeeze(region.district));
	const regency = nameCase(squeeze(region.regency));
	if (!office || !district || !regency) return undefined;
	const prefix = new RegExp(`^${pattern.officePrefix}\\s+`, 'i');
	const kind = Object.keys(pattern.regencyKinds).find((k) =>
		regency.toLowerCase().startsWith(`${k.toLowerCase()} `),
	);
	const place = kind ? regency.slice(kind.length + 1) : regency;
	return {
		office: nameCase(office.replace(prefix, '')),
		district,
		regency,
		place,
		kind: kind ?? '',
	};
}

/** Every derived letterhead line; undefined unless the office, kecamatan and kabupaten/kota are given. */
export function regionLetterhead(region: Region): RegionLetterhead | undefined {
	const values = regionValues(region);
	if (!values) return undefined;
	const kinds = pattern.regencyKinds as Record<string, { skckAddressee?: string }>;
	const skck = kinds[values.kind]?.skckAddressee;
	return {
		government: pattern.government.map((line) => fill(line, values)).join('\n'),
		area: fill(pattern.area, values),
		issuer: fill(pattern.issuer, values),
		countersigner: fill(pattern.countersigner, values),
		place: values.place,
		lossAddressee: fill(pattern.lossAddressee, values),
		...(skck ? { skckAddressee: fill(skck, values) } : {}),
	};
}

/** The signatory's title above the signature (LURAH ORO-ORO OMBO). */
export function regionSignatoryTitle(region: Region): string | undefined {
	const values = regionValues(region);
	return values && fill(pattern.signatoryTitle, values);
}
