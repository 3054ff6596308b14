/**
 * The few words the charts themselves need around the caller's text (the data table's toggle,
 * "Year", "no data", the map's legend ranges and the UN map disclaimer), in the six languages.
 * Everything that names the data — titles, descriptions, series, countries, units — comes from
 * the caller in the reader's language. The ITU band names and "estimate" are the
 * interface's own (`connect.band.*`, `connect.estimate`), so they read the same on a chart as in
 * the profile table.
 */
import type { Language } from '../../shared/localised.js';

export interface ChartWords {
  /** The data table toggle, followed by a visually hidden ": {title}" for screen readers. */
  readonly table: string;
  readonly year: string;
  readonly value: string;
  readonly noData: string;
  /** The map table's column naming each area's class. */
  readonly mapClass: string;
  /** Map legend ranges; `{a}` and `{b}` are formatted numbers. */
  readonly below: string;
  readonly between: string;
  readonly atLeast: string;
  /** "{n} areas" after a legend class. */
  readonly areas: string;
  /** Before the list of areas the map does not draw (no outline in the map data, or left out like Antarctica). */
  readonly notOnMap: string;
  /** The UN's standard map disclaimer. */
  readonly disclaimer: string;
}

export const CHART_WORDS: Record<Language, ChartWords> = {
  en: {
    table: 'Data table',
    year: 'Year',
    value: 'Value',
    noData: 'no data',
    mapClass: 'Map class',
    below: 'below {a}',
    between: '{a} to under {b}',
    atLeast: '{a} or more',
    areas: '{n} areas',
    notOnMap: 'Not drawn on this map, listed in the table only:',
    disclaimer:
      'The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations.',
  },
  fr: {
    table: 'Tableau des données',
    year: 'Année',
    value: 'Valeur',
    noData: 'pas de données',
    mapClass: 'Classe sur la carte',
    below: 'moins de {a}',
    between: 'de {a} à moins de {b}',
    atLeast: '{a} ou plus',
    areas: '{n} pays ou zones',
    notOnMap: 'Absents de cette carte, présents seulement dans le tableau :',
    disclaimer:
      'Les frontières et les noms indiqués et les désignations employées sur cette carte n’impliquent pas reconnaissance ou acceptation officielle de la part de l’Organisation des Nations Unies.',
  },
  es: {
    table: 'Tabla de datos',
    year: 'Año',
    value: 'Valor',
    noData: 'sin datos',
    mapClass: 'Clase en el mapa',
    below: 'menos de {a}',
    between: 'de {a} a menos de {b}',
    atLeast: '{a} o más',
    areas: '{n} países o zonas',
    notOnMap: 'No aparecen en este mapa, solo en la tabla:',
    disclaimer:
      'Los límites y los nombres que figuran en este mapa y las denominaciones empleadas en él no implican su apoyo o aceptación oficial por las Naciones Unidas.',
  },
  ru: {
    table: 'Таблица данных',
    year: 'Год',
    value: 'Значение',
    noData: 'нет данных',
    mapClass: 'Класс на карте',
    below: 'менее {a}',
    between: 'от {a} до {b}',
    atLeast: '{a} и более',
    areas: 'стран и территорий: {n}',
    notOnMap: 'Не показаны на этой карте, приведены только в таблице:',
    disclaimer:
      'Границы и названия, показанные на этой карте, и обозначения, использованные на ней, не подразумевают их официального одобрения или признания Организацией Объединенных Наций.',
  },
  zh: {
    table: '数据表',
    year: '年份',
    value: '数值',
    noData: '无数据',
    mapClass: '地图分级',
    below: '低于{a}',
    between: '{a}至不足{b}',
    atLeast: '{a}及以上',
    areas: '{n}个国家或地区',
    notOnMap: '未在本地图上显示、仅列于表中：',
    disclaimer: '本地图所示边界和名称以及所用称谓并不意味着联合国正式认可或接受。',
  },
  ar: {
    table: 'جدول البيانات',
    year: 'السنة',
    value: 'القيمة',
    noData: 'لا توجد بيانات',
    mapClass: 'الفئة على الخريطة',
    below: 'أقل من {a}',
    between: 'من {a} إلى أقل من {b}',
    atLeast: '{a} أو أكثر',
    areas: '{n} من البلدان أو المناطق',
    notOnMap: 'غير مرسومة على هذه الخريطة، وترد في الجدول فقط:',
    disclaimer: 'لا تعني الحدود والأسماء المبيّنة والتسميات المستخدمة في هذه الخريطة إقرارًا أو قبولًا رسميًا من جانب الأمم المتحدة.',
  },
};

/** Fills `{name}` placeholders. @example fill('{a} or more', { a: '95' }) // '95 or more' */
export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
