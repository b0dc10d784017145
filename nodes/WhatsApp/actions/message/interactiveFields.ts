/** Parameters of the interactive messages (Send Buttons, Send List): text, choices, header, footer. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

type Show = Record<string, string[]>;

/** The message body above the buttons or the list button. */
function bodyTextProperty(show: Show, description: string): INodeProperties {
	return {
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description,
		displayOptions: { show },
	};
}

/**
 * The choices a resident can tap (buttons, list rows): each an ID sent back as replyId, a
 * title and, for list rows, a description.
 */
interface Choices {
	/** The collection's parameter name and its display name ("buttons", "Buttons"). */
	collection: string;
	displayName: string;
	/** One choice's name and display name ("button", "Button"). */
	item: string;
	itemDisplayName: string;
	description: string;
	/** List rows have a description under their title; buttons do not. */
	withDescription?: boolean;
}

function choicesProperty(show: Show, names: Choices): INodeProperties {
	return {
		displayName: names.displayName,
		name: names.collection,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${names.itemDisplayName}`,
		default: {},
		description: names.description,
		displayOptions: { show },
		options: [
			{
				displayName: names.itemDisplayName,
				name: names.item,
				values: [
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						default: '',
						description: 'Sent back as replyId when chosen',
					},
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
					...(names.withDescription
						? [
								{
									displayName: 'Description',
									name: 'description',
									type: 'string' as const,
									default: '',
								},
							]
						: []),
				],
			},
		],
	};
}

/**
 * An interactive message's parameters in the order the UI shows them: the text, `between` (the
 * list's button label and section title), the choices, then the optional header and footer.
 */
export function interactiveProperties(
	show: Show,
	text: string,
	choices: Parameters<typeof choicesProperty>[1] & {
		description: string;
		withDescription?: boolean;
	},
	between: INodeProperties[] = [],
): INodeProperties[] {
	return [
		bodyTextProperty(show, text),
		...between,
		choicesProperty(show, choices),
		...headerFooterProperties(show),
	];
}

/** The choices with a title, numbered from 1 where the ID is left empty. */
export function readChoices(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
): Array<{ id: string; title: string; description?: string }> {
	const raw = (ctx.getNodeParameter(path, itemIndex, []) as IDataObject[]) ?? [];
	return raw
		.map((r, i) => ({
			id: String(r.id || i + 1),
			title: String(r.title ?? ''),
			...(r.description ? { description: String(r.description) } : {}),
		}))
		.filter((r) => r.title);
}

function headerFooterProperties(show: Show): INodeProperties[] {
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
