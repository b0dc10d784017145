/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test support (jest, never packed into dist): reads CHROMIUM_PATH. */
// Debian's Chromium for the browser tests, started as this machine needs it: no sandbox as root,
// and no background networking (the machine has no network besides the package registries).
import { chromium, type Browser } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
