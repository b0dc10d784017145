/** Why a message's sender cannot be a resident, for the log (the claimed id quoted, cut short). */
export function senderRefusal(claimed: string): string {
	const shown = JSON.stringify(claimed.slice(0, 32)) + (claimed.length > 32 ? '…' : '');
	return `a message from ${shown}: a sender must be a phone number (E.164: 8 to 15 digits)`;
}
