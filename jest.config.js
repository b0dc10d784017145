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
			roots: ['<rootDir>/test'],
			testMatch: ['**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
		},
		{
			// One real n8n (with the sandbox) for every end-to-end file; see test/e2e/support.
			...shared,
			displayName: 'e2e',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/*.test.ts'],
			globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
			globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
		},
	],
};
