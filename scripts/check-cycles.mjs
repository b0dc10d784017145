// `node scripts/check-cycles.mjs [root]`: fails when modules import each other in a circle.
// Every relative import counts, type-only and dynamic ones included (a type cycle is still two
// modules that cannot be read apart), over the shipped code, the tests, the sandbox, the benches
// and the scripts. Imports are read with the TypeScript compiler's pre-processor; a cycle is a
// strongly connected group of two or more files (or a file importing itself).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const FOLDERS = ['nodes', 'credentials', 'test', 'sandbox', 'bench', 'scripts'];
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const CANDIDATES = ['', '.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];

function sourcesUnder(folder, out) {
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		if (entry.name === 'node_modules' || entry.name === 'dist') continue;
		const path = join(folder, entry.name);
		if (entry.isDirectory()) sourcesUnder(path, out);
		else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
	}
	return out;
}

/** The relative imports of every source file, resolved to files of the tree. */
export function importGraph(root) {
	const files = FOLDERS.map((f) => join(root, f))
		.filter((f) => existsSync(f))
		.flatMap((f) => sourcesUnder(f, []));
	const known = new Set(files);
	const resolveImport = (from, spec) => {
		if (!spec.startsWith('.')) return undefined;
		const base = resolve(dirname(from), spec);
		const stem = base.replace(/\.(js|mjs|cjs)$/, '');
		return [...CANDIDATES.map((c) => base + c), ...CANDIDATES.map((c) => stem + c)].find((c) =>
			known.has(c),
		);
	};
	const graph = new Map();
	for (const file of files) {
		const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
		const targets = importedFiles.map((i) => resolveImport(file, i.fileName)).filter(Boolean);
		graph.set(file, [...new Set(targets)]);
	}
	return graph;
}

/** Strongly connected groups of more than one file, or of a file importing itself (Tarjan). */
export function cyclesOf(graph) {
	const index = new Map();
	const low = new Map();
	const stack = [];
	const onStack = new Set();
	const groups = [];
	let next = 0;
	const visit = (v) => {
		index.set(v, next);
		low.set(v, next++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v)) {
			if (!index.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v), low.get(w)));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
		}
		if (low.get(v) !== index.get(v)) return;
		const group = [];
		let w;
		do {
			w = stack.pop();
			onStack.delete(w);
			group.push(w);
		} while (w !== v);
		if (group.length > 1 || graph.get(v).includes(v)) groups.push(group.sort());
	};
	for (const v of graph.keys()) if (!index.has(v)) visit(v);
	return groups;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
	const graph = importGraph(root);
	const cycles = cyclesOf(graph);
	for (const group of cycles)
		console.error(`import cycle: ${group.map((f) => relative(root, f)).join(' ↔ ')}`);
	console.log(`import cycles: ${cycles.length} (${graph.size} files)`);
	process.exitCode = cycles.length === 0 ? 0 : 1;
}
