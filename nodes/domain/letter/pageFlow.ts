/**
 * The page flow: where the next piece goes and when a page ends. Layout functions return pieces
 * (a height and their marks at a given top); the flow puts them one below another, starting a
 * new page when a piece does not fit. The only mutable state of layout lives here.
 */
import type { Mark, PageGeometry, Piece, Span } from './marks';

/** Room that ends at the foot of the page rather than push what follows onto the next one. */
export interface Space {
	space: number;
}

export class PageFlow implements Span {
	readonly pages: Mark[][] = [[]];
	readonly left: number;
	readonly right: number;
	readonly width: number;
	readonly top: number;
	readonly bottom: number;
	private cursor: number;

	constructor(readonly page: PageGeometry) {
		const m = page.margin;
		this.left = m.left;
		this.right = page.width - m.right;
		this.width = this.right - this.left;
		this.top = m.top;
		this.bottom = page.height - m.bottom;
		this.cursor = m.top;
		if (this.right - this.left < 100 || this.bottom - m.top < 150) {
			throw new Error('The margins leave too little room for a letter.');
		}
	}

	/** Where the next piece's top goes on the current page. */
	get y(): number {
		return this.cursor;
	}

	newPage(): void {
		this.pages.push([]);
		this.cursor = this.top;
	}

	/** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
	ensure(height: number): void {
		if (this.cursor + height > this.bottom + 0.01 && this.cursor > this.top) this.newPage();
	}

	/** Puts the piece at the cursor on the current page, fitting or not, and moves below it. */
	place(piece: Piece): void {
		const page = this.pages[this.pages.length - 1];
		for (const mark of piece.marks(this.cursor)) page.push(mark);
		this.cursor += piece.height;
	}

	/** Puts the piece on this page if its `keep` (its height) fits, else on the next one. */
	add(piece: Piece): void {
		const keep = piece.keep ?? piece.height;
		if (keep) this.ensure(keep);
		this.place(piece);
	}

	/** Moves the cursor down, past the foot of the page if need be. */
	advance(height: number): void {
		this.cursor += height;
	}

	/** Moves the cursor down, at most to the foot of the page. */
	advanceWithinPage(height: number): void {
		this.cursor = Math.min(this.cursor + height, this.bottom);
	}

	/**
	 * Columns side by side from the cursor, the first column first; the cursor ends below the
	 * longest one, or below the last when an earlier one ran onto a new page.
	 */
	columns(columns: Array<Array<Piece | Space>>): void {
		const top = this.cursor;
		const pagesBefore = this.pages.length;
		let earlierBroke = false;
		const ends = columns.map((column, i) => {
			this.cursor = top;
			for (const item of column) {
				if ('space' in item) this.advanceWithinPage(item.space);
				else this.add(item);
			}
			if (i < columns.length - 1 && this.pages.length !== pagesBefore) earlierBroke = true;
			return this.cursor;
		});
		this.cursor = earlierBroke ? ends[ends.length - 1] : Math.max(...ends);
	}
}
