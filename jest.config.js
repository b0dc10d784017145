/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
		'^.+\\.hbs$': '<rootDir>/test/support/text-transform.js',
	},
	moduleFileExtensions: ['ts', 'js', 'json', 'hbs'],
	// End-to-end suites start a real n8n; they set their own, longer timeouts.
	testTimeout: 20000,
};
