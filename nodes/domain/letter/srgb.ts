/**
 * A small ICC v2 display profile for sRGB (IEC 61966-2.1), built from the standard's numbers:
 * the D50-adapted primaries, the D65 white and the sRGB tone curve as a 1024-entry table. It is
 * the destination profile of the letters' PDF/A output intent.
 */

const s15 = (v: number) => {
	const b = Buffer.alloc(4);
	b.writeInt32BE(Math.round(v * 65536));
	return b;
};

const xyz = (x: number, y: number, z: number) =>
	Buffer.concat([Buffer.from('XYZ \0\0\0\0', 'latin1'), s15(x), s15(y), s15(z)]);

function text(value: string): Buffer {
	return Buffer.concat([
		Buffer.from('text\0\0\0\0', 'latin1'),
		Buffer.from(`${value}\0`, 'latin1'),
	]);
}

/** textDescriptionType: the ASCII description, empty Unicode and ScriptCode parts. */
function description(value: string): Buffer {
	const ascii = Buffer.from(`${value}\0`, 'latin1');
	const head = Buffer.alloc(12);
	head.write('desc', 0, 'latin1');
	head.writeUInt32BE(ascii.length, 8);
	return Buffer.concat([head, ascii, Buffer.alloc(4 + 4 + 2 + 1 + 67)]);
}

function curve(): Buffer {
	const count = 1024;
	const b = Buffer.alloc(12 + count * 2);
	b.write('curv', 0, 'latin1');
	b.writeUInt32BE(count, 8);
	for (let i = 0; i < count; i++) {
		const v = i / (count - 1);
		const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
		b.writeUInt16BE(Math.round(linear * 65535), 12 + i * 2);
	}
	return b;
}

let built: Buffer | undefined;

export function srgbProfile(): Buffer {
	if (built) return built;
	const trc = curve();
	const tags: Array<[string, Buffer]> = [
		['desc', description('sRGB IEC61966-2.1')],
		['cprt', text('No copyright, use freely')],
		['wtpt', xyz(0.9505, 1, 1.089)],
		['rXYZ', xyz(0.4361, 0.2225, 0.0139)],
		['gXYZ', xyz(0.3851, 0.7169, 0.0971)],
		['bXYZ', xyz(0.1431, 0.0606, 0.7141)],
		['rTRC', trc],
		['gTRC', trc],
		['bTRC', trc],
	];
	const table = Buffer.alloc(4 + tags.length * 12);
	table.writeUInt32BE(tags.length, 0);
	const data: Buffer[] = [];
	let offset = 128 + table.length;
	const placed = new Map<Buffer, number>();
	tags.forEach(([sig, body], i) => {
		let at = placed.get(body);
		if (at === undefined) {
			at = offset;
			placed.set(body, at);
			const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
			data.push(padded);
			offset += padded.length;
		}
		table.write(sig, 4 + i * 12, 'latin1');
		table.writeUInt32BE(at, 8 + i * 12);
		table.writeUInt32BE(body.length, 12 + i * 12);
	});
	const header = Buffer.alloc(128);
	header.writeUInt32BE(offset, 0);
	header.writeUInt32BE(0x02100000, 8); // version 2.1
	header.write('mntr', 12, 'latin1');
	header.write('RGB ', 16, 'latin1');
	header.write('XYZ ', 20, 'latin1');
	[2026, 1, 1, 0, 0, 0].forEach((v, i) => header.writeUInt16BE(v, 24 + i * 2));
	header.write('acsp', 36, 'latin1');
	s15(0.9642).copy(header, 68);
	s15(1).copy(header, 72);
	s15(0.8249).copy(header, 76);
	built = Buffer.concat([header, table, ...data]);
	return built;
}
