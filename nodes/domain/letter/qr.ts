/**
 * A small QR encoder for verification URLs: byte mode, error correction M, versions 1–10
 * (up to 213 bytes), mask chosen by the standard penalty rules on a flat array. It exists for
 * speed: qrcode-generator rebuilds the whole symbol for each of its eight mask trials, which was
 * a fifth of a letter's time. Longer texts go to qrcode-generator (see marks.ts). The tests check
 * this encoder module for module against qrcode-generator.
 */

/** [blocks, total codewords, data codewords] per group, error correction M, versions 1–10. */
const BLOCKS_M: number[][] = [
	[1, 26, 16],
	[1, 44, 28],
	[1, 70, 44],
	[2, 50, 32],
	[2, 67, 43],
	[4, 43, 27],
	[4, 49, 31],
	[2, 60, 38, 2, 61, 39],
	[3, 58, 36, 2, 59, 37],
	[4, 69, 43, 1, 70, 44],
];
const ALIGNMENT: number[][] = [
	[],
	[6, 18],
	[6, 22],
	[6, 26],
	[6, 30],
	[6, 34],
	[6, 22, 38],
	[6, 24, 42],
	[6, 26, 46],
	[6, 28, 50],
];

const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++, x = (x << 1) ^ (x & 0x80 ? 0x11d : 0)) {
	EXP[i] = x;
	LOG[x] = i;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];

/** Reed–Solomon error correction codewords for one block. */
function ecc(data: number[], count: number): number[] {
	let gen = [1];
	for (let i = 0; i < count; i++) {
		const next = new Array<number>(gen.length + 1).fill(0);
		gen.forEach((g, j) => {
			next[j] ^= g;
			next[j + 1] ^= g === 0 ? 0 : EXP[LOG[g] + i];
		});
		gen = next;
	}
	const rem = new Array<number>(count).fill(0);
	for (const byte of data) {
		const factor = byte ^ rem.shift()!;
		rem.push(0);
		if (factor) for (let j = 0; j < count; j++) rem[j] ^= EXP[LOG[gen[j + 1]] + LOG[factor]];
	}
	return rem;
}

export interface QrMatrix {
	size: number;
	/** Row-major, 1 = dark. */
	modules: Uint8Array;
}

function codewords(bytes: Uint8Array, version: number): number[] {
	const table = BLOCKS_M[version - 1];
	const groups: Array<{ total: number; data: number }> = [];
	for (let i = 0; i < table.length; i += 3)
		for (let k = 0; k < table[i]; k++) groups.push({ total: table[i + 1], data: table[i + 2] });
	const capacity = groups.reduce((s, g) => s + g.data, 0);
	const bits: number[] = [];
	const put = (value: number, length: number) => {
		for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
	};
	put(4, 4);
	put(bytes.length, version < 10 ? 8 : 16);
	bytes.forEach((b) => put(b, 8));
	put(0, Math.min(4, capacity * 8 - bits.length));
	while (bits.length % 8) bits.push(0);
	const data: number[] = [];
	for (let i = 0; i < bits.length; i += 8)
		data.push(bits.slice(i, i + 8).reduce((v, b) => (v << 1) | b, 0));
	for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad);
	let at = 0;
	const blocks = groups.map((g) => {
		const d = data.slice(at, (at += g.data));
		return { d, e: ecc(d, g.total - g.data) };
	});
	const out: number[] = [];
	const maxData = Math.max(...blocks.map((b) => b.d.length));
	for (let i = 0; i < maxData; i++) for (const b of blocks) if (i < b.d.length) out.push(b.d[i]);
	for (let i = 0; i < blocks[0].e.length; i++) for (const b of blocks) out.push(b.e[i]);
	return out;
}

const MASKS: Array<(r: number, c: number) => boolean> = [
	(r, c) => (r + c) % 2 === 0,
	(r) => r % 2 === 0,
	(_r, c) => c % 3 === 0,
	(r, c) => (r + c) % 3 === 0,
	(r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
	(r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
	(r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
	(r, c) => (((r * c) % 3) + ((r + c) % 2)) % 2 === 0,
];

function bch(value: number, poly: number, shift: number): number {
	let rem = value << shift;
	const top = Math.floor(Math.log2(poly));
	for (let i = Math.floor(Math.log2(rem || 1)); i >= top; i--)
		if (rem & (1 << i)) rem ^= poly << (i - top);
	return (value << shift) | rem;
}

/** The data bits in the zigzag of two-module columns, from the bottom right, around fixed modules. */
function placeData(
	modules: Uint8Array,
	fixed: Uint8Array,
	size: number,
	data: Uint8Array | number[],
) {
	let i = 0;
	for (let right = size - 1; right >= 1; right -= 2) {
		if (right === 6) right = 5;
		for (let vert = 0; vert < size; vert++) {
			for (let j = 0; j < 2; j++) {
				const c = right - j;
				const upward = ((right + 1) & 2) === 0;
				const r = upward ? size - 1 - vert : vert;
				if (fixed[r * size + c]) continue;
				modules[r * size + c] = i < data.length * 8 ? (data[i >>> 3] >>> (7 - (i & 7))) & 1 : 0;
				i++;
			}
		}
	}
}

/** Builds the symbol with a given mask; `mask` undefined picks the one with the lowest penalty. */
export function encodeQr(text: string, mask?: number): QrMatrix | undefined {
	const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
	const version =
		BLOCKS_M.findIndex((t, index) => {
			let data = 0;
			for (let i = 0; i < t.length; i += 3) data += t[i] * t[i + 2];
			return 4 + (index < 9 ? 8 : 16) + bytes.length * 8 <= data * 8;
		}) + 1;
	if (version === 0) return undefined;
	const size = version * 4 + 17;
	const modules = new Uint8Array(size * size);
	const fixed = new Uint8Array(size * size);
	const set = (r: number, c: number, dark: boolean) => {
		modules[r * size + c] = dark ? 1 : 0;
		fixed[r * size + c] = 1;
	};
	for (const [r0, c0] of [
		[0, 0],
		[size - 7, 0],
		[0, size - 7],
	]) {
		for (let r = -1; r <= 7; r++) {
			for (let c = -1; c <= 7; c++) {
				if (r0 + r < 0 || r0 + r >= size || c0 + c < 0 || c0 + c >= size) continue;
				const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
				set(r0 + r, c0 + c, ring !== 2 && ring !== 4);
			}
		}
	}
	for (let i = 8; i < size - 8; i++) {
		set(6, i, i % 2 === 0);
		set(i, 6, i % 2 === 0);
	}
	const centres = ALIGNMENT[version - 1];
	const last = centres.length - 1;
	centres.forEach((r, a) => {
		centres.forEach((c, b) => {
			// The three corners hold finder patterns.
			if ((a === 0 && b === 0) || (a === 0 && b === last) || (a === last && b === 0)) return;
			for (let dr = -2; dr <= 2; dr++)
				for (let dc = -2; dc <= 2; dc++)
					set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
		});
	});
	const drawFormat = (m: number) => {
		const bits = bch((0 << 3) | m, 0x537, 10) ^ 0x5412; // level M = 00
		const bit = (i: number) => ((bits >>> i) & 1) === 1;
		for (let i = 0; i <= 5; i++) set(i, 8, bit(i));
		set(7, 8, bit(6));
		set(8, 8, bit(7));
		set(8, 7, bit(8));
		for (let i = 9; i < 15; i++) set(8, 14 - i, bit(i));
		for (let i = 0; i < 8; i++) set(8, size - 1 - i, bit(i));
		for (let i = 8; i < 15; i++) set(size - 15 + i, 8, bit(i));
		set(size - 8, 8, true);
	};
	drawFormat(0);
	if (version >= 7) {
		const bits = bch(version, 0x1f25, 12);
		for (let i = 0; i < 18; i++) {
			const dark = ((bits >>> i) & 1) === 1;
			const a = size - 11 + (i % 3);
			const b = Math.floor(i / 3);
			set(b, a, dark);
			set(a, b, dark);
		}
	}
	placeData(modules, fixed, size, codewords(bytes, version));
	const maskBits = masksFor(version, size, fixed);
	const apply = (m: number) => {
		const bits = maskBits[m];
		for (let k = 0; k < modules.length; k++) modules[k] ^= bits[k];
		drawFormat(m);
	};
	let chosen = mask;
	if (chosen === undefined) {
		let best = Infinity;
		for (let m = 0; m < 8; m++) {
			apply(m);
			const score = penalty(modules, size);
			if (score < best) [best, chosen] = [score, m];
			apply(m); // XOR again to undo
		}
	}
	apply(chosen!);
	return { size, modules };
}

const maskCache = new Map<number, Uint8Array[]>();

/** Per version, the modules each mask flips (data modules only): computed once, then XORed. */
function masksFor(version: number, size: number, fixed: Uint8Array): Uint8Array[] {
	let masks = maskCache.get(version);
	if (!masks) {
		masks = MASKS.map((test) => {
			const bits = new Uint8Array(size * size);
			for (let r = 0; r < size; r++)
				for (let c = 0; c < size; c++)
					bits[r * size + c] = !fixed[r * size + c] && test(r, c) ? 1 : 0;
			return bits;
		});
		maskCache.set(version, masks);
	}
	return masks;
}

/**
 * The four penalty rules of ISO/IEC 18004 (runs, 2×2 blocks, finder-like patterns, balance),
 * written without data-dependent branches: mask trials give the CPU nothing to predict.
 */
function penalty(m: Uint8Array, size: number): number {
	let score = 0;
	let dark = 0;
	for (let k = 0; k < m.length; k++) dark += m[k];
	// Rows (pass 0), then columns (pass 1): `step` walks along a line, `across` to the next one.
	for (let pass = 0; pass < 2; pass++) {
		const step = pass === 0 ? 1 : size;
		const across = pass === 0 ? size : 1;
		for (let a = 0; a < size; a++) {
			let run = 0;
			let previous = 2;
			let window = 0;
			for (let b = 0, k = a * across; b < size; b++, k += step) {
				const v = m[k];
				run = run * +(v === previous) + 1;
				previous = v;
				// A run of 5 costs 3, each module beyond it 1 more.
				score += +(run === 5) * 3 + +(run > 5);
				window = ((window << 1) | v) & 0x7ff;
				score += 40 * +(b >= 10) * +(window === 0x5d0 || window === 0x05d);
			}
		}
	}
	for (let r = 0; r < size - 1; r++) {
		const row = r * size;
		const next = row + size;
		for (let c = 0; c < size - 1; c++) {
			const sum = m[row + c] + m[row + c + 1] + m[next + c] + m[next + c + 1];
			score += 3 * +((sum & 3) === 0);
		}
	}
	const total = size * size;
	return score + Math.floor(Math.abs(dark * 20 - total * 10) / total) * 10;
}
