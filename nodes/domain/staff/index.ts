export {
	staffAlerts,
	staffAlertRound,
	nextTimedAlertAt,
	minutesOfDay,
	KEEP_ALERT_DAYS,
	READING_KEY,
	READ_AT_LEAST_EVERY_MINUTES,
	type AlertRound,
	type Remembered,
	type AlertInput,
	type AlertKind,
	type StaffAlert,
} from './alerts';
export { parseSheetTime, wibDateTime, wibDay } from '../sheet/time';
export { BUNDLED_HOLIDAYS, isWorkingDay, workingDaysWaited } from './workingDays';
export {
	registerChanges,
	registerColumns,
	type IssuedLetter,
	type RegisterChanges,
} from './register';
export {
	previousMonth,
	registerMonth,
	renderRegisterPdf,
	type RegisterEntry,
	type RegisterPdfOptions,
	type RenderedRegister,
} from './registerPdf';
