/** The conversation engine of the service desk: a pure step function and its helpers. */
export { step } from './step';
export { draftReminder } from './reminder';
export type { ReminderDecision } from './reminder';
export { reopenForFix, resumeBot } from './fix';
export type { FixRequest } from './fix';
export { statusReplies, noticeReplies, describeService, serviceMenu } from './present';
export type { StatusRow } from './present';
export { makeTicket, normalizeTicket, ticketPrefix } from './ticket';
export { newSession, SEEN_LIMIT } from './session';
export type {
	Application,
	DeskEvent,
	DocumentFile,
	Session,
	SessionState,
	StepResult,
} from './types';
export { inviteSurvey, INVITE_KEEP_DAYS } from './survey';
export type { SurveyInvite } from './survey';
export { complaintReplies, complaintFiles } from './complaint';
export { filesSummary } from './filesSummary';
export { complaintTicket } from './ticket';
export { SURVEY_ELEMENTS } from './types';
export type { Complaint, SurveyElement } from './types';
export { withPendingReplies } from './pendingReplies';
export type { PendingReplies } from './pendingReplies';
