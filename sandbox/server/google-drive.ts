import { createHash } from 'node:crypto';
import type { SandboxContext, StandInRequest, StandInResponse } from './context';
import { json } from './context';
import { googleError, requireGoogleToken } from './google-auth';
import { parseJson, parseMultipart } from './http-util';
import {
	DRIVE_ROOT_ID,
	deleteFile,
	FOLDER,
	moveFile,
	resolveParents,
	trashFile,
} from './drive-folders';
import { createPermission } from './drive-permissions';
import { randomId } from './ids';
import type { Spreadsheet } from './sheets-model';
import type { StoredFile } from './state';

interface PendingUpload {
	metadata: Record<string, any>;
	mimeType: string;
	chunks: Buffer[];
	received: number;
}

/** Resumable uploads in progress, per sandbox. */
const pendingUploads = new WeakMap<SandboxContext, Map<string, PendingUpload>>();

function resource(ctx: SandboxContext, file: StoredFile) {
	const link = `${ctx.publicUrl()}/api/media/${file.id}`;
	return {
		kind: 'drive#file',
		id: file.id,
		name: file.name,
		mimeType: file.mimeType,
		parents: file.parents ?? [],
		createdTime: file.createdTime,
		modifiedTime: file.createdTime,
		trashed: !!file.trashed,
		webViewLink: link,
		...(file.mimeType === FOLDER
			? {}
			: {
					webContentLink: `${link}?download=1`,
					size: String(file.size),
					sha256Checksum: file.sha256,
				}),
	};
}

/**
 * `files.get` on a Google Sheet: Drive's default fields, or only those `fields` names (as Drive
 * answers `fields=version`: `{"version": "<int64 as a string>"}`).
 */
function spreadsheetFile(sheet: Spreadsheet, fields: string | null): Record<string, unknown> {
	const full: Record<string, unknown> = {
		kind: 'drive#file',
		id: sheet.spreadsheetId,
		name: sheet.title,
		mimeType: 'application/vnd.google-apps.spreadsheet',
		version: String(sheet.version ?? 1),
		modifiedTime: sheet.modifiedTime ?? new Date(0).toISOString(),
	};
	const wanted = fields
		? fields.split(',').map((f) => f.trim())
		: ['kind', 'id', 'name', 'mimeType'];
	return Object.fromEntries(wanted.filter((f) => f in full).map((f) => [f, full[f]]));
}

/** Stores a new file (or folder) in the parent the metadata names, or answers Drive's refusal. */
function store(
	ctx: SandboxContext,
	metadata: Record<string, any>,
	data: Buffer,
	mimeType: string,
): StandInResponse {
	const placed = resolveParents(ctx, metadata.parents);
	if ('error' in placed) return placed.error;
	const file: StoredFile = {
		id: randomId(33),
		name: String(metadata.name ?? 'Untitled'),
		mimeType: String(metadata.mimeType ?? mimeType ?? 'application/octet-stream'),
		dataBase64: data.toString('base64'),
		sha256: createHash('sha256').update(data).digest('hex'),
		size: data.length,
		createdTime: new Date().toISOString(),
		parents: placed.parents,
		kind: 'drive',
	};
	ctx.state.addFile(file);
	return json(200, resource(ctx, file));
}

/** The subset of Drive's query language the nodes send: name, parent, mimeType, trashed, joined by `and`. */
function matches(file: StoredFile, q: string): boolean {
	return q
		.split(/\s+and\s+/i)
		.map((clause) => clause.trim().replace(/^\(+|\)+$/g, ''))
		.filter(Boolean)
		.every((clause) => {
			let m = /^'(.*)'\s+in\s+parents$/i.exec(clause);
			if (m) return (file.parents ?? []).includes(m[1] === 'root' ? DRIVE_ROOT_ID : m[1]);
			m = /^trashed\s*=\s*(true|false)$/i.exec(clause);
			if (m) return !!file.trashed === (m[1].toLowerCase() === 'true');
			m = /^(name|mimeType)\s*(=|!=|contains)\s*'(.*)'$/i.exec(clause);
			if (m) {
				const actual = m[1] === 'name' ? file.name : file.mimeType;
				const wanted = m[3].replace(/\\'/g, "'");
				if (m[2] === '=') return actual === wanted;
				if (m[2] === '!=') return actual !== wanted;
				return actual.toLowerCase().includes(wanted.toLowerCase());
			}
			// Anything unknown: every sandbox file passes.
			return true;
		});
}

function uploadFile(ctx: SandboxContext, req: StandInRequest): StandInResponse {
	const type = req.query.get('uploadType');
	const contentType = req.headers['content-type'];
	if (type === 'multipart') {
		const [meta, data] = parseMultipart(req.body, contentType);
		if (!meta || !data)
			return googleError(400, 'Multipart upload needs a metadata part and a media part');
		const metadata = parseJson(meta.data) as Record<string, any>;
		return store(ctx, metadata, data.data, data.contentType ?? 'application/octet-stream');
	}
	if (type === 'media') {
		return store(ctx, {}, req.body, contentType ?? 'application/octet-stream');
	}
	if (type === 'resumable') {
		const uploadId = randomId(40);
		const uploads = pendingUploads.get(ctx) ?? new Map<string, PendingUpload>();
		pendingUploads.set(ctx, uploads);
		const metadata = parseJson(req.body) as Record<string, any>;
		const mimeType = String(
			req.headers['x-upload-content-type'] ?? metadata.mimeType ?? 'application/octet-stream',
		);
		uploads.set(uploadId, { metadata, mimeType, chunks: [], received: 0 });
		const location = `https://www.googleapis.com/upload/drive/v3/files?uploadType=resumable&upload_id=${uploadId}`;
		return json(200, {}, { Location: location });
	}
	return googleError(400, `Invalid uploadType: ${String(type)}`);
}

function continueUpload(ctx: SandboxContext, req: StandInRequest): StandInResponse {
	const uploadId = req.query.get('upload_id') ?? '';
	const upload = pendingUploads.get(ctx)?.get(uploadId);
	if (!upload) return googleError(404, 'Upload session not found');
	upload.chunks.push(req.body);
	upload.received += req.body.length;
	const total = /\/(\d+)$/.exec(String(req.headers['content-range'] ?? ''))?.[1];
	if (total !== undefined && upload.received < Number(total)) {
		return { status: 308, headers: { Range: `bytes=0-${upload.received - 1}` } };
	}
	pendingUploads.get(ctx)?.delete(uploadId);
	return store(ctx, upload.metadata, Buffer.concat(upload.chunks), upload.mimeType);
}

export function handleDrive(ctx: SandboxContext, req: StandInRequest): StandInResponse {
	const { method, query } = req;
	const path = req.rawPath;
	// Like Google, a resumable session URI authorises its chunks itself (n8n sends them without a token).
	if (path === '/upload/drive/v3/files' && method === 'PUT') return continueUpload(ctx, req);
	const denied = requireGoogleToken(req);
	if (denied) return denied;
	const files = ctx.state.data.files;
	if (path === '/upload/drive/v3/files' && method === 'POST') return uploadFile(ctx, req);
	if (path === '/drive/v3/files' && method === 'POST') {
		const metadata = parseJson(req.body) as Record<string, any>;
		return store(
			ctx,
			metadata,
			Buffer.alloc(0),
			String(metadata.mimeType ?? 'application/octet-stream'),
		);
	}
	if (path === '/drive/v3/files' && method === 'GET') {
		const q = query.get('q') ?? '';
		// Like Drive, a listing never includes My Drive's root itself.
		const found = Object.values(files).filter(
			(f) => f.kind === 'drive' && f.id !== DRIVE_ROOT_ID && matches(f, q),
		);
		return json(200, {
			kind: 'drive#fileList',
			incompleteSearch: false,
			files: found.map((f) => resource(ctx, f)),
		});
	}
	const m = /^\/drive\/v3\/files\/([^/]+)(\/permissions)?$/.exec(path);
	const wanted = m ? decodeURIComponent(m[1]) : '';
	const spreadsheet = m ? ctx.state.data.spreadsheets[wanted] : undefined;
	if (spreadsheet && m?.[2] && method === 'POST')
		return createPermission(ctx, wanted, parseJson(req.body) as Record<string, unknown>);
	if (spreadsheet && method === 'GET')
		return json(200, spreadsheetFile(spreadsheet, query.get('fields')));
	if (spreadsheet && method === 'DELETE') {
		// A spreadsheet is a Drive file: deleting it there is how an admin loses it.
		delete ctx.state.data.spreadsheets[wanted];
		ctx.state.changed({ kind: 'sheet', spreadsheetId: wanted });
		return { status: 204 };
	}
	const file = m ? files[wanted === 'root' ? DRIVE_ROOT_ID : wanted] : undefined;
	if (!m || !file || file.kind !== 'drive')
		return googleError(404, `File not found: ${m?.[1] ?? path}.`);
	if (m[2] && method === 'POST')
		return createPermission(ctx, file.id, parseJson(req.body) as Record<string, unknown>);
	if (method === 'GET' && query.get('alt') === 'media') {
		return {
			status: 200,
			bytes: { data: Buffer.from(file.dataBase64, 'base64'), mimeType: file.mimeType },
		};
	}
	if (method === 'GET') return json(200, resource(ctx, file));
	if (method === 'PATCH') {
		const body = parseJson(req.body) as Record<string, any>;
		if (body.name) file.name = String(body.name);
		if (body.mimeType) file.mimeType = String(body.mimeType);
		const add = (query.get('addParents') ?? '').split(',').filter(Boolean);
		const remove = (query.get('removeParents') ?? '').split(',').filter(Boolean);
		const refused = moveFile(ctx, file, add, remove);
		if (refused) return refused;
		if (typeof body.trashed === 'boolean') trashFile(ctx, file.id, body.trashed);
		ctx.state.addFile(file);
		return json(200, resource(ctx, file));
	}
	if (method === 'DELETE') {
		if (file.id === DRIVE_ROOT_ID)
			return googleError(403, 'The user does not have sufficient permissions for this file.');
		deleteFile(ctx, file.id);
		return { status: 204 };
	}
	return googleError(404, `Method not found: ${method} ${path}`);
}
