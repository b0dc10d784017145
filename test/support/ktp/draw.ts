/**
 * Draws synthetic KTP photos from the sample identities: the card's layout (headings, the
 * `Label : VALUE` column, a photo box with the place and date of issue under it) on a pale
 * blue-green guilloche, then photographed: placed on a table, turned, blurred, with sensor noise
 * and JPEG compression as a phone camera and WhatsApp leave it. Deterministic for a given seed.
 * Dev-only (tests and the bench); nothing here ships in the package.
 */
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { existsSync } from 'node:fs';
import { ktpLines, type SampleKtp } from './identities';

export interface PhotoStyle {
	/** Degrees, clockwise. */
	rotate: number;
	/** Gaussian blur radius in pixels of the photo. */
	blur: number;
	/** Standard deviation of the per-pixel noise, 0–255. */
	noise: number;
	/** JPEG quality 1–100 (WhatsApp sends about 70–80). */
	quality: number;
	/** Width of the card in the photo, pixels. */
	cardWidth: number;
}

/** The styles the bench and the tests draw each sample in. */
export const PHOTO_STYLES = {
	clean: { rotate: 0, blur: 0, noise: 0, quality: 95, cardWidth: 1000 },
	phone: { rotate: 2.5, blur: 0.8, noise: 10, quality: 75, cardWidth: 1000 },
	tilted: { rotate: -7, blur: 0.6, noise: 8, quality: 75, cardWidth: 1000 },
	small: { rotate: 1.5, blur: 0.5, noise: 6, quality: 70, cardWidth: 760 },
	/** Too blurred to read: the conversation falls back to the questions. */
	blurred: { rotate: 3, blur: 7, noise: 10, quality: 70, cardWidth: 1000 },
} satisfies Record<string, PhotoStyle>;

export type PhotoStyleName = keyof typeof PHOTO_STYLES;

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
let fontsReady = false;
function family(): string {
	if (!fontsReady) {
		for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'])
			if (existsSync(`${FONT_DIR}/${file}`))
				GlobalFonts.registerFromPath(`${FONT_DIR}/${file}`, 'KtpSans');
		fontsReady = true;
	}
	return GlobalFonts.has('KtpSans') ? 'KtpSans' : 'sans-serif';
}

/** A small seeded generator (mulberry32) so every image is the same from run to run. */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const CARD_W = 1000;
const CARD_H = 631;

function drawCard(ctx: SKRSContext2D, ktp: SampleKtp, random: () => number): void {
	const font = family();
	const gradient = ctx.createLinearGradient(0, 0, CARD_W, CARD_H);
	gradient.addColorStop(0, '#cfe6f2');
	gradient.addColorStop(0.5, '#e4f1f4');
	gradient.addColorStop(1, '#bcdcea');
	ctx.fillStyle = gradient;
	ctx.beginPath();
	ctx.roundRect(0, 0, CARD_W, CARD_H, 28);
	ctx.fill();
	// Guilloche: thin waves behind the text, as on the card.
	ctx.strokeStyle = 'rgba(90, 150, 180, 0.18)';
	ctx.lineWidth = 1.2;
	for (let k = 0; k < 16; k++) {
		ctx.beginPath();
		const phase = random() * Math.PI * 2;
		for (let x = 0; x <= CARD_W; x += 8) {
			const y = 40 + k * 38 + Math.sin(x / 55 + phase) * 14;
			if (x === 0) ctx.moveTo(x, y);
			else ctx.lineTo(x, y);
		}
		ctx.stroke();
	}
	ctx.fillStyle = '#111';
	ctx.textAlign = 'center';
	ctx.font = `bold 34px ${font}`;
	ctx.fillText(`PROVINSI ${ktp.provinsi}`, CARD_W / 2, 56);
	ctx.fillText(ktp.kabupatenKota, CARD_W / 2, 98);
	ctx.textAlign = 'left';
	const lines = ktpLines(ktp);
	ctx.font = `21px ${font}`;
	const colon =
		36 + Math.max(...lines.slice(1).map(([label]) => ctx.measureText(label).width)) + 10;
	let y = 150;
	for (const [label, value] of lines) {
		const isNik = label === 'NIK';
		ctx.font = isNik ? `bold 34px ${font}` : `21px ${font}`;
		ctx.fillText(label, 36, y);
		ctx.fillText(':', isNik ? 150 : colon, y);
		let text = value;
		if (label === 'Jenis Kelamin') {
			ctx.fillText(text, colon + 16, y);
			ctx.fillText(`Gol. Darah : ${ktp.golonganDarah}`, 530, y);
			text = '';
		}
		if (text) ctx.fillText(text, isNik ? 170 : colon + 16, y);
		y += isNik ? 44 : 33.5;
	}
	// Photo box (a grey silhouette, no face) with the place and date of issue under it.
	ctx.fillStyle = '#d9534f';
	ctx.fillRect(770, 140, 190, 240);
	ctx.fillStyle = '#6b6b6b';
	ctx.beginPath();
	ctx.arc(865, 225, 52, 0, Math.PI * 2);
	ctx.fill();
	ctx.beginPath();
	ctx.ellipse(865, 370, 85, 70, 0, Math.PI, 0);
	ctx.fill();
	ctx.fillStyle = '#111';
	ctx.font = `18px ${font}`;
	ctx.textAlign = 'center';
	ctx.fillText(ktp.issuedAt, 865, 412);
	ctx.fillText(ktp.issuedOn, 865, 436);
	ctx.strokeStyle = '#222';
	ctx.lineWidth = 2;
	ctx.beginPath();
	ctx.moveTo(800, 505);
	ctx.bezierCurveTo(830, 470, 860, 530, 930, 480);
	ctx.stroke();
	ctx.textAlign = 'left';
}

/** A JPEG photo of the sample card, as a resident would send it. */
export function drawKtpPhoto(ktp: SampleKtp, style: PhotoStyle, seed = 1): Buffer {
	const random = seeded(seed);
	const card = createCanvas(CARD_W, CARD_H);
	drawCard(card.getContext('2d'), ktp, random);

	const scale = style.cardWidth / CARD_W;
	const width = Math.round(style.cardWidth * 1.2);
	const height = Math.round(CARD_H * scale * 1.45);
	const photo = createCanvas(width, height);
	const ctx = photo.getContext('2d');
	// A wooden table, unevenly lit.
	const table = ctx.createRadialGradient(
		width * 0.3,
		height * 0.2,
		50,
		width / 2,
		height / 2,
		width,
	);
	table.addColorStop(0, '#a98a64');
	table.addColorStop(1, '#5e4630');
	ctx.fillStyle = table;
	ctx.fillRect(0, 0, width, height);
	ctx.save();
	if (style.blur > 0) ctx.filter = `blur(${style.blur}px)`;
	ctx.translate(width / 2, height / 2);
	ctx.rotate((style.rotate * Math.PI) / 180);
	ctx.scale(scale, scale);
	ctx.shadowColor = 'rgba(0,0,0,0.45)';
	ctx.shadowBlur = 18;
	ctx.drawImage(card, -CARD_W / 2, -CARD_H / 2);
	ctx.restore();

	if (style.noise > 0) {
		const image = ctx.getImageData(0, 0, width, height);
		const data = image.data;
		for (let i = 0; i < data.length; i += 4) {
			// Roughly normal noise (sum of uniforms), a little brighter toward the light.
			const n = (random() + random() + random() - 1.5) * style.noise * 2;
			data[i] = clamp(data[i] + n);
			data[i + 1] = clamp(data[i + 1] + n);
			data[i + 2] = clamp(data[i + 2] + n);
		}
		ctx.putImageData(image, 0, 0);
	}
	return photo.toBuffer('image/jpeg', style.quality);
}

function clamp(value: number): number {
	return value < 0 ? 0 : value > 255 ? 255 : value;
}
