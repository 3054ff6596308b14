/** Reference records as the domain sees them, before storage. */
import type { Localised } from '../../shared/localised.js';

export type IncomeGroup = 'HIC' | 'UMC' | 'LMC' | 'LIC';
export type GroupKind = 'world' | 'region' | 'sub-region' | 'intermediate-region' | 'development-status' | 'income';

export interface Country {
  m49: string;
  iso2: string | null;
  iso3: string | null;
  names: Localised;
  formalNames: Partial<Localised> | null;
  regionCode: string | null;
  subRegionCode: string | null;
  intermediateRegionCode: string | null;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
  wbRegion: string | null;
  wbIncomeGroup: IncomeGroup | null;
}

export interface Group {
  code: string;
  kind: GroupKind;
  names: Localised;
  parentCode: string | null;
  position: number;
  /** M49 codes of the member countries and areas. */
  members: string[];
}

export interface TaxonomyTerm {
  code: string;
  parentCode: string | null;
  labels: Partial<Localised> & { en: string };
  description: Partial<Localised> | null;
  uri: string | null;
  /** Links to terms of other taxonomies or to indicators, by taxonomy name (a topic's DigComp areas, a UMC dimension's indicators), and an ESCO skill's `broader` skills. */
  related: Readonly<Record<string, readonly string[]>> | null;
}

export interface Taxonomy {
  name: string;
  labels: Localised;
  source: string;
  licence: string;
  terms: TaxonomyTerm[];
}
