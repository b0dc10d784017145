/** Service outcomes: IKM, monthly indicators and the report PDF. No n8n imports, no I/O. */
export { computeIkm, ikmGrade, round2, IKM_BANDS, IKM_ELEMENTS } from './ikm';
export type { IkmElement, IkmGrade, IkmResponse, IkmResult } from './ikm';
export { monthlyIndicators } from './indicators';
export type { IndicatorInput, Indicators, OutcomeEvent, PeriodFigures, Row } from './indicators';
export { DEFAULT_REPORT_LABELS, figureRows, fill, formatFigure, sheetRows } from './rows';
export type { FigureRow, ReportLabels } from './rows';
export { renderReport, type RenderedReport, type ReportOptions } from './report';
export { nearestRank, parseMonth, previousMonth } from './time';
