import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export function headerFooterProperties(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Header',
			name: 'header',
			type: 'string',
			default: '',
			description: 'Optional bold line above the text (at most 60 characters)',
			displayOptions: { show },
		},
		{
			displayName: 'Footer',
			name: 'footer',
			type: 'string',
			default: '',
			description: 'Optional grey line below the text (at most 60 characters)',
			displayOptions: { show },
		},
	];
}

export function readHeaderFooter(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { header?: string; footer?: string } {
	const header = String(ctx.getNodeParameter('header', itemIndex, '') ?? '');
	const footer = String(ctx.getNodeParameter('footer', itemIndex, '') ?? '');
	return { ...(header ? { header } : {}), ...(footer ? { footer } : {}) };
}
