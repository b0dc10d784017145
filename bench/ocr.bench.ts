/**
 * KTP photos read on this server: the synthetic photos (test/support/ktp, every sample identity
 * in every readable style) through the bundled OCR (dist, as n8n runs it; the sources when not
 * built) and the KTP parser. Prints the time per photo (p50/p95, warm; the first photo's start-up
 * apart), each field's accuracy (read right / read wrong / not read), and what the blurred photos
 * gave (they should fall back to the questions). `PECELAN_OCR_STYLES=clean,phone` narrows the set.
 */
import { KTP_IDENTITY_FIELDS, parseKtpText, type KtpField } from '../nodes/domain/ktp/parse';
import { readPhotoText, stopKtpOcr, useOcrAssets } from '../nodes/ServiceDesk/ocr/ktpOcr';
import { drawKtpPhoto, PHOTO_STYLES, type PhotoStyleName } from '../test/support/ktp/draw';
import { SAMPLE_KTPS } from '../test/support/ktp/identities';
import { ocrAssets } from '../test/support/ktp/ocrAssets';

const { bundled, ...assets } = ocrAssets();
useOcrAssets(assets);

const readable: PhotoStyleName[] = ['clean', 'phone', 'tilted', 'small'];
const styles = (process.env.PECELAN_OCR_STYLES?.split(',') as PhotoStyleName[] | undefined) ?? [
	...readable,
	'blurred',
];

const quantile = (sorted: number[], q: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

async function main(): Promise<void> {
	console.log(
		`OCR: ${bundled ? 'bundled (dist)' : 'from the sources (not built)'}; styles ${styles.join(', ')}`,
	);
	const times: number[] = [];
	// CPU of the whole process (the worker thread included): the figure the machine's load moves least.
	const cpu: number[] = [];
	const right = new Map<KtpField, number>();
	const wrong = new Map<KtpField, number>();
	let readablePhotos = 0;
	let blurred = 0;
	let blurredFellBack = 0;
	let firstMs = 0;
	let seed = 1;
	for (const style of styles) {
		for (const ktp of SAMPLE_KTPS) {
			const photo = drawKtpPhoto(ktp, PHOTO_STYLES[style], seed++);
			const started = performance.now();
			const cpuBefore = process.cpuUsage();
			const ocr = await readPhotoText(photo);
			const reading = parseKtpText(ocr.text);
			const ms = performance.now() - started;
			const used = process.cpuUsage(cpuBefore);
			if (!firstMs) firstMs = ms;
			else {
				times.push(ms);
				cpu.push((used.user + used.system) / 1000);
			}
			if (style === 'blurred') {
				blurred++;
				if (!reading.isKtp) blurredFellBack++;
				continue;
			}
			readablePhotos++;
			for (const field of KTP_IDENTITY_FIELDS) {
				const got = reading.fields[field];
				if (got === undefined) continue;
				const counter = got === ktp[field] ? right : wrong;
				counter.set(field, (counter.get(field) ?? 0) + 1);
			}
		}
	}
	await stopKtpOcr();
	times.sort((a, b) => a - b);
	cpu.sort((a, b) => a - b);
	const load = (await import('node:os')).loadavg()[0].toFixed(1);
	console.log(
		`time per photo (warm, ${times.length} photos): p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms (goal p95 ≤ 5,000 ms); first photo incl. start-up ${firstMs.toFixed(0)} ms; load ${load}`,
	);
	console.log(
		`CPU per photo (process incl. the worker thread): p50 ${quantile(cpu, 0.5).toFixed(0)} ms, p95 ${quantile(cpu, 0.95).toFixed(0)} ms`,
	);
	if (readablePhotos) {
		console.log(`field accuracy on ${readablePhotos} readable photos (right / wrong / not read):`);
		let allRight = 0;
		for (const field of KTP_IDENTITY_FIELDS) {
			const r = right.get(field) ?? 0;
			const w = wrong.get(field) ?? 0;
			allRight += r;
			console.log(
				`  ${field.padEnd(17)} ${((100 * r) / readablePhotos).toFixed(0).padStart(3)} %  ${r} / ${w} / ${readablePhotos - r - w}`,
			);
		}
		const total = readablePhotos * KTP_IDENTITY_FIELDS.length;
		console.log(`  all fields        ${((100 * allRight) / total).toFixed(1)} %`);
	}
	if (blurred)
		console.log(`blurred photos that fell back to the questions: ${blurredFellBack}/${blurred}`);
}

void main();
