import { decideTry } from '../tries';

const limits = { max: 3, windowMs: 15 * 60_000 };
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 5, 8, 0) + minutes * 60_000);

/** Tries at the given minutes, each kept as the form keeps them; the decisions in order. */
function tries(minutes: number[]) {
	let kept: number[] = [];
	return minutes.map((m) => {
		const decision = decideTry(kept, at(m), limits);
		kept = decision.tries;
		return decision;
	});
}

describe('tries of the TTE form', () => {
	it('allows 3 tries in 15 minutes and refuses the 4th, saying when the next is allowed', () => {
		const decisions = tries([0, 1, 2, 3]);
		expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
		expect(decisions[3].retryAt).toEqual(at(15));
	});

	it('does not count a refused try: after the window the form opens again', () => {
		const decisions = tries([0, 5, 10, 11, 14.9, 15.1, 20.1, 24]);
		expect(decisions.map((d) => d.allowed)).toEqual([
			true,
			true,
			true,
			false,
			false,
			true, // the try at 0 is out of the window
			true, // …and the one at 5
			false, // 10, 15.1 and 20.1 are in it
		]);
		expect(decisions[7].retryAt).toEqual(at(25));
	});

	it('reads whatever was stored without trusting it', () => {
		expect(decideTry(undefined, at(0), limits).allowed).toBe(true);
		expect(decideTry(['x', null, {}], at(0), limits).tries).toEqual([at(0).getTime()]);
		// A time in the future (a clock moved back) does not lock the form.
		expect(
			decideTry([at(60).getTime(), at(61).getTime(), at(62).getTime()], at(0), limits).allowed,
		).toBe(true);
	});
});
