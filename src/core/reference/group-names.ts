/**
 * Names of the groupings the M49 file does not name in six languages: the
 * development-status groups (UN-OHRLLS terminology) and the World Bank income groups.
 */
import type { Localised } from '../../shared/localised.js';
import type { IncomeGroup } from './types.js';

export const DEVELOPMENT_GROUP_NAMES: Record<'LDC' | 'LLDC' | 'SIDS', Localised> = {
  LDC: {
    ar: 'أقل البلدان نمواً',
    zh: '最不发达国家',
    en: 'Least Developed Countries',
    fr: 'Pays les moins avancés',
    ru: 'Наименее развитые страны',
    es: 'Países menos adelantados',
  },
  LLDC: {
    ar: 'البلدان النامية غير الساحلية',
    zh: '内陆发展中国家',
    en: 'Landlocked Developing Countries',
    fr: 'Pays en développement sans littoral',
    ru: 'Развивающиеся страны, не имеющие выхода к морю',
    es: 'Países en desarrollo sin litoral',
  },
  SIDS: {
    ar: 'الدول الجزرية الصغيرة النامية',
    zh: '小岛屿发展中国家',
    en: 'Small Island Developing States',
    fr: 'Petits États insulaires en développement',
    ru: 'Малые островные развивающиеся государства',
    es: 'Pequeños Estados insulares en desarrollo',
  },
};

export const INCOME_GROUP_NAMES: Record<IncomeGroup, Localised> = {
  HIC: {
    ar: 'البلدان المرتفعة الدخل',
    zh: '高收入国家',
    en: 'High income',
    fr: 'Revenu élevé',
    ru: 'Страны с высоким уровнем дохода',
    es: 'Ingreso alto',
  },
  UMC: {
    ar: 'البلدان المتوسطة الدخل من الشريحة العليا',
    zh: '中高收入国家',
    en: 'Upper middle income',
    fr: 'Revenu intermédiaire, tranche supérieure',
    ru: 'Страны с уровнем дохода выше среднего',
    es: 'Ingreso mediano alto',
  },
  LMC: {
    ar: 'البلدان المتوسطة الدخل من الشريحة الدنيا',
    zh: '中低收入国家',
    en: 'Lower middle income',
    fr: 'Revenu intermédiaire, tranche inférieure',
    ru: 'Страны с уровнем дохода ниже среднего',
    es: 'Ingreso mediano bajo',
  },
  LIC: {
    ar: 'البلدان المنخفضة الدخل',
    zh: '低收入国家',
    en: 'Low income',
    fr: 'Faible revenu',
    ru: 'Страны с низким уровнем дохода',
    es: 'Ingreso bajo',
  },
};

/** The World Bank's income-group labels as they appear in its files. */
export const INCOME_GROUP_BY_LABEL: Record<string, IncomeGroup> = {
  'High income': 'HIC',
  'Upper middle income': 'UMC',
  'Lower middle income': 'LMC',
  'Low income': 'LIC',
};
