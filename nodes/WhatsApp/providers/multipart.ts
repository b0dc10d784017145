/**
 * A multipart/form-data body as one Buffer, so uploads go through n8n's request helpers unchanged
 * (no form-data dependency, identical bytes in tests and in n8n).
 */
import { randomBytes } from 'crypto';

export interface FilePart {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

export interface MultipartBody {
	body: Buffer;
	contentType: string;
}

const quote = (s: string) =>
	s.replace(/["\r\n\\]/g, (c) => (c === '"' ? '%22' : c === '\\' ? '\\\\' : ' '));

export function buildMultipart(
	fields: Record<string, string>,
	files: Record<string, FilePart>,
	boundary = `----pecelan${randomBytes(12).toString('hex')}`,
): MultipartBody {
	const chunks: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		chunks.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`,
			),
		);
	}
	for (const [name, file] of Object.entries(files)) {
		chunks.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"; filename="${quote(file.fileName)}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
			),
			file.data,
			Buffer.from('\r\n'),
		);
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
