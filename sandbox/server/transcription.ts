/**
 * `api.openai.com`: the audio transcription endpoint an office's voice notes are sent to when it
 * switches them on (OpenAI's `POST /v1/audio/transcriptions`, which self-hosted servers such as
 * whisper.cpp's also speak). Played as documented: multipart/form-data with `file` and `model`
 * (`language`, `response_format` optional), a Bearer key, `{ "text": … }` back, and OpenAI's
 * error shape (`{ error: { message, type, param, code } }`) for a missing key (401), a missing
 * file or model or a file that is not audio (400).
 *
 * The sandbox has no speech recogniser: a sandbox voice note carries its words after the marker
 * `SPOKEN_MARKER` (see `voiceNoteOf`), and this stand-in hears those words; any other audio is
 * heard as silence (an empty text).
 */
import type { SandboxContext, StandInRequest, StandInResponse } from './context';
import { bearerToken, parseMultipart } from './http-util';

export const TRANSCRIPTION_HOST = 'api.openai.com';
export const SPOKEN_MARKER = 'spoken:';

/** A sandbox voice note (Ogg/Opus as WhatsApp records them) in which the stand-in hears `words`. */
export function voiceNoteOf(words: string): Buffer {
	return Buffer.concat([Buffer.from('OggS\0\u0002'), Buffer.from(`${SPOKEN_MARKER}${words}`)]);
}

function openAiError(
	status: number,
	message: string,
	type: string,
	param: string | null,
	code: string | null,
): StandInResponse {
	return { status, json: { error: { message, type, param, code } } };
}

const AUDIO = /^(audio\/|video\/(mp4|webm|mpeg)|application\/ogg|application\/octet-stream)/;

export async function handleTranscription(
	_ctx: SandboxContext,
	req: StandInRequest,
): Promise<StandInResponse> {
	if (req.method !== 'POST' || req.rawPath !== '/v1/audio/transcriptions')
		return openAiError(
			404,
			`Invalid URL (${req.method} ${req.rawPath})`,
			'invalid_request_error',
			null,
			null,
		);
	if (!bearerToken(req))
		return openAiError(
			401,
			"You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
			'invalid_request_error',
			null,
			null,
		);
	const contentType = String(req.headers['content-type'] ?? '');
	if (!contentType.includes('multipart/form-data'))
		return openAiError(400, 'Could not parse multipart form', 'invalid_request_error', null, null);
	const parts = parseMultipart(req.body, contentType);
	const file = parts.find((p) => p.name === 'file');
	const model = parts
		.find((p) => p.name === 'model')
		?.data.toString('utf8')
		.trim();
	if (!file || file.data.length === 0)
		return openAiError(
			400,
			"Missing required parameter: 'file'.",
			'invalid_request_error',
			'file',
			null,
		);
	if (!model)
		return openAiError(
			400,
			"Missing required parameter: 'model'.",
			'invalid_request_error',
			'model',
			null,
		);
	if (file.contentType && !AUDIO.test(file.contentType))
		return openAiError(
			400,
			'Invalid file format. Supported formats: flac, m4a, mp3, mp4, mpeg, mpga, oga, ogg, wav, webm',
			'invalid_request_error',
			null,
			null,
		);
	const bytes = file.data.toString('utf8');
	const at = bytes.indexOf(SPOKEN_MARKER);
	const text = at < 0 ? '' : bytes.slice(at + SPOKEN_MARKER.length).trim();
	return { status: 200, json: { text } };
}
