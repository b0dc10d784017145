/**
 * Webhook methods of a trigger whose sender is pointed at the webhook by hand (Meta's or
 * Fonnte's dashboard, the sheet's script): nothing to register, check or remove on activation.
 */
import type { IHookFunctions } from 'n8n-workflow';

export const nothingToRegister = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
