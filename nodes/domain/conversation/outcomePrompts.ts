/**
 * The questions of the satisfaction survey and of a complaint: what the resident reads in
 * each of their states. No state changes here (handlers live in survey.ts / complaint.ts).
 */
import type { OutboundReply } from '../messaging/types';
import { SURVEY_ELEMENTS, type Session, type SurveyElement } from './types';
import { buttonsReply, listReply, say, textReply, type Texts } from './texts';
import { tapId } from './ids';

export const SCORE_COUNT = 4;

/** The four answer labels of an element, worst first (score = position + 1). */
export function surveyOptions(texts: Texts, element: SurveyElement): string[] {
	const split = (key: string) =>
		(texts.messages[key] ?? '')
			.split('|')
			.map((label) => label.trim())
			.filter(Boolean);
	const own = split(`survey.${element}.options`);
	if (own.length === SCORE_COUNT) return own;
	const fallback = split('survey.options');
	return fallback.length === SCORE_COUNT ? fallback : ['1', '2', '3', '4'];
}

export function invitationReply(
	texts: Texts,
	survey: { ticket: string; service: string },
	pending: boolean,
): OutboundReply {
	return buttonsReply(
		say(texts, pending ? 'survey.invite.pending' : 'survey.invite', {
			ticket: survey.ticket,
			service: survey.service,
		}),
		[
			{
				id: tapId('survey:start', 'inv', survey.ticket, survey.service),
				title: say(texts, 'button.survey'),
			},
			{
				id: tapId('survey:skip', 'inv', survey.ticket, survey.service),
				title: say(texts, 'button.skip'),
			},
		],
	);
}

/** Element `q` as a list of four rows (local ids `score:1`…`score:4`); typing 1–4 or a label works too. */
export function surveyQuestion(texts: Texts, q: number, ticket: string): OutboundReply {
	const element = SURVEY_ELEMENTS[Math.min(Math.max(q, 0), SURVEY_ELEMENTS.length - 1)];
	return listReply(
		say(texts, 'survey.question', {
			n: SURVEY_ELEMENTS.indexOf(element) + 1,
			total: SURVEY_ELEMENTS.length,
			question: say(texts, `survey.${element}`),
		}),
		say(texts, 'survey.list.button'),
		surveyOptions(texts, element).map((label, i) => ({
			id: tapId(`score:${i + 1}`, 'ikm', ticket, element),
			title: label,
			description: say(texts, 'survey.score', { n: i + 1 }),
		})),
	);
}

export function complaintSummary(texts: Texts, session: Session): OutboundReply[] {
	const cmp = (local: string) => tapId(local, 'cmp', session.complaint?.id ?? '');
	return [
		textReply(
			say(texts, 'complaint.summary', {
				text: session.complaint?.text ?? '',
				photo: say(
					texts,
					session.complaint?.photo ? 'complaint.summary.photo' : 'complaint.summary.nophoto',
				),
			}),
		),
		buttonsReply(say(texts, 'complaint.confirm.ask'), [
			{ id: cmp('confirm'), title: say(texts, 'button.confirm') },
			{ id: cmp('rewrite'), title: say(texts, 'button.rewrite') },
			{ id: cmp('cancel'), title: say(texts, 'button.cancel') },
		]),
	];
}

/** The question of a survey or complaint state; undefined for any other state. */
export function outcomePrompt(
	texts: Texts,
	session: Session,
	maxText: number,
): OutboundReply[] | undefined {
	switch (session.state) {
		case 'survey_invite':
			return session.survey ? [invitationReply(texts, session.survey, false)] : [];
		case 'survey':
			return [surveyQuestion(texts, session.pos?.field ?? 0, session.survey?.ticket ?? '')];
		case 'survey_suggestion':
			return [
				buttonsReply(say(texts, 'survey.suggestion'), [
					{
						id: tapId('skip', 'sug', session.survey?.ticket ?? ''),
						title: say(texts, 'button.skip'),
					},
				]),
			];
		case 'complaint':
			return [textReply(say(texts, 'complaint.ask', { max: maxText }))];
		case 'complaint_photo':
			return [
				buttonsReply(say(texts, 'complaint.photo.ask'), [
					{
						id: tapId('skip', 'cmp', session.complaint?.id ?? ''),
						title: say(texts, 'button.skip'),
					},
				]),
			];
		case 'complaint_confirm':
			return complaintSummary(texts, session);
		default:
			return undefined;
	}
}
