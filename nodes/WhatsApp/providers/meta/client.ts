/** WhatsApp Cloud API: sending, uploading, downloading and read receipts. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OutboundReply } from '../../../domain/messaging/types';
import { fitsInteractive, splitText, toNumberedText } from '../../../domain/messaging/interactive';
import { extensionFor, mediaProblem } from '../../../domain/messaging/media';
import { providerRequest, type RetryPolicy } from '../../transport';
import type { TemplateDefinition } from '../../../domain/messaging/templates';
import type {
	DownloadedMedia,
	DownloadLimits,
	Gateway,
	MediaSource,
	SendOutcome,
	TemplateMessage,
} from '../gateway';
import { buildMultipart } from '../multipart';
import { isObject, str } from '../../../domain/values';
import {
	metaInteractiveBody,
	metaMarkReadBody,
	metaMediaBody,
	metaMessageIds,
	metaTemplateBody,
	metaTextBody,
	type TemplateHeaderParameter,
} from './requests';

export interface MetaSettings {
	baseUrl: string;
	version: string;
	phoneNumberId: string;
	/** WhatsApp Business Account id: templates are created under it. */
	businessAccountId?: string;
}

export class MetaGateway implements Gateway {
	readonly provider = 'meta' as const;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly s: MetaSettings,
		private readonly itemIndex: number,
		private readonly retry: RetryPolicy,
	) {
		if (!s.phoneNumberId) {
			throw new NodeOperationError(
				ctx.getNode(),
				'The WhatsApp Cloud API credential has no phone number ID',
				{
					description: 'Copy it from the app dashboard: WhatsApp → API Setup → Phone number ID.',
					itemIndex,
				},
			);
		}
	}

	private url(path: string): string {
		return `${this.s.baseUrl}/${this.s.version}/${path}`;
	}

	private async post(
		path: string,
		body: unknown,
		headers?: Record<string, string>,
	): Promise<unknown> {
		const res = await providerRequest(
			this.ctx,
			'meta',
			{ method: 'POST', url: this.url(path), body: body as Buffer, headers, json: !headers },
			this.itemIndex,
			this.retry,
		);
		return res.body;
	}

	private async send(body: unknown): Promise<string[]> {
		return metaMessageIds(await this.post(`${this.s.phoneNumberId}/messages`, body));
	}

	async sendText(to: string, text: string): Promise<SendOutcome> {
		const messageIds: string[] = [];
		for (const part of splitText(text))
			messageIds.push(...(await this.send(metaTextBody(to, part))));
		return { messageIds };
	}

	async sendReply(to: string, reply: OutboundReply): Promise<SendOutcome> {
		if (reply.type === 'text') return this.sendText(to, reply.text);
		if (!fitsInteractive(reply)) {
			const outcome = await this.sendText(to, toNumberedText(reply));
			return { ...outcome, fallback: 'numberedText' };
		}
		return { messageIds: await this.send(metaInteractiveBody(to, reply)) };
	}

	async prepareMedia(source: MediaSource, kind: 'document' | 'image'): Promise<MediaSource> {
		if (!source.file) return source;
		const { data, mimeType, fileName } = source.file;
		const problem = mediaProblem(kind, data.length, mimeType);
		if (problem) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				`Media too large or of the wrong type: ${problem}`,
				{
					description: 'Compress or split the file, or send a link to it instead.',
					itemIndex: this.itemIndex,
				},
			);
		}
		const form = buildMultipart(
			{ messaging_product: 'whatsapp', type: mimeType },
			{ file: { data, mimeType, fileName } },
		);
		const uploaded = await this.post(`${this.s.phoneNumberId}/media`, form.body, {
			'Content-Type': form.contentType,
		});
		const id = isObject(uploaded) ? str(uploaded.id) : '';
		if (!id) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				'WhatsApp accepted the upload but returned no media id',
				{ itemIndex: this.itemIndex },
			);
		}
		return { id, url: source.url };
	}

	async sendMedia(
		to: string,
		kind: 'document' | 'image',
		source: MediaSource,
		options: { fileName?: string; caption?: string },
	): Promise<SendOutcome> {
		const ready = await this.prepareMedia(source, kind);
		const ref = ready.id ? { id: ready.id } : { link: ready.url };
		return { messageIds: await this.send(metaMediaBody(to, kind, ref, options)) };
	}

	async sendTemplate(to: string, message: TemplateMessage): Promise<SendOutcome> {
		let header: TemplateHeaderParameter | undefined;
		if (message.header?.kind === 'text') {
			header = { kind: 'text', text: message.header.text ?? '' };
		} else if (message.header) {
			const ready = await this.prepareMedia(message.header.media ?? {}, message.header.kind);
			header = {
				kind: message.header.kind,
				ref: ready.id ? { id: ready.id } : { link: ready.url },
				fileName: message.header.fileName,
			};
		}
		const body = metaTemplateBody(to, { ...message, header });
		return { messageIds: await this.send(body) };
	}

	/** `POST /{waba-id}/message_templates`: Meta answers `{id, status, category}`. */
	async createTemplate(definition: TemplateDefinition): Promise<Record<string, unknown>> {
		if (!this.s.businessAccountId) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				'The WhatsApp Cloud API credential has no Business Account ID',
				{
					description:
						'Templates belong to the WhatsApp Business Account: copy its ID from WhatsApp Manager → Account tools → Phone numbers (or the app dashboard → WhatsApp → API Setup) into the credential.',
					itemIndex: this.itemIndex,
				},
			);
		}
		const res = await this.post(`${this.s.businessAccountId}/message_templates`, definition);
		return isObject(res) ? res : {};
	}

	async downloadMedia(ref: { id?: string }, limits: DownloadLimits): Promise<DownloadedMedia> {
		const mediaId = (ref.id ?? '').trim();
		if (!/^[\w.-]+$/.test(mediaId)) {
			throw new NodeOperationError(this.ctx.getNode(), `"${mediaId}" is not a WhatsApp media id`, {
				description: 'Use the media.id of a message from the WhatsApp Gateway Trigger.',
				itemIndex: this.itemIndex,
			});
		}
		const info = await providerRequest(
			this.ctx,
			'meta',
			{
				method: 'GET',
				url: this.url(mediaId),
				qs: { phone_number_id: this.s.phoneNumberId },
				json: true,
			},
			this.itemIndex,
			this.retry,
		);
		const meta = isObject(info.body) ? info.body : {};
		const url = str(meta.url);
		if (!url) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				`WhatsApp returned no download URL for media ${mediaId}`,
				{
					itemIndex: this.itemIndex,
				},
			);
		}
		const tooLarge = (bytes: number) =>
			new NodeOperationError(
				this.ctx.getNode(),
				`Media ${mediaId} is ${Math.round(bytes / 1024 / 1024)} MB, more than the ${Math.round(limits.maxBytes / 1024 / 1024)} MB allowed`,
				{ description: 'Raise "Max Attachment Size" to accept it.', itemIndex: this.itemIndex },
			);
		// Meta states the size up front: refuse before downloading.
		if (Number(meta.file_size) > limits.maxBytes) throw tooLarge(Number(meta.file_size));
		// The URL is Meta's and needs the same bearer token.
		const file = await providerRequest(
			this.ctx,
			'meta',
			{ method: 'GET', url, encoding: 'arraybuffer', timeout: limits.timeoutMs },
			this.itemIndex,
			this.retry,
		);
		const bytes = (file.body as Buffer).length;
		if (bytes > limits.maxBytes) throw tooLarge(bytes);
		const mimeType = str(meta.mime_type) || 'application/octet-stream';
		const ext = extensionFor(mimeType);
		return { data: Buffer.from(file.body as Buffer), mimeType, fileName: `${mediaId}.${ext}` };
	}

	async markRead(messageId: string): Promise<{ read: boolean }> {
		const res = await this.post(`${this.s.phoneNumberId}/messages`, metaMarkReadBody(messageId));
		return { read: isObject(res) && res.success === true };
	}
}
