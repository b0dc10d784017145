/** One route of the sandbox's own API (api.ts, meta-window-api.ts). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext } from './context';

type Params = string[];
export type Handler = (
	ctx: SandboxContext,
	req: IncomingMessage,
	res: ServerResponse,
	params: Params,
	url: URL,
) => Promise<void>;
