import { createHash } from 'node:crypto';
import type { SandboxContext } from './context';
import { metaMediaId } from './ids';
import type { StoredFile } from './state';

/** Stores bytes as Meta media (a resident's photo, or a file n8n uploaded before sending it). */
export function storeMetaMedia(
	ctx: SandboxContext,
	data: Buffer,
	mimeType: string,
	name: string,
): StoredFile {
	const file: StoredFile = {
		id: metaMediaId(),
		name,
		mimeType,
		dataBase64: data.toString('base64'),
		sha256: createHash('sha256').update(data).digest('hex'),
		size: data.length,
		createdTime: new Date().toISOString(),
		kind: 'meta-media',
	};
	ctx.state.addFile(file);
	return file;
}

export function mediaUrl(ctx: SandboxContext, id: string): string {
	return `${ctx.publicUrl()}/api/media/${encodeURIComponent(id)}`;
}
