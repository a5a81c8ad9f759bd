/**
 * Article → Report: runs every field extractor over one article and assembles the report SCHEMA.md fixes. Pure:
 * the reference date is the publication date passed in (or found in the text), never the clock.
 */
import { sha256hex } from '../src/hash.ts';
import type { Article, Cause, Report } from '../src/types.ts';
import { extractAllegation } from './allegation.ts';
import { extractCauses } from './cause/index.ts';
import { makeContext } from './context.ts';
import { isCalendarDay } from './days.ts';
import { extractIsIncident } from './fields/incident.ts';
import { extractOutageWindow } from './fields/outage-window.ts';
import { extractImpact } from './impact.ts';
import { extractLanguage } from './language/index.ts';
import { extractOfficials } from './officials/index.ts';
import { extractPublished } from './published.ts';
import { extractRegions } from './region/index.ts';

/** Bumped whenever a rule changes what reports contain, so stored reports can be re-extracted. */
export const EXTRACTOR_VERSION = 'pantau-extract/1.0.0';

/** Query parameters that do not change the document. */
const TRACKING_PARAM_RE = /^(?:utm_\w+|fbclid|gclid|amp|ref|source|pgrelated)$/i;

/** The URL that identifies a document: lower-case host, no fragment, no tracking parameters, no trailing slash. */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = '';
    u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
    // most URLs have no query: reading searchParams would build one
    if (u.search) for (const k of [...u.searchParams.keys()]) if (TRACKING_PARAM_RE.test(k)) u.searchParams.delete(k);
    let s = u.toString();
    if (s.endsWith('/') && u.pathname !== '/') s = s.slice(0, -1);
    return s.replace(/^http:/, 'https:');
  } catch {
    return url.trim();
  }
}

/** A stable id: the hash of the canonical URL, or of the text when there is no URL. */
export function reportId(url: string | null, text: string): string {
  const basis = url ? `url:${canonicalUrl(url)}` : `text:${text.replace(/\s+/g, ' ').trim()}`;
  return sha256hex(basis).slice(0, 16);
}

export interface BuildReportOptions {
  id?: string;
  /** Publication date YYYY-MM-DD from the caller (feed, sitemap), preferred over the page's own. */
  published?: string | null;
}

const ISO_DAY_RE = /^(\d{4})-(\d{2})-(\d{2})/;

/** "2021-06-09" (or a timestamp starting so) when it is a real day between 1990 and 2100, else null. */
export function validDay(s: string | null | undefined): string | null {
  const m = s ? ISO_DAY_RE.exec(s) : null;
  if (!m) return null;
  const y = Number(m[1]);
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  return y >= 1990 && y <= 2100 && isCalendarDay(day) ? day : null;
}

/**
 * @example buildReport(toArticle({ url, html }), { published: "2021-06-09" }).regions[0].regency
 *   // "Kabupaten Barito Timur"
 */
export function buildReport(article: Article, opts: BuildReportOptions = {}): Report & { suspected_causes: Cause[] } {
  const given = validDay(opts.published);
  const metaPublished = validDay(article.published);
  const ctx0 = makeContext(article, given ?? metaPublished);
  const fromText = (given ?? metaPublished) ? null : extractPublished(ctx0).value;
  const published = given ?? metaPublished ?? fromText;
  const ctx = published === ctx0.published ? ctx0 : { ...ctx0, published };

  const language = extractLanguage(ctx).value;
  const relevance = extractIsIncident(ctx, language);
  const isIncident = relevance.value.is_incident;
  const region = extractRegions(ctx);
  const outage = isIncident ? extractOutageWindow(ctx, published) : null;
  const officials = extractOfficials(ctx);
  // the officials first: a cause carries who stated it, and a claimant's word is only a suspicion
  const causes = isIncident ? extractCauses(ctx, officials.value).value : [];
  const allegation = extractAllegation(ctx);
  const impact = extractImpact(ctx);
  const url = article.canonicalUrl ?? article.url ?? '';

  return {
    id: opts.id ?? reportId(url || null, article.text),
    url: article.url ?? '',
    title: article.title || firstLine(article.text),
    text: article.text,
    source: { name: article.publisher, host: ctx.host, kind: article.kind },
    language,
    published,
    is_incident: isIncident,
    scope: isIncident ? region.scope : 'local',
    regions: region.value.regions,
    lpse: region.value.lpse,
    outage: {
      start: outage?.value.start ?? null,
      end: outage?.value.end ?? null,
      evidence: outage?.evidence.map((e) => e.text) ?? [],
      // the evidence with its offsets, for highlighting (left out when there is none); a span's text is the text at
      // its offsets, as written (the evidence strings above are the sentences with their spacing tidied)
      ...(outage?.evidence.length
        ? {
            spans: outage.evidence.map((e) =>
              e.start === undefined ? e : { ...e, text: article.text.slice(e.start, e.end) },
            ),
          }
        : {}),
    },
    // SCHEMA.md: only stated causes are the incident's causes; speculation is kept apart
    causes: causes.filter((c) => c.certainty === 'stated'),
    suspected_causes: causes.filter((c) => c.certainty === 'suspected'),
    allegation: {
      present: allegation.value.present,
      evidence: allegation.evidence.map((e) => e.text),
      by: allegation.value.by,
    },
    officials: officials.value,
    impact: {
      schedule_changed: impact.value.schedule_changed,
      manual_fallback: impact.value.manual_fallback,
      tenders_affected: impact.value.tenders_affected,
      evidence: impact.evidence.map((e) => e.text),
    },
    urls: article.url ? [article.url] : [],
    extractor_version: EXTRACTOR_VERSION,
  };
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 200);
}
