// The project's own lint, run by `npm run lint` after n8n's: n8n's config (eslint.config.mjs,
// kept exactly as `n8n-node` generates it) plus the boundaries between the domain and the nodes,
// and the rules that fit code which never ships (sandbox, tests, benches, scripts).
import { readdirSync } from 'node:fs';
import config from './eslint.config.mjs';

const communityNodeRules = Object.fromEntries(
	config
		.flatMap((block) => Object.keys(block.rules ?? {}))
		.filter((rule) => rule.startsWith('@n8n/community-nodes/'))
		.map((rule) => [rule, 'off']),
);
// nodes/domain is the domain, nodes/n8nHelpers the adapter code several nodes share; the rest are nodes.
const nodeFolders = readdirSync(new URL('./nodes', import.meta.url), { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && !['domain', 'n8nHelpers'].includes(entry.name))
	.map((entry) => entry.name);
const importOf = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

export default [
	...config,
	{
		// Local runtime, sandbox, tests and benchmarks: run by Node/tsx/jest, never packed into dist.
		// They read foreign JSON (webhook bodies, API answers, workflows) field by field and load
		// what they just built with require: `any` and require are allowed here, once, not per file.
		files: ['sandbox/**', 'scripts/**', 'test/**', 'bench/**', 'nodes/**/__tests__/**'],
		rules: {
			...communityNodeRules,
			'no-console': 'off',
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-require-imports': 'off',
		},
	},
	{
		// The domain: plain TypeScript, testable and benchmarkable without n8n; nodes depend on it,
		// never the other way round.
		files: ['nodes/domain/**/*.ts'],
		ignores: ['nodes/**/__tests__/**'],
		rules: {
			// The domain throws its own errors (it cannot import n8n's); the node adapters catch them
			// and throw NodeOperationError or NodeApiError.
			'@n8n/community-nodes/require-node-api-error': 'off',
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(n8n-workflow|n8n-core|n8n-nodes-base|@n8n/.*)$',
							message: 'nodes/domain is the domain: no n8n imports (the node adapters translate).',
						},
						{
							regex: importOf(nodeFolders),
							caseSensitive: true,
							message:
								'nodes/domain may not import a node folder: nodes depend on the domain, not back.',
						},
					],
				},
			],
		},
	},
	// A node never imports another node's folder: what two nodes share goes to nodes/n8nHelpers (the
	// adapters' shared parameters) or nodes/domain (the domain).
	...['n8nHelpers', ...nodeFolders].map((folder) => ({
		files: [`nodes/${folder}/**/*.ts`],
		ignores: ['nodes/**/__tests__/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: importOf(nodeFolders.filter((other) => other !== folder)),
							caseSensitive: true,
							message: `nodes/${folder} may not import another node's folder: share through nodes/n8nHelpers or nodes/domain.`,
						},
					],
				},
			],
		},
	})),
];
