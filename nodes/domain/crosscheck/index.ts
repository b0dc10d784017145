/** Conditional questions and cross-field rules of a catalog service (see conditions.ts, rules.ts). */
import type { Json } from '../catalog/schema';
import type { ResolvedService } from '../catalog/types';
import { readCondition } from './conditions';
import { readRules } from './rules';

export { applies, type Condition } from './conditions';
export {
	brokenRules,
	checkRuleMessages,
	reviewRequest,
	ruleBrokenBy,
	type BrokenRule,
	type Rule,
} from './rules';

/** Checks a loaded service's `when` conditions and `rules` in place (paths name the JSON). */
export function readServiceChecks(service: ResolvedService, raw: Json, path: string): void {
	const earlier = new Map<string, { type: string; options?: Array<{ label: string }> }>();
	service.fields.forEach((field, i) => {
		if (field.when !== undefined)
			field.when = readCondition(field.when, `${path}.fields[${i}] (${field.key}).when`, earlier);
		earlier.set(field.key, field);
	});
	service.documents.forEach((doc, i) => {
		if (doc.when !== undefined)
			doc.when = readCondition(doc.when, `${path}.documents[${i}].when`, earlier);
	});
	service.rules = readRules(raw.rules, `${path}.rules`, service.fields);
	if (!service.rules.length) delete service.rules;
}
