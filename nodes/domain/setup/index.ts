export * from './spreadsheet';
export * from './readyWorkflows';
export { BUNDLED_WORKFLOWS, SUB_WORKFLOWS } from './bundled';
export * from './subWorkflows';
export * from './region';
export { fillDataTableIds } from './dataTableIds';
export * from './sampleLetter';
export * from './staffSharing';
export * from './finishPage';
