/**
 * IATI 2.03 activity files: parse into the platform's projects (with every problem located by
 * line and column) and serialise projects back into a file that validates against the schema.
 * Pure: the caller reads and writes the files. See README.md for what is mapped and the problem codes.
 */
export { parseIatiActivities, type IatiParseResult, type ParseIatiOptions } from './parse-iati-activities.js';
export { IATI_PROBLEM_CODES, IatiFormatError, type IatiProblem, type IatiProblemCode, type IatiSeverity } from './problems.js';
export { DEFAULT_XML_LIMITS, type XmlLimits } from './xml-reader.js';
export { serialiseIatiActivities, type SerialiseIatiOptions } from './serialise-iati-activities.js';
export { iatiExportIssues, IatiExportError } from './export-issues.js';
