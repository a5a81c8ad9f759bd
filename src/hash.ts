/**
 * Hashing, at the I/O edge: the archive's keys and body hashes, observation file names, and report ids. The
 * extractors say what an id is the hash of (`reportIdBasis`) and stay free of node:crypto.
 */
import * as crypto from 'node:crypto';
import { articleIdBasis, reportIdBasis } from '../extractors/report.ts';
import type { Article } from '../types/index.ts';

/** SHA-256 hex; crypto.hash (Node ≥ 20.12) skips the Hash object, which hot paths (a crawl, an extraction) notice. */
export const sha256hex: (data: string) => string =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', data)
    : (data) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * A report's stable id: 16 hex chars of the SHA-256 of its canonical URL, or of its text when it has no URL.
 *
 * @example reportId('http://www.kompas.com/read/lpse-gresik/', '') === reportId('https://kompas.com/read/lpse-gresik', '') // true
 */
export function reportId(url: string | null, text: string): string {
  return sha256hex(reportIdBasis(url, text)).slice(0, 16);
}

/** The id of the report built from this article (`buildReport(article, { id: reportIdOf(article) })`). */
export function reportIdOf(article: Pick<Article, 'canonicalUrl' | 'url' | 'text'>): string {
  return sha256hex(articleIdBasis(article)).slice(0, 16);
}
