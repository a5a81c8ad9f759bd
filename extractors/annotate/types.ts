/**
 * The annotation model: typed spans over an article, each with its character offsets into `Article.text`, so a
 * value decided from them can lead back to (and highlight) its sentence. New span kinds (system mentions, outage
 * mentions, speakers) extend `Annotation` with their own `kind`.
 */
import type { DayValue } from '../dates/index.ts';

/** A stretch of `Article.text`: `text` is `Article.text.slice(start, end)` when the text could be located. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** A sentence of the analysis text, its paragraph, and where it stands in `Article.text`. */
export interface SentenceAnnotation extends TextSpan {
  kind: 'sentence';
  /** Position among the article's sentences. */
  index: number;
  /** Paragraph index (a line break starts a new paragraph). */
  para: number;
  /** The sentence as the analysis text writes it (boilerplate and photo credits dropped, spaces collapsed). */
  analysed: string;
  /**
   * With no publication date: the day its paragraph was said ("…sejak kemarin," kata Budi, Rabu (9/6/2021)), which
   * its relative days ("kemarin", "sejak Senin") count from.
   */
  reference?: string;
}

/**
 * What a date is in its sentence:
 * - `start`: after a start link ("sejak Senin (8/7)", "terjadi pada 10 September 2017"), or opening its sentence;
 * - `end`: closing a range ("hingga Rabu (10/7)") or next to a recovery ("kembali normal pada Senin, 9 Mei 2024");
 * - `statement`: the day something was said ("kata Didik, Rabu (1/4)");
 * - `deadline`: a deadline or schedule ("batas akhir pemasukan penawaran pada Jumat 2 Mei");
 * - `publication`: a date line or a dateline ("Selasa, 16 Februari 2021 05:53 WIB", "Trenggalek, 22/5 (ADSFM) -");
 * - `other`: any other day.
 */
export type DateRole = 'start' | 'end' | 'statement' | 'deadline' | 'publication' | 'other';

/**
 * What tied a date to its role: a strong "since" ("sejak", "mulai"), a weak "on" ("pada", "tanggal"), opening its
 * sentence before a comma, closing its sentence after a comma with no one speaking ("…diretas orang tak dikenal,
 * Minggu (6/6/2021)."), set between commas after the subject ("Situs LPSE Kota Contoh, Senin (7/6/2021), tidak bisa
 * diakses"), a range connector before it, a recovery right before it ("kembali normal pada …") or after
 * it in its clause ("…, jaringan sudah kembali normal").
 */
export type DateLink =
  | 'since'
  | 'on'
  | 'opening'
  | 'closing'
  | 'inserted'
  | 'range-end'
  | 'recovery'
  | 'recovery-after'
  | null;

/** A date mention (chrono.id plus the project's parsers) in its sentence. */
export interface DateAnnotation extends TextSpan {
  kind: 'date';
  /** Index of its sentence in `Annotations.sentences`. */
  sentence: number;
  /** Offset of the mention in its sentence's text. */
  offset: number;
  /** The mention as written, in the analysis text (`text` is the same stretch of `Article.text`). */
  written: string;
  day: DayValue;
  /** The end of a range written as a date ("hingga 9 Juni 2021"); null otherwise. */
  endDay: DayValue | null;
  /** YYYY-MM-DD of `day` / `endDay`, null when the year is unknown. */
  iso: string | null;
  endIso: string | null;
  /** Written in words relative to the publication date ("kemarin", "tadi pagi"). */
  relative: boolean;
  /** A range's end written without a date, from its connector on ("hingga Selasa sore"). */
  openEnd?: string;
  role: DateRole;
  link: DateLink;
}

export type Annotation = SentenceAnnotation | DateAnnotation;

/** An article annotated: its sentences and date mentions, in text order. */
export interface Annotations {
  /** The analysis text the sentences were split from (boilerplate lines dropped). */
  analysisText: string;
  sentences: SentenceAnnotation[];
  dates: DateAnnotation[];
  /** The publication date (YYYY-MM-DD) the relative dates were resolved against, or null. */
  published: string | null;
  /** Years the text, its title or its URL name, for weekday-based year inference. */
  years: number[];
}
