// jest globalSetup of the e2e-queue project: the e2e stack in n8n's queue mode.
import globalSetup from './global-setup';

export default async function globalSetupQueue(): Promise<void> {
	process.env.PECELAN_E2E_MODE = 'queue';
	await globalSetup();
}
