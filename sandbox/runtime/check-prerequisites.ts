// What each command needs from the system, and the check `npm start` and `npm test` run first:
// `tsx sandbox/runtime/check-prerequisites.ts <start|unit|test|queue>` prints one line per missing
// package and exits 1, or prints nothing; with `--apt-packages` it prints just the Debian package
// names to install (for CI).
import { n8nInstallFolder } from './install';
import {
	BUILD_TOOLS,
	chromiumPrerequisite,
	KTP_FONT,
	POPPLER,
	queueServerPrerequisites,
	missingLine,
	missingPrerequisites,
	Prerequisite,
	Which,
	whichOnPath,
} from './prerequisites';

/**
 * `start`: the office; `unit`: the unit tests (some start queue mode's services); `test`: unit and end-to-end tests; `queue`: the
 * office or the end-to-end tests in queue mode.
 */
export type Purpose = 'start' | 'unit' | 'test' | 'queue';
export const PURPOSES: Purpose[] = ['start', 'unit', 'test', 'queue'];

export interface Machine {
	which: Which;
	env: NodeJS.ProcessEnv;
	/** The pinned n8n is already built in the cache (then no compiler is needed). */
	runtimeInstalled: boolean;
}

export function prerequisitesFor(purpose: Purpose, machine: Machine): Prerequisite[] {
	const needed: Prerequisite[] = [];
	if (purpose === 'unit' || purpose === 'test')
		needed.push(chromiumPrerequisite(machine.env), POPPLER, KTP_FONT);
	if (purpose !== 'unit' && !machine.runtimeInstalled) needed.push(...BUILD_TOOLS);
	// The unit tests start and stop queue mode's PostgreSQL and Redis themselves.
	if (purpose !== 'start') needed.push(...queueServerPrerequisites(machine.env));
	return needed;
}

/** One line per missing package for `purpose` on `machine`; empty when nothing is missing. */
export function missingFor(purpose: Purpose, machine: Machine): string[] {
	return missingPrerequisites(prerequisitesFor(purpose, machine), machine.which).map(missingLine);
}

/** The Debian packages that supply what `purpose` lacks on `machine`. */
export function aptPackagesFor(purpose: Purpose, machine: Machine): string[] {
	const missing = missingPrerequisites(prerequisitesFor(purpose, machine), machine.which);
	return [...new Set(missing.map((p) => p.aptPackage))];
}

/** This machine, as seen through PATH and the runtime cache. */
export function thisMachine(env: NodeJS.ProcessEnv = process.env): Machine {
	let runtimeInstalled = false;
	try {
		runtimeInstalled = n8nInstallFolder().installed;
	} catch {
		// No lock for the chosen version: the install says so itself.
	}
	return { which: whichOnPath(env.PATH), env, runtimeInstalled };
}

if (require.main === module) {
	const purpose = process.argv[2] as Purpose;
	if (!PURPOSES.includes(purpose)) {
		console.error(`usage: check-prerequisites.ts <${PURPOSES.join('|')}>`);
		process.exit(2);
	}
	if (process.argv.includes('--apt-packages')) {
		console.log(aptPackagesFor(purpose, thisMachine()).join(' '));
	} else {
		const lines = missingFor(purpose, thisMachine());
		for (const line of lines) console.error(line);
		if (lines.length > 0) process.exit(1);
	}
}
