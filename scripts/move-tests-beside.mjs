// Moves the unit tests of nodes/ beside what they test: test/nodes/<Node>/<path> goes to
// nodes/<Node>/__tests__/<path>, test/nodes/domain/<area>/<path> to nodes/domain/<area>/__tests__/<path>
// (the folders keep their depth, so paths built from __dirname still reach the repository root),
// and every relative path in the repository's sources that pointed at a moved file, or was written
// in one, is rewritten. Idempotent: run it again after merging a branch that added tests under
// test/nodes/. `git mv` keeps the history. Run: node scripts/move-tests-beside.mjs
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const from = join(root, 'test', 'nodes');

function walk(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (['node_modules', 'dist', '.git'].includes(name) || name.startsWith('.')) return [];
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

/** test/nodes/… → nodes/…/__tests__/… */
function target(file) {
	const parts = relative(from, file).split(/[\\/]/);
	const depth = parts[0] === 'shared' ? 2 : 1;
	if (parts.length <= depth) parts.splice(depth - 1, 0, '.'); // a file directly in test/nodes/domain
	return join(root, 'nodes', ...parts.slice(0, depth), '__tests__', ...parts.slice(depth));
}

const moved = new Map(walk(from).map((file) => [file, target(file)]));
if (!moved.size) {
	console.log('move-tests-beside: nothing under test/nodes');
	process.exit(0);
}
const newPath = (file) => moved.get(file) ?? file;

/** The file a specifier names from `dir` (as written, or with .ts / index.ts), if it exists. */
function resolveSpecifier(dir, spec) {
	const base = resolve(dir, spec);
	for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
		if (existsSync(candidate) && statSync(candidate).isFile()) return { file: candidate, base };
	return undefined;
}

const sources = walk(root).filter((f) => /\.(ts|mjs|js)$/.test(f) && !f.includes(`${root}/dist/`));
const rewritten = new Map();
for (const file of sources) {
	const text = readFileSync(file, 'utf8');
	const oldDir = dirname(file);
	const newDir = dirname(newPath(file));
	let changed = false;
	const out = text.replace(/(['"])(\.{1,2}\/[^'"\n]*)\1/g, (whole, quote, spec) => {
		// Relative to the file; bench's bundled entry lines are relative to the repository root.
		let found = resolveSpecifier(oldDir, spec);
		let dirFrom = newDir;
		if (!found && spec.startsWith('./test/nodes/')) {
			found = resolveSpecifier(root, spec);
			dirFrom = root;
		}
		if (!found) return whole;
		const targetFile = newPath(found.file);
		if (targetFile === found.file && dirFrom === oldDir) return whole;
		// Keep the specifier's form: without extension or /index when it was written so.
		const suffix = found.file.slice(found.base.length);
		const targetBase = targetFile.slice(0, targetFile.length - suffix.length);
		let rel = relative(dirFrom, targetBase).split('\\').join(posix.sep);
		if (!rel.startsWith('.')) rel = `./${rel}`;
		if (rel === spec) return whole;
		changed = true;
		return `${quote}${rel}${quote}`;
	});
	if (changed) rewritten.set(file, out);
}

for (const [file, to] of moved) {
	mkdirSync(dirname(to), { recursive: true });
	execFileSync('git', ['mv', relative(root, file), relative(root, to)], { cwd: root });
}
for (const [file, text] of rewritten) writeFileSync(newPath(file), text);
// The emptied folders (git does not keep them; a fresh checkout would not have them either).
function removeEmpty(dir) {
	for (const entry of readdirSync(dir, { withFileTypes: true }))
		if (entry.isDirectory()) removeEmpty(join(dir, entry.name));
	if (!readdirSync(dir).length) rmSync(dir, { recursive: true });
}
removeEmpty(from);
console.log(
	`move-tests-beside: ${moved.size} file(s) moved, ${rewritten.size} file(s) with paths rewritten`,
);
