export * from './spreadsheet';
export * from './readyWorkflows';
export { BUNDLED_WORKFLOWS } from './bundled';
export * from './region';
export { fillDataTableIds } from './dataTableIds';
export * from './sampleLetter';
export * from './staffSharing';
export * from './finishPage';
export { literalParameter, literalParameters, literalText } from './literal';
