import { ReplyShapeError, toReplies } from '../replies';
import { mediaProblem } from '../media';

describe('toReplies', () => {
	it('accepts the service desk shapes and fills missing ids with positions', () => {
		expect(
			toReplies([
				{ type: 'text', text: 'Halo' },
				{
					type: 'buttons',
					text: 'Pilih',
					buttons: [{ title: 'Ya' }, { id: 'no', title: 'Tidak' }],
					footer: 'f',
				},
				{
					type: 'list',
					text: 'L',
					button: 'Buka',
					sections: [{ title: 'S', rows: [{ id: 'r', title: 'R', description: 'd' }] }],
				},
			]),
		).toEqual([
			{ type: 'text', text: 'Halo' },
			{
				type: 'buttons',
				text: 'Pilih',
				buttons: [
					{ id: '1', title: 'Ya' },
					{ id: 'no', title: 'Tidak' },
				],
				footer: 'f',
			},
			{
				type: 'list',
				text: 'L',
				button: 'Buka',
				sections: [{ title: 'S', rows: [{ id: 'r', title: 'R', description: 'd' }] }],
			},
		]);
	});

	it('accepts one reply object or a plain string', () => {
		expect(toReplies({ type: 'text', text: 'x' })).toEqual([{ type: 'text', text: 'x' }]);
		expect(toReplies(['x'])).toEqual([{ type: 'text', text: 'x' }]);
	});

	it.each([
		[undefined, /no replies/],
		[[{ type: 'text' }], /reply 0 \(text\) has no text/],
		[
			[
				{ type: 'text', text: 'a' },
				{ type: 'buttons', text: 'b', buttons: [{ id: 'x' }] },
			],
			/reply 1.buttons\[0\] has no title/,
		],
		[[{ type: 'list', text: 'b', sections: 'no' }], /reply 0.sections is not an array/],
		[[42], /reply 0 is not an object/],
	])('names the first bad reply (%p)', (value, message) => {
		expect(() => toReplies(value)).toThrow(ReplyShapeError);
		expect(() => toReplies(value)).toThrow(message);
	});
});

describe('mediaProblem', () => {
	it('accepts files inside the per-kind limits and refuses larger ones with the limit', () => {
		expect(mediaProblem('document', 100 * 1024 * 1024, 'application/pdf')).toBeNull();
		expect(mediaProblem('document', 100 * 1024 * 1024 + 1, 'application/pdf')).toMatch(
			/at most 100\.0 MB/,
		);
		expect(mediaProblem('image', 5 * 1024 * 1024, 'image/png')).toBeNull();
	});

	it('refuses images WhatsApp cannot show as images', () => {
		expect(mediaProblem('image', 10, 'image/webp')).toMatch(/JPEG or PNG/);
	});
});
