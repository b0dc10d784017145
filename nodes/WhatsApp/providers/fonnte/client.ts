/**
 * Fonnte: a gateway over a linked WhatsApp number. It has no interactive messages that reliably
 * reach residents and no read-receipt API, so buttons and lists go as numbered text.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OutboundReply } from '../../../domain/messaging/types';
import { toNumberedText } from '../../../domain/messaging/interactive';
import { providerRequest, type RetryPolicy } from '../../transport';
import {
	OFFICE_TEMPLATES,
	officeTemplate,
	renderTemplateText,
} from '../../../domain/messaging/templates';
import type {
	DownloadedMedia,
	DownloadLimits,
	Gateway,
	MediaSource,
	SendOutcome,
	TemplateMessage,
} from '../gateway';
import { buildMultipart } from '../multipart';
import { fonnteMessageIds, fonnteTextBody, fonnteUrlMediaBody } from './requests';
import { downloadPublicFile } from './download';
import { waitForSlot, type SendPace } from './sendPace';

export class FonnteGateway implements Gateway {
	readonly provider = 'fonnte' as const;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly baseUrl: string,
		private readonly itemIndex: number,
		private readonly retry: RetryPolicy,
		/** The office number's send queue (./sendPace): its key and pace. */
		private readonly queue: { key: string; pace: SendPace } = {
			key: '',
			pace: { delayMs: 0, jitterMs: 0 },
		},
	) {}

	private async send(
		body: Record<string, string> | Buffer,
		contentType?: string,
	): Promise<string[]> {
		await waitForSlot(this.queue.key, this.queue.pace);
		const res = await providerRequest(
			this.ctx,
			'fonnte',
			{
				method: 'POST',
				url: `${this.baseUrl}/send`,
				body,
				headers: contentType ? { 'Content-Type': contentType } : undefined,
				json: !contentType,
			},
			this.itemIndex,
			this.retry,
		);
		return fonnteMessageIds(res.body);
	}

	async sendText(to: string, text: string): Promise<SendOutcome> {
		return { messageIds: await this.send(fonnteTextBody(to, text)) };
	}

	async sendReply(to: string, reply: OutboundReply): Promise<SendOutcome> {
		if (reply.type === 'text') return this.sendText(to, reply.text);
		const outcome = await this.sendText(to, toNumberedText(reply));
		return { ...outcome, fallback: 'numberedText' };
	}

	async sendMedia(
		to: string,
		_kind: 'document' | 'image',
		source: MediaSource,
		options: { fileName?: string; caption?: string },
	): Promise<SendOutcome> {
		if (!source.file) {
			return { messageIds: await this.send(fonnteUrlMediaBody(to, source.url ?? '', options)) };
		}
		const fields: Record<string, string> = { target: to };
		if (options.caption) fields.message = options.caption;
		const fileName = options.fileName || source.file.fileName;
		if (fileName) fields.filename = fileName;
		const form = buildMultipart(fields, { file: { ...source.file, fileName } });
		return { messageIds: await this.send(form.body, form.contentType) };
	}

	async prepareMedia(source: MediaSource): Promise<MediaSource> {
		return source;
	}

	/** Fonnte has no templates and no window: the template's wording goes as text (or as a caption). */
	async sendTemplate(to: string, message: TemplateMessage): Promise<SendOutcome> {
		const office = officeTemplate(message.name);
		if (!office) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				`Fonnte has no message templates, and "${message.name}" is not one of the office's templates`,
				{
					description: `Fonnte sends a template's wording as plain text; it knows the package's templates (${OFFICE_TEMPLATES.map((t) => t.template.name).join(', ')}). Use Send Text for other messages.`,
					itemIndex: this.itemIndex,
				},
			);
		}
		let text = renderTemplateText(office.template, message.bodyParameters);
		const header = message.header;
		if (header?.kind === 'text' && header.text) text = `*${header.text}*\n${text}`;
		if (
			header &&
			header.kind !== 'text' &&
			header.media &&
			(header.media.file || header.media.url)
		) {
			return this.sendMedia(to, header.kind, header.media, {
				caption: text,
				fileName: header.fileName,
			});
		}
		return this.sendText(to, text);
	}

	async downloadMedia(ref: { url?: string }, limits: DownloadLimits): Promise<DownloadedMedia> {
		const url = (ref.url ?? '').trim();
		if (!/^https?:\/\//i.test(url)) {
			throw new NodeOperationError(this.ctx.getNode(), `"${url}" is not a media URL`, {
				description: 'Use the media.url of a message from the WhatsApp Gateway Trigger (Fonnte).',
				itemIndex: this.itemIndex,
			});
		}
		return await downloadPublicFile(this.ctx, url, this.itemIndex, limits);
	}

	async markRead(): Promise<{ read: boolean; note: string }> {
		return {
			read: false,
			note: 'Fonnte has no read-receipt API; turn on "autoread" for the device in the Fonnte dashboard instead.',
		};
	}
}
