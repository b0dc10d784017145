// Debian's Chromium for the browser tests, started as this machine needs it: no sandbox as root,
// and no background networking (the machine has no network besides the package registries).
// Without Chromium it fails with the prerequisite check's sentence (which package to install).
import { chromium, type Browser } from 'playwright-core';
import {
	chromiumPrerequisite,
	locate,
	MissingPrerequisitesError,
	missingLine,
	whichOnPath,
} from '../../sandbox/runtime/prerequisites';

export function launchChromium(): Promise<Browser> {
	const needed = chromiumPrerequisite(process.env);
	const executablePath = locate(needed, whichOnPath());
	if (!executablePath) return Promise.reject(new MissingPrerequisitesError([missingLine(needed)]));
	return chromium.launch({
		executablePath,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--headless',
		],
	});
}
