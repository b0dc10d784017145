/** What went wrong with a provider call, worded for the admin, and whether trying again may help. */
export interface ApiProblem {
	message: string;
	description: string;
	/** Rate limits and transient outages: retried with backoff before giving up. */
	retryable: boolean;
	code?: number | string;
}
