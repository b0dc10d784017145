// jest globalSetup of the e2e-fonnte project: the e2e stack with the office set up on Fonnte.
import globalSetup from './global-setup';

export default async function globalSetupFonnte(): Promise<void> {
	process.env.PECELAN_E2E_PROVIDER = 'fonnte';
	await globalSetup();
}
