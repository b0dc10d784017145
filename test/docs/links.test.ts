/**
 * The documentation's links: every relative link and `#heading` anchor in the README,
 * CONTRIBUTING.md, bench/README.md and docs/ points at a file and heading that exist, as GitHub
 * renders them; the nodes' and credentials' documentation URLs into this repository too; and the
 * README stays short.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const ROOT = join(__dirname, '..', '..');
const REPO_URL = 'https://github.com/pecelan/n8n-nodes-pecelan';

function markdownFilesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return markdownFilesUnder(path);
		return entry.name.endsWith('.md') ? [path] : [];
	});
}

const DOCUMENTS = [
	join(ROOT, 'README.md'),
	join(ROOT, 'CONTRIBUTING.md'),
	join(ROOT, 'bench', 'README.md'),
	...markdownFilesUnder(join(ROOT, 'docs')),
];

/** The lines outside fenced code blocks, with inline code spans removed. */
function proseLines(markdown: string): string[] {
	let fenced = false;
	const lines: string[] = [];
	for (const line of markdown.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) {
			fenced = !fenced;
			continue;
		}
		if (!fenced) lines.push(line);
	}
	return lines;
}

/** The anchor GitHub gives a heading's text (github-slugger: lowercase, punctuation dropped). */
export function slug(heading: string): string {
	const text = heading
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/`/g, '')
		.toLowerCase();
	return text.replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
}

const anchorCache = new Map<string, Set<string>>();

/** Every anchor a Markdown file's headings give, duplicates numbered as GitHub numbers them. */
function anchorsOf(file: string): Set<string> {
	const cached = anchorCache.get(file);
	if (cached) return cached;
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	let fenced = false;
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (!heading) continue;
		const base = slug(heading[1]);
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count ? `${base}-${count}` : base);
	}
	anchorCache.set(file, anchors);
	return anchors;
}

/** Why a link from `from` to `target` (a path, optionally with #anchor) is broken, if it is. */
function brokenLink(from: string, target: string): string | undefined {
	const [path, anchor] = target.split('#', 2) as [string, string | undefined];
	const file = path ? resolve(dirname(from), decodeURIComponent(path)) : from;
	if (!existsSync(file)) return `${target}: no file ${relative(ROOT, file)}`;
	if (anchor === undefined) return undefined;
	if (statSync(file).isDirectory() || !file.endsWith('.md'))
		return `${target}: an anchor into something that is not a Markdown file`;
	if (!anchorsOf(file).has(anchor.toLowerCase()))
		return `${target}: ${relative(ROOT, file)} has no heading #${anchor}`;
	return undefined;
}

/** The relative link targets of a Markdown file (links and images, not code, not URLs). */
function linkTargets(file: string): string[] {
	const targets: string[] = [];
	for (const line of proseLines(readFileSync(file, 'utf8'))) {
		const prose = line.replace(/`[^`]*`/g, '');
		for (const match of prose.matchAll(
			/!?\[(?:[^[\]]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g,
		)) {
			const target = match[1];
			if (target.startsWith(`${REPO_URL}/blob/main/`))
				targets.push(
					join(relative(dirname(file), ROOT), target.slice(`${REPO_URL}/blob/main/`.length)),
				);
			else if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) targets.push(target);
		}
	}
	return targets;
}

describe('the documentation', () => {
	it('the README stays a short front page (at most 200 lines)', () => {
		const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').trimEnd().split('\n');
		expect(lines.length).toBeLessThanOrEqual(200);
	});

	it.each(DOCUMENTS.map((file) => [relative(ROOT, file), file]))(
		'every relative link and anchor in %s leads somewhere',
		(_name, file) => {
			const broken = linkTargets(file)
				.map((target) => brokenLink(file, target))
				.filter((why): why is string => why !== undefined);
			expect(broken).toEqual([]);
		},
	);

	it('the README links every page under docs/', () => {
		const linked = new Set(
			linkTargets(join(ROOT, 'README.md')).map((t) => resolve(ROOT, t.split('#')[0])),
		);
		const pages = markdownFilesUnder(join(ROOT, 'docs'));
		expect(pages.filter((page) => !linked.has(page)).map((p) => relative(ROOT, p))).toEqual([]);
	});

	it("the nodes' and credentials' documentation links open an existing page and heading", () => {
		const sources = [
			...readdirSync(join(ROOT, 'credentials'))
				.filter((f) => f.endsWith('.credentials.ts'))
				.map((f) => join(ROOT, 'credentials', f)),
			...readdirSync(join(ROOT, 'nodes')).flatMap((folder) =>
				statSync(join(ROOT, 'nodes', folder)).isDirectory()
					? readdirSync(join(ROOT, 'nodes', folder))
							.filter((f) => f.endsWith('.node.json'))
							.map((f) => join(ROOT, 'nodes', folder, f))
					: [],
			),
		];
		const broken: string[] = [];
		let checked = 0;
		for (const source of sources) {
			for (const [url] of readFileSync(source, 'utf8').matchAll(
				/https:\/\/github\.com\/pecelan\/n8n-nodes-pecelan[^'"\s)]*/g,
			)) {
				checked++;
				const rest = url.slice(REPO_URL.length);
				const target = rest.startsWith('/blob/main/')
					? rest.slice('/blob/main/'.length)
					: `README.md${rest.startsWith('#') ? rest : ''}`;
				const why = brokenLink(join(ROOT, 'index.md'), target);
				if (why) broken.push(`${relative(ROOT, source)}: ${why}`);
			}
		}
		expect(broken).toEqual([]);
		// Every node (8) and the three credentials documented here link into the repository.
		expect(checked).toBeGreaterThanOrEqual(11);
	});

	it('anchors are the ones GitHub gives the headings', () => {
		expect(slug("Meta's 24-hour window and the office's templates")).toBe(
			'metas-24-hour-window-and-the-offices-templates',
		);
		expect(slug('Erasing: `hapus data`')).toBe('erasing-hapus-data');
		expect(slug('The floor: what n8n costs for the least work a reply needs')).toBe(
			'the-floor-what-n8n-costs-for-the-least-work-a-reply-needs',
		);
		expect(slug('From the sandbox to the real office')).toBe('from-the-sandbox-to-the-real-office');
	});
});
