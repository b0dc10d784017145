export * from './types';
export { loadCatalog, defaultMessages, DEFAULT_SETTINGS, CatalogError } from './load';
export type { LoadOptions } from './load';
export { FIELD_TYPES } from './schema';
export { defaultCatalog } from './default';
export { checkApplication } from './check';
export type { Application, RequirementCheck, RequirementProblem } from './check';
export { renderMessage } from './render';
export { mentionedKeys } from './mentions';
