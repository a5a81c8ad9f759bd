/**
 * The extraction engine: Article → Report, and the field extractors it is built from, each a pure function
 * returning its value with the evidence behind it.
 */
export { type AllegationValue, extractAllegation } from './allegation.ts';
export { extractCauses } from './cause/index.ts';
export { type ExtractContext, makeContext } from './context.ts';
export { type DateMention, type DayValue, isoDay, parseDates, yearsIn } from './dates/index.ts';
export { extractIsIncident, type RelevanceValue } from './fields/incident.ts';
export { extractOutageWindow, type OutageWindow } from './fields/outage-window.ts';
export { extractImpact, type ImpactValue } from './impact.ts';
export { extractLanguage } from './language/index.ts';
export { extractOfficials, parseWho } from './officials/index.ts';
export { extractPublished } from './published.ts';
export { extractRegions, type RegionValue, regionFromHost } from './region/index.ts';
export { articleIdBasis, type BuildReportOptions, buildReport, EXTRACTOR_VERSION, reportIdBasis } from './report.ts';
export { textArticle } from './text-article.ts';
export { canonicalUrl, isTrackingParam, TRACKING_PARAMS } from './urls.ts';
