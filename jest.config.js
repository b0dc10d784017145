/** @type {import('jest').Config} */
const shared = {
	testEnvironment: 'node',
	transform: {
		'^.+\\.ts$': 'ts-jest',
		'^.+\\.hbs$': '<rootDir>/test/support/text-transform.js',
	},
	moduleFileExtensions: ['ts', 'js', 'json', 'hbs'],
};

module.exports = {
	projects: [
		{
			...shared,
			displayName: 'unit',
			// Unit tests live beside what they test (nodes/**/__tests__) and in test/ for the rest.
			roots: ['<rootDir>/test', '<rootDir>/nodes'],
			testMatch: ['**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
		},
		{
			// One real n8n (with the sandbox) for every end-to-end file; see test/e2e/support.
			...shared,
			displayName: 'e2e',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/*.test.ts'],
			testPathIgnorePatterns: [
				'/node_modules/',
				'<rootDir>/test/e2e/queue/',
				'<rootDir>/test/e2e/fonnte/',
			],
			setupFiles: ['<rootDir>/test/e2e/support/fetch-retry.ts'],
			globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
			globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
		},
		{
			// The same stack in n8n's queue mode (main + 2 workers, PostgreSQL, Redis): the files
			// about concurrency, and killing a worker mid-conversation.
			...shared,
			displayName: 'e2e-queue',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/e2e/concurrency.test.ts', '**/e2e/queue/*.test.ts'],
			setupFiles: ['<rootDir>/test/e2e/support/fetch-retry.ts'],
			globalSetup: '<rootDir>/test/e2e/support/global-setup-queue.ts',
			globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
		},
		{
			// The same stack with the office set up on Fonnte (numbered menus, attachments by URL,
			// the send queue): the journeys of test/e2e/fonnte.
			...shared,
			displayName: 'e2e-fonnte',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/e2e/fonnte/*.test.ts'],
			setupFiles: ['<rootDir>/test/e2e/support/fetch-retry.ts'],
			globalSetup: '<rootDir>/test/e2e/support/global-setup-fonnte.ts',
			globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
		},
	],
};
