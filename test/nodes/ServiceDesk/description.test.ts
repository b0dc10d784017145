import { properties } from '../../../nodes/ServiceDesk/actions/description';
import { operations } from '../../../nodes/ServiceDesk/actions/router';

describe('Service Desk operations', () => {
	it('offers every operation the router runs, and nothing else', () => {
		const operation = properties.find((p) => p.name === 'operation')!;
		const offered = (operation.options as Array<{ value: string }>).map((o) => o.value).sort();
		expect(offered).toEqual(Object.keys(operations).sort());
	});
});
