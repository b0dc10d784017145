/**
 * Drive's `permissions.create` (POST /drive/v3/files/{fileId}/permissions) as Google documents
 * it: `role` and `type` are required, `emailAddress` for a user or group, `domain` for a domain;
 * the answer is the Permission resource (kind, id, type, role). Works on any file, a spreadsheet
 * included. The sandbox keeps the permissions so a test can see with whom a file is shared.
 */
import type { SandboxContext, StandInResponse } from './context';
import { json } from './context';
import { googleError } from './google-auth';
import { randomId } from './ids';

const ROLES = new Set(['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader']);
const TYPES = new Set(['user', 'group', 'domain', 'anyone']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SandboxPermission {
	id: string;
	type: string;
	role: string;
	emailAddress?: string;
	domain?: string;
}

/** The permissions the sandbox holds, per file id (kept beside the state, not in old files). */
export function permissionsOf(ctx: SandboxContext, fileId: string): SandboxPermission[] {
	const data = ctx.state.data as { permissions?: Record<string, SandboxPermission[]> };
	data.permissions ??= {};
	return (data.permissions[fileId] ??= []);
}

export function createPermission(
	ctx: SandboxContext,
	fileId: string,
	body: Record<string, unknown>,
): StandInResponse {
	const type = String(body.type ?? '');
	const role = String(body.role ?? '');
	if (!type) return googleError(400, 'The permission type field is required.');
	if (!role) return googleError(400, 'The permission role field is required.');
	if (!TYPES.has(type)) return googleError(400, `Invalid permission type: ${type}`);
	if (!ROLES.has(role)) return googleError(400, `Invalid permission role: ${role}`);
	const emailAddress = String(body.emailAddress ?? '').trim();
	if ((type === 'user' || type === 'group') && !EMAIL.test(emailAddress))
		return googleError(
			400,
			emailAddress
				? `Invalid sharing request: ${emailAddress} is not a valid email address.`
				: 'The permission emailAddress field is required for type user or group.',
		);
	const domain = String(body.domain ?? '').trim();
	if (type === 'domain' && !domain)
		return googleError(400, 'The permission domain field is required for type domain.');
	const list = permissionsOf(ctx, fileId);
	// Sharing again with the same person changes the role rather than adding a second entry.
	const same = list.find(
		(p) =>
			p.type === type && (p.emailAddress ?? p.domain) === (emailAddress || domain || undefined),
	);
	const permission: SandboxPermission = same ?? {
		id: type === 'anyone' ? 'anyoneWithLink' : randomId(20),
		type,
		role,
		...(emailAddress ? { emailAddress } : {}),
		...(domain ? { domain } : {}),
	};
	permission.role = role;
	if (!same) list.push(permission);
	ctx.state.changed({ kind: 'calls' });
	return json(200, { kind: 'drive#permission', id: permission.id, type, role });
}
