export * from './spreadsheet';
export * from './readyWorkflows';
export { BUNDLED_WORKFLOWS } from './bundled';
export * from './sampleLetter';
export * from './staffSharing';
export * from './finishPage';
