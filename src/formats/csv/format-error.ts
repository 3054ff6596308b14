/** FormatError lives in src/shared (core reports it too); formats and features keep importing it from here. */
export { FormatError, formatProblem, type FormatProblem } from '../../shared/format-error.js';
