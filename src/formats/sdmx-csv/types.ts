/**
 * An SDMX-CSV message as read from or written to text, in either layout:
 * - 1.0 (SDMX 2.1): first column `DATAFLOW`, then one column per component;
 * - 2.0 (SDMX 3.0): `STRUCTURE`, `STRUCTURE_ID`, optional `STRUCTURE_NAME`, optional `ACTION`,
 *   then the components; the first header may carry a sub-field separator (`STRUCTURE[;]`).
 * The model keeps the message faithful (cell values as IDs and names, column order, delimiter),
 * so that parse → serialise gives the same message back; turning it into observations is a
 * separate step (observations.ts).
 */

export type SdmxCsvVersion = '1.0' | '2.0';

export type SdmxStructureType = 'dataflow' | 'datastructure' | 'dataprovision';

/** I information, A append, R replace, D delete (SDMX-CSV 2.0). */
export type SdmxAction = 'I' | 'A' | 'R' | 'D';

/** How names travel: `id` none, `both` as "ID: Name" in one cell, `name` in a column of their own (2.0). */
export type SdmxLabels = 'id' | 'both' | 'name';

/** `AGENCY:ID(VERSION)`; the version may be absent for non-versioned artefacts (SDMX 3.0). */
export interface SdmxStructureRef {
  readonly type: SdmxStructureType;
  readonly agency: string;
  readonly id: string;
  readonly version: string | null;
}

export interface SdmxColumn {
  /** Component id (`REF_AREA`, `OBS_VALUE`, `UNIT_MULT` …) or a custom column's header. */
  readonly id: string;
  /** Localised component name when the message carries labels. */
  readonly label: string | null;
  /** `ID[]` in 2.0: values are lists joined by the message's sub-field separator. */
  readonly multiValued: boolean;
  /** `ID[en;fr]` in 2.0: values are `en:text;fr:texte`. `null` for ordinary columns. */
  readonly languages: readonly string[] | null;
}

export interface SdmxCsvRow {
  /** 1-based line of the row in the text (the header is line 1), for error messages. */
  readonly line: number;
  readonly structure: SdmxStructureRef;
  readonly structureName: string | null;
  readonly action: SdmxAction;
  /** Component id → cell value (the ID part when labels are given). Empty cells are absent. */
  readonly values: Readonly<Record<string, string>>;
  /** Component id → the name given with the value (labels `both` or `name`). */
  readonly labels: Readonly<Record<string, string>>;
}

export interface SdmxCsvMessage {
  readonly version: SdmxCsvVersion;
  /** Field separator: comma by default; SDMX-CSV 2.0 allows others, e.g. `;` for some locales. */
  readonly delimiter: string;
  /** Separator inside multi-valued and multi-lingual cells, from `STRUCTURE[x]`; 2.0 only. */
  readonly subFieldSeparator: string | null;
  readonly labels: SdmxLabels;
  /** Whether the 2.0 message had an ACTION column (when absent every row is `I`). */
  readonly hasActionColumn: boolean;
  /** Component and custom columns in message order (structure columns excluded). */
  readonly columns: readonly SdmxColumn[];
  readonly rows: readonly SdmxCsvRow[];
}
