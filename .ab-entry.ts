export { analyzeText } from './core/analyze.ts';
export { extractText } from './core/extract/text.ts';
export { normalizeDocument } from './core/normalize/document.ts';
export { narrativeOf } from './core/narrative/index.ts';
export { checkList } from './core/checks/index.ts';
