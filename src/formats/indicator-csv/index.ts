/** Indicator CSV layouts (wide and long) parsed into observations. */
export { parseWide, type WideLayout } from './parse-wide.js';
export { parseLong, type LongLayout } from './parse-long.js';
