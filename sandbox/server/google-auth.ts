import type { SandboxContext, StandInRequest, StandInResponse } from './context';
import { json } from './context';
import { bearerToken, parseForm } from './http-util';
import { randomId } from './ids';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const TOKEN_AUDIENCE = 'https://oauth2.googleapis.com/token';

export function googleError(code: number, message: string): StandInResponse {
	const status: Record<number, string> = {
		400: 'INVALID_ARGUMENT',
		401: 'UNAUTHENTICATED',
		403: 'PERMISSION_DENIED',
		404: 'NOT_FOUND',
	};
	return json(code, { error: { code, message, status: status[code] ?? 'UNKNOWN' } });
}

/**
 * Google APIs need a bearer token. The sandbox does not check which one: a service-account token
 * comes from its own token endpoint, an OAuth2 credential's from wherever the runtime put it.
 */
export function requireGoogleToken(req: StandInRequest): StandInResponse | undefined {
	if (bearerToken(req)) return undefined;
	return googleError(
		401,
		'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
	);
}

function tokenError(error: string, description: string): StandInResponse {
	return json(400, { error, error_description: description });
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
	try {
		return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<
			string,
			unknown
		>;
	} catch {
		return undefined;
	}
}

/** `POST oauth2.googleapis.com/token`: the JWT-bearer grant (service accounts) and refresh_token. */
export function handleGoogleToken(_ctx: SandboxContext, req: StandInRequest): StandInResponse {
	if (req.method !== 'POST' || req.rawPath.split('?')[0] !== '/token')
		return googleError(404, 'Not Found');
	const form = parseForm(req.body, req.headers['content-type']);
	const issued = () =>
		json(200, {
			access_token: `ya29.sandbox-${randomId(40)}`,
			token_type: 'Bearer',
			expires_in: 3600,
		});
	if (form.grant_type === 'refresh_token') {
		if (!form.refresh_token)
			return tokenError('invalid_request', 'Missing required parameter: refresh_token');
		return issued();
	}
	if (form.grant_type !== JWT_BEARER)
		return tokenError(
			'unsupported_grant_type',
			`Invalid grant_type: ${String(form.grant_type ?? '')}`,
		);
	const parts = String(form.assertion ?? '').split('.');
	const header = parts.length === 3 ? decodeSegment(parts[0]) : undefined;
	const claims = parts.length === 3 ? decodeSegment(parts[1]) : undefined;
	if (!header || !claims || !parts[2])
		return tokenError('invalid_grant', 'Invalid JWT: not a well-formed JWT');
	if (header.alg !== 'RS256')
		return tokenError('invalid_grant', `Invalid JWT: algorithm ${String(header.alg)} is not RS256`);
	if (!claims.iss || typeof claims.iss !== 'string')
		return tokenError('invalid_grant', 'Invalid JWT: missing iss (client email)');
	if (!claims.scope) return tokenError('invalid_scope', 'Invalid JWT: missing scope');
	if (claims.aud !== TOKEN_AUDIENCE)
		return tokenError('invalid_grant', `Invalid JWT: aud must be ${TOKEN_AUDIENCE}`);
	const now = Math.floor(Date.now() / 1000);
	if (typeof claims.exp === 'number' && claims.exp < now - 300) {
		return tokenError(
			'invalid_grant',
			'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.',
		);
	}
	return issued();
}
