/**
 * Public face of the indicator domain: services import from here, not from the files behind it,
 * so the modules can be rearranged without touching callers.
 */
export * from './types.js';
export * from './target.js';
export * from './bands.js';
export * from './aggregate.js';
export * from './trend.js';
export * from './rank.js';
export * from './rank-window.js';
export * from './derived.js';
export * from './catalogue.js';
export * from './vintage.js';
export * from './precision.js';
export * from './plausibility.js';
export * from './gap-fill.js';
export * from './gap-evaluation.js';
