/**
 * The outputs of each operation, so the editor shows each branch. Serialised into the node's
 * `outputs` expression: keep it self-contained. "Handle Message" and "Route Saved Step" route a
 * step's results (a KTP photo or a voice note to read comes out of Read Media); "Triage Decisions" routes approved, rejected and fix-requested rows, rows sent but
 * not marked, and unreadable rows; "Letter Register" gives new register rows and revocations;
 * "Staff Alerts" gives the alerts, the reading to remember and the alerts no longer needed;
 * the other operations have one output.
 */
export const outputsFor = (operation: string) => {
	const FIRST_STEP_OUTPUTS = ['Reply', 'Submitted', 'Status Question', 'Hand-off'];
	const named = (...names: string[]) => names.map((displayName) => ({ type: 'main', displayName }));
	if (operation === 'handleMessage' || operation === 'routeSavedStep')
		return named(
			...FIRST_STEP_OUTPUTS,
			'Survey Answer',
			'Complaint',
			'Resend Letter',
			'Read Media',
		);
	if (operation === 'triage')
		return named('Approved', 'Rejected', 'Fix Requested', 'Sent, Not Marked', 'Unreadable');
	if (operation === 'letterRegister') return named('New Letters', 'Revoked Since');
	if (operation === 'staffAlerts') return named('Alerts', 'Sheet Read', 'No Longer Needed');
	return [{ type: 'main' }];
};
