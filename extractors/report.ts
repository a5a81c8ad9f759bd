/**
 * Article → Report: runs every field extractor over one article and assembles the report SCHEMA.md fixes. Pure:
 * the reference date is the publication date passed in (or found in the text), never the clock.
 */
import type { Article, Cause, Report } from '../types/index.ts';
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
import { canonicalUrl } from './urls.ts';

/** Bumped whenever a rule changes what reports contain, so stored reports can be re-extracted. */
export const EXTRACTOR_VERSION = 'pantau-extract/1.0.0';

/**
 * What a report's id is the hash of: its canonical URL, or its text (spacing tidied) when it has no URL. The hash
 * itself is taken at the edge (`reportId` in src/hash.ts, with node:crypto), where reports are read and written.
 *
 * @example reportIdBasis('https://www.kompas.com/read/lpse-gresik/?utm_source=wa', '') // "url:https://kompas.com/read/lpse-gresik"
 */
export function reportIdBasis(url: string | null, text: string): string {
  return url ? `url:${canonicalUrl(url)}` : `text:${text.replace(/\s+/g, ' ').trim()}`;
}

/** An article's id basis: its canonical URL (declared, else where it was read), else its text. */
export function articleIdBasis(article: Pick<Article, 'canonicalUrl' | 'url' | 'text'>): string {
  const url = article.canonicalUrl ?? article.url ?? '';
  return reportIdBasis(url || null, article.text);
}

export interface BuildReportOptions {
  /** The report's id: the record's own (a `--jsonl` line's), else `reportIdOf(article)` of src/hash.ts. */
  id: string;
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
 * @example buildReport(toArticle({ url, html }), { id: reportIdOf(article), published: "2021-06-09" }).regions[0].regency
 *   // "Kabupaten Barito Timur"
 */
export function buildReport(article: Article, opts: BuildReportOptions): Report & { suspected_causes: Cause[] } {
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

  return {
    id: opts.id,
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
