// The system packages `npm start` and `npm test` need, checked before anything starts so that a
// missing one ends in one line naming it and the `apt-get install` that fixes it, not in a
// compiler log or a browser-launch stack trace. `which` is passed in so a test can hide a command.
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export interface Prerequisite {
	/** What it is, for people. */
	name: string;
	/** Commands that satisfy it (any one), or an absolute path. */
	commands: string[];
	/** Why it is needed. */
	neededFor: string;
	/** The Debian package that provides it. */
	aptPackage: string;
}

/** Finds a command (or checks an absolute path): its full path, or undefined. */
export type Which = (command: string) => string | undefined;

const N8N_NATIVE_BUILD = "building n8n's SQLite module on its first install";

export const BUILD_TOOLS: Prerequisite[] = [
	{
		name: 'a C++ compiler',
		commands: ['g++', 'c++'],
		neededFor: N8N_NATIVE_BUILD,
		aptPackage: 'build-essential',
	},
	{ name: 'make', commands: ['make'], neededFor: N8N_NATIVE_BUILD, aptPackage: 'make' },
	{
		name: 'Python 3',
		commands: ['python3'],
		neededFor: N8N_NATIVE_BUILD,
		aptPackage: 'python3',
	},
];

/** Poppler's tools: `pdfsig` checks signed letters, `pdftoppm` renders a letter to read its QR. */
export const POPPLER: Prerequisite = {
	name: 'Poppler',
	commands: ['pdfsig'],
	neededFor: 'checking signed letters and reading their QR codes in the tests',
	aptPackage: 'poppler-utils',
};

/**
 * The typeface the tests draw synthetic KTP photos in, to read them back with the OCR (its folder:
 * the check looks for a path it can enter).
 */
export const KTP_FONT: Prerequisite = {
	name: 'DejaVu fonts',
	commands: ['/usr/share/fonts/truetype/dejavu'],
	neededFor: 'drawing the synthetic KTP photos the OCR tests read',
	aptPackage: 'fonts-dejavu-core',
};

/** Queue mode's real parts, started privately on loopback (see queue.ts). */
export function queueServerPrerequisites(env: NodeJS.ProcessEnv = process.env): Prerequisite[] {
	const postgresBin = env.PECELAN_POSTGRES_BIN || '/usr/lib/postgresql/15/bin';
	return [
		{
			name: 'PostgreSQL 15',
			commands: [`${postgresBin}/initdb`],
			neededFor: 'queue mode (PECELAN_MODE=queue)',
			aptPackage: 'postgresql',
		},
		{
			name: 'Redis',
			commands: [env.PECELAN_REDIS_SERVER || 'redis-server'],
			neededFor: 'queue mode (PECELAN_MODE=queue)',
			aptPackage: 'redis-server',
		},
	];
}

export function chromiumPrerequisite(env: NodeJS.ProcessEnv = process.env): Prerequisite {
	return {
		name: 'Chromium',
		commands: env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : ['chromium', 'chromium-browser'],
		neededFor: 'the browser tests',
		aptPackage: 'chromium',
	};
}

/** The first command of `prerequisite` that `which` finds. */
export function locate(prerequisite: Prerequisite, which: Which): string | undefined {
	for (const command of prerequisite.commands) {
		const found = which(command);
		if (found) return found;
	}
	return undefined;
}

/** One line saying what is missing, why it matters and the command that installs it. */
export function missingLine(prerequisite: Prerequisite): string {
	return (
		`missing: ${prerequisite.name} (${prerequisite.commands.join(' or ')}), needed for ` +
		`${prerequisite.neededFor}: apt-get install ${prerequisite.aptPackage}`
	);
}

/** The prerequisites `which` cannot find; empty when all are there. */
export function missingPrerequisites(needed: Prerequisite[], which: Which): Prerequisite[] {
	return needed.filter((p) => !locate(p, which));
}

/** Looks commands up on a PATH like a shell does. */
export function whichOnPath(path = process.env.PATH ?? ''): Which {
	const executable = (file: string) => {
		try {
			accessSync(file, constants.X_OK);
			return true;
		} catch {
			return false;
		}
	};
	return (command) => {
		if (isAbsolute(command)) return executable(command) ? command : undefined;
		for (const dir of path.split(delimiter).filter(Boolean)) {
			const file = join(dir, command);
			if (executable(file)) return file;
		}
		return undefined;
	};
}

export class MissingPrerequisitesError extends Error {
	constructor(readonly lines: string[]) {
		super(lines.join('\n'));
		this.name = 'MissingPrerequisitesError';
	}
}

/** Throws one line per missing prerequisite. */
export function requirePrerequisites(needed: Prerequisite[], which: Which = whichOnPath()): void {
	const missing = missingPrerequisites(needed, which);
	if (missing.length > 0) throw new MissingPrerequisitesError(missing.map(missingLine));
}
