/**
 * Validation of an outbound message the way Meta's Cloud API answers it: the limits of
 * interactive messages (3 buttons, 20-character titles, 10 list rows, …) give a 400 with
 * code 131009, missing parameters code 100.
 */
export class MetaError extends Error {
	constructor(
		readonly code: number,
		message: string,
		readonly details?: string,
		readonly status = 400,
	) {
		super(message);
	}

	toJson(): unknown {
		return {
			error: {
				message: this.message,
				type: 'OAuthException',
				code: this.code,
				...(this.details
					? { error_data: { messaging_product: 'whatsapp', details: this.details } }
					: {}),
				fbtrace_id: 'Sandbox' + Math.random().toString(36).slice(2, 12),
			},
		};
	}
}

const invalid = (details: string) =>
	new MetaError(131009, '(#131009) Parameter value is not valid', details);

function checkLength(value: unknown, max: number, what: string): void {
	const text = typeof value === 'string' ? value : '';
	if (text.length < 1 || [...text].length > max) {
		throw invalid(`${what} length invalid. Min length: 1, Max length: ${max}`);
	}
}

export function validateOutbound(body: Record<string, any>): void {
	if (body.messaging_product !== 'whatsapp') {
		throw new MetaError(100, '(#100) The parameter messaging_product is required.');
	}
	if (body.status === 'read') {
		if (!body.message_id) throw new MetaError(100, '(#100) The parameter message_id is required.');
		return;
	}
	if (!body.to) throw new MetaError(100, '(#100) The parameter to is required.');
	const type = body.type ?? 'text';
	const content = body[type];
	if (!content || typeof content !== 'object') {
		throw new MetaError(100, `(#100) The parameter ${type} is required.`);
	}
	if (type === 'text') checkLength(content.body, 4096, 'Text body');
	if ((type === 'image' || type === 'document') && !content.id && !content.link) {
		throw new MetaError(100, `(#100) Param ${type}['id'] or ${type}['link'] is required`);
	}
	if (type === 'interactive') validateInteractive(content);
}

function validateInteractive(interactive: Record<string, any>): void {
	checkLength(interactive.body?.text, 1024, 'Body text');
	if (interactive.header?.type === 'text') checkLength(interactive.header.text, 60, 'Header text');
	if (interactive.footer) checkLength(interactive.footer.text, 60, 'Footer text');
	const action = interactive.action ?? {};
	if (interactive.type === 'button') {
		const buttons: any[] = Array.isArray(action.buttons) ? action.buttons : [];
		if (buttons.length < 1 || buttons.length > 3) {
			throw invalid('Buttons count invalid. Min count: 1, Max count: 3');
		}
		const ids = new Set<string>();
		for (const button of buttons) {
			checkLength(button?.reply?.title, 20, 'Button title');
			checkLength(button?.reply?.id, 256, 'Button id');
			if (ids.has(button.reply.id)) throw invalid('Button id is duplicate');
			ids.add(button.reply.id);
		}
		return;
	}
	if (interactive.type === 'list') {
		checkLength(action.button, 20, 'Button label');
		const sections: any[] = Array.isArray(action.sections) ? action.sections : [];
		if (sections.length < 1 || sections.length > 10)
			throw invalid('Sections count invalid. Min count: 1, Max count: 10');
		const rows = sections.flatMap((section) => (Array.isArray(section?.rows) ? section.rows : []));
		if (rows.length < 1 || rows.length > 10)
			throw invalid('Total row count exceed max allowed count: 10');
		if (sections.length > 1) sections.forEach((s) => checkLength(s?.title, 24, 'Section title'));
		const ids = new Set<string>();
		for (const row of rows) {
			checkLength(row?.title, 24, 'Row title');
			checkLength(row?.id, 200, 'Row id');
			if (row.description !== undefined) {
				if (typeof row.description !== 'string' || [...row.description].length > 72) {
					throw invalid('Row description length invalid. Max length: 72');
				}
			}
			if (ids.has(row.id)) throw invalid('Row id is duplicate');
			ids.add(row.id);
		}
		return;
	}
	throw invalid(`Interactive type ${String(interactive.type)} is not supported by the sandbox`);
}
