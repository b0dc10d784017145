import { createHash } from 'node:crypto';
import type { SandboxContext } from './context';
import { metaMediaId } from './ids';
import type { StoredFile } from './state';

/**
 * Stores bytes as Meta media (a resident's photo, or a file n8n uploaded before sending it), or
 * as another provider's attachment (`kind`, `id`).
 */
export function storeMetaMedia(
	ctx: SandboxContext,
	data: Buffer,
	mimeType: string,
	name: string,
	as: { kind: StoredFile['kind']; id: string } = { kind: 'meta-media', id: metaMediaId() },
): StoredFile {
	const file: StoredFile = {
		id: as.id,
		name,
		mimeType,
		dataBase64: data.toString('base64'),
		sha256: createHash('sha256').update(data).digest('hex'),
		size: data.length,
		createdTime: new Date().toISOString(),
		kind: as.kind,
	};
	ctx.state.addFile(file);
	return file;
}

export function mediaUrl(ctx: SandboxContext, id: string): string {
	return `${ctx.publicUrl()}/api/media/${encodeURIComponent(id)}`;
}
