/**
 * Reads an IATI activity file (versions 2.01–2.03) into the platform's projects, with every
 * problem found, each with its line and column.
 *
 * - The file as a whole is refused (IatiFormatError, one message naming line and column) when it is
 *   not well-formed XML, not an `<iati-activities>` file, of a refused version, or hostile
 *   (too large, a DOCTYPE, nested too deep: see xml-reader.ts).
 * - IATI 1.0x files are refused, not converted: 2.01 was a breaking ("integer") upgrade — text
 *   moved into `<narrative>`, most codes and several elements changed — and a conversion would
 *   have to guess meanings (free-text roles, old date and transaction codes) and import them as
 *   facts. Publishers have published 2.0x for years; asking for a 2.0x file is the honest answer.
 * - 2.01 and 2.02 files are read with the 2.03 mapping (2.02 and 2.03 only added elements), with
 *   one `older-version` note.
 * - Otherwise each activity imports what is valid: see read-activity.ts for what keeps an activity
 *   out, and report-unread.ts for how unused and unknown content is reported.
 */
import type { CountryCodes, Project } from '../../core/projects/index.js';
import { IatiFormatError, ProblemLog, type IatiProblem } from './problems.js';
import { readActivity } from './read-activity.js';
import { reportUnread } from './report-unread.js';
import { DEFAULT_XML_LIMITS, readXml, type XmlLimits } from './xml-reader.js';
import type { XmlNode } from './xml-node.js';

export interface ParseIatiOptions {
  /** Named in every problem, e.g. the uploaded file's name. */
  readonly fileName: string;
  /** ISO2 → ISO3 for recipient countries (from the platform's reference data). */
  readonly countries: CountryCodes;
  readonly limits?: Partial<XmlLimits>;
}

export interface IatiParseResult {
  /** The projects read, in file order. */
  readonly projects: Project[];
  readonly problems: IatiProblem[];
  /** `<iati-activity>` elements in the file, imported or not. */
  readonly activitiesRead: number;
  /** The file's `version` attribute. */
  readonly version: string;
  /** The file's `generated-datetime`, when given. */
  readonly generatedDatetime: string | null;
}

const READABLE_VERSIONS = ['2.01', '2.02', '2.03'];

function refuseRoot(root: XmlNode, fileName: string, code: 'not-iati' | 'unsupported-version', message: string): IatiFormatError {
  return new IatiFormatError({
    code,
    severity: 'error',
    file: fileName,
    line: root.line,
    column: root.column,
    path: null,
    activity: null,
    message,
    count: 1,
  });
}

function checkRoot(root: XmlNode, fileName: string, problems: ProblemLog): string {
  if (root.uri !== '' || root.name !== 'iati-activities') {
    const hint =
      root.name === 'iati-organisations'
        ? 'this is an IATI organisation file; import an activity file'
        : root.name === 'iati-activity'
          ? 'the activities must be wrapped in <iati-activities version="2.03">'
          : `the document element is <${root.name}>${root.uri === '' ? '' : ` in namespace ${root.uri}`}, not <iati-activities>`;
    throw refuseRoot(root, fileName, 'not-iati', `not an IATI activity file: ${hint}`);
  }
  const version = root.attr('version')?.trim();
  if (version === undefined || version === '') {
    throw refuseRoot(
      root,
      fileName,
      'unsupported-version',
      'the file states no IATI version (<iati-activities version="…">); IATI 2.0x files always do, and 1.0x files are not read',
    );
  }
  if (/^1\.\d+$/.test(version)) {
    throw refuseRoot(
      root,
      fileName,
      'unsupported-version',
      `IATI version ${version} is not read: version 1 differs from 2 in structure and codes, and converting it would mean guessing. Ask the publisher for the 2.03 file (IATI tools export it)`,
    );
  }
  if (!READABLE_VERSIONS.includes(version)) {
    throw refuseRoot(
      root,
      fileName,
      'unsupported-version',
      `IATI version "${version}" is not one this reader knows (${READABLE_VERSIONS.join(', ')})`,
    );
  }
  if (version !== '2.03') {
    problems.add(root.site, 'older-version', 'info', `an IATI ${version} file, read as 2.03 (which only added elements to it)`);
  }
  return version;
}

/**
 * Reads the projects of an IATI 2.0x activity file.
 * @example
 * const { projects, problems } = parseIatiActivities(xml, { fileName: 'undp.xml', countries });
 * problems.filter((p) => p.severity === 'error') // what was not imported, each with its line
 * @throws IatiFormatError when the file cannot be read at all
 */
export function parseIatiActivities(xml: string, options: ParseIatiOptions): IatiParseResult {
  const { fileName, countries } = options;
  const limits: XmlLimits = { ...DEFAULT_XML_LIMITS, ...options.limits };
  const problems = new ProblemLog(fileName);
  const projects: Project[] = [];
  const seenIdentifiers = new Map<string, number>();
  let root: XmlNode | undefined;
  let version = '';
  let activitiesRead = 0;

  readXml(xml, fileName, limits, {
    onEncoding(encoding, line) {
      if (!/^utf-?(8|16)$/i.test(encoding)) {
        problems.add(
          { line, column: 1, path: null },
          'encoding-declared',
          'warning',
          `the file declares encoding ${encoding}; it was read as the text it was given (UTF-8)`,
        );
      }
    },
    onRoot(node) {
      root = node;
      version = checkRoot(node, fileName, problems);
      node.attr('generated-datetime');
    },
    onChild(node) {
      if (node.uri !== '' || node.name !== 'iati-activity') {
        node.parent?.children.push(node); // reported with the root's other unread parts below
        return;
      }
      activitiesRead += 1;
      problems.activity = null;
      const project = readActivity(node, { problems, countries, defaultLanguage: null, seenIdentifiers });
      if (project === null) return;
      reportUnread(node, problems);
      projects.push(project);
    },
  });

  if (root === undefined) throw new Error('unreachable: saxes refuses a document without a document element');
  problems.activity = null;
  reportUnread(root, problems);
  if (activitiesRead === 0) problems.add(root.site, 'no-activities', 'warning', 'the file holds no <iati-activity>');
  const generated = root.attr('generated-datetime')?.trim() ?? null;
  return { projects, problems: problems.list(), activitiesRead, version, generatedDatetime: generated === '' ? null : generated };
}
