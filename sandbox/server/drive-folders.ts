// Google Drive's folder rules as the sandbox plays them: a folder is a file whose mimeType is
// application/vnd.google-apps.folder; a file lives in exactly one parent folder (no parent given:
// My Drive's root, also called "root"); a parent that does not exist is 404 "File not found", one
// that is not a folder is 400 "The specified parent is not a folder", a second parent is 403
// cannotAddParent; deleting a folder deletes everything in it, trashing it trashes everything in it.
import type { SandboxContext, StandInResponse } from './context';
import { googleError } from './google-auth';
import type { StoredFile } from './state';

export const FOLDER = 'application/vnd.google-apps.folder';
/** My Drive's root folder (Drive answers with its real id; "root" is an alias for it). */
export const DRIVE_ROOT_ID = '0ASandboxMyDriveRoot0Uk9PVA';
const OFFICE_FOLDER_NAME = 'Berkas Permohonan (sandbox)';

function folder(id: string, name: string, parents: string[]): StoredFile {
	return {
		id,
		name,
		mimeType: FOLDER,
		dataBase64: '',
		sha256: '',
		size: 0,
		createdTime: new Date().toISOString(),
		parents,
		kind: 'drive',
	};
}

/** My Drive's root and the office's folder (the one shared with the service account) exist. */
export function prepareDrive(ctx: SandboxContext): void {
	const files = ctx.state.data.files;
	files[DRIVE_ROOT_ID] ??= folder(DRIVE_ROOT_ID, 'My Drive', []);
	const officeId = ctx.settings.driveFolderId;
	files[officeId] ??= folder(officeId, OFFICE_FOLDER_NAME, [DRIVE_ROOT_ID]);
}

const error = (status: number, message: string) => ({ error: googleError(status, message) });

/** The parent ids a request names, resolved ("root") and checked; none means My Drive. */
export function resolveParents(
	ctx: SandboxContext,
	requested: unknown,
): { parents: string[] } | { error: StandInResponse } {
	const ids = (Array.isArray(requested) ? requested : []).filter(Boolean).map(String);
	if (ids.length === 0) return { parents: [DRIVE_ROOT_ID] };
	if (ids.length > 1) return error(403, 'Increasing the number of parents is not allowed');
	return checkParent(ctx, ids[0]);
}

function checkParent(
	ctx: SandboxContext,
	id: string,
): { parents: string[] } | { error: StandInResponse } {
	const resolved = id === 'root' ? DRIVE_ROOT_ID : id;
	const parent = ctx.state.data.files[resolved];
	if (!parent || parent.kind !== 'drive' || parent.trashed)
		return error(404, `File not found: ${id}.`);
	if (parent.mimeType !== FOLDER) return error(400, 'The specified parent is not a folder.');
	return { parents: [resolved] };
}

/** A PATCH's addParents/removeParents applied to `file`, or Drive's refusal. */
export function moveFile(
	ctx: SandboxContext,
	file: StoredFile,
	add: string[],
	remove: string[],
): StandInResponse | undefined {
	const resolve = (id: string) => (id === 'root' ? DRIVE_ROOT_ID : id);
	let parents = (file.parents ?? []).filter((p) => !remove.map(resolve).includes(p));
	for (const id of add) {
		const checked = checkParent(ctx, id);
		if ('error' in checked) return checked.error;
		parents = [...new Set([...parents, ...checked.parents])];
	}
	if (parents.length > 1)
		return googleError(403, 'Increasing the number of parents is not allowed');
	file.parents = parents;
	return undefined;
}

/** `id` and everything below it, when it is a folder. */
export function withDescendants(ctx: SandboxContext, id: string): StoredFile[] {
	const files = Object.values(ctx.state.data.files);
	const found: StoredFile[] = [];
	const queue = [id];
	while (queue.length) {
		const current = ctx.state.data.files[queue.shift() as string];
		if (!current || found.includes(current)) continue;
		found.push(current);
		if (current.mimeType === FOLDER)
			queue.push(...files.filter((f) => f.parents?.includes(current.id)).map((f) => f.id));
	}
	return found;
}

/** Permanently deletes a file, or a folder with everything in it. */
export function deleteFile(ctx: SandboxContext, id: string): void {
	for (const file of withDescendants(ctx, id)) delete ctx.state.data.files[file.id];
	ctx.state.changed({ kind: 'calls' });
}

/** Moves a file, or a folder with everything in it, to the trash (or back). */
export function trashFile(ctx: SandboxContext, id: string, trashed: boolean): void {
	for (const file of withDescendants(ctx, id)) file.trashed = trashed;
	ctx.state.changed({ kind: 'calls' });
}
