/**
 * The platform's chart module: server-rendered SVG charts with their data tables, for every
 * page (profiles, groups, indicators and the map, comparison, the brief). See README.md.
 */
export type { ChartBase, RenderedChart } from './frame.js';
export { trendChart, comparisonChart, type LineChartSpec, type LineSeries, type YearPoint, type ValueAxisSpec } from './line-chart.js';
export { sparkline, type SparklineSpec } from './sparkline.js';
export { barChart, MAX_BARS, type Bar, type BarChartSpec } from './bar-chart.js';
export { choroplethMap, joinAreas, type ChoroplethSpec, type MapArea, type MapJoin } from './map/choropleth.js';
export type { MapClassSpec } from './map/classify.js';
export { worldGeometry } from './map/geometry.js';
export { standaloneSvg } from './standalone.js';
export { MAX_SERIES } from './palette.js';
