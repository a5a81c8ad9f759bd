/**
 * Parses a part of a day written relative to the reference (the publication date), which chrono.id leaves out or
 * reads as a time only: "tadi pagi", "pagi tadi", "sore ini" (the reference day), "sore kemarin" (the day before),
 * and a range of parts closed by the day word, "pagi hingga sore kemarin" (both ends on the day before). chrono
 * already reads "kemarin sore" and "tadi malam". A chrono Parser; the result's text has no digit, so callers treat
 * it as relative.
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { alternation } from '../../text-helpers.ts';
import { RANGE_CONNECTORS } from '../constants.ts';

/** Parts of the day and the hour each implies. */
const PART_HOURS: Record<string, number> = { 'dini hari': 3, pagi: 8, siang: 12, sore: 16, petang: 17, malam: 20 };
/** The day a word names, in days from the reference. "malam ini" is tonight, a time still to come: left out. */
const DAY_WORDS: Record<string, number> = { kemarin: -1, tadi: 0, ini: 0 };

const PART = alternation(Object.keys(PART_HOURS));
/** Word range connectors only: "pagi - sore" is too loose to read as a range. */
const CONNECTOR = alternation(RANGE_CONNECTORS.filter((c) => /[a-z]/i.test(c)));
const PATTERN = new RegExp(
  `\\b(?:(?:(?<from>${PART})\\s+(?:${CONNECTOR})\\s+)?(?<part>${PART})\\s+(?<day>kemarin|tadi|ini)|tadi\\s+(?<tadi>${PART}))\\b`,
  'i',
);

/** Marks a result of this parser: its range end names its day ("pagi hingga sore kemarin"), unlike "hingga kini". */
export const RELATIVE_DAY_PART_TAG = 'pantau/relativeDayPart';

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

export class RelativeDayPartParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray) {
    const g = match.groups ?? {};
    const part = norm(g.part ?? g.tadi ?? '');
    const dayWord = g.tadi ? 'tadi' : norm(g.day ?? '');
    // "malam ini" is tonight; "dini hari ini" reads the same way
    if (dayWord === 'ini' && (part === 'malam' || part === 'dini hari')) return null;
    const offset = DAY_WORDS[dayWord];
    if (offset === undefined) return null;
    const ref = context.reference.instant;
    const day = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate() + offset, 12));
    const component = (p: string) => {
      const c = context.createParsingComponents();
      c.assign('year', day.getUTCFullYear());
      c.assign('month', day.getUTCMonth() + 1);
      c.assign('day', day.getUTCDate());
      c.imply('hour', PART_HOURS[p] ?? 12);
      return c;
    };
    const from = g.from ? norm(g.from) : null;
    const start = component(from ?? part);
    const end = from ? component(part) : undefined;
    return context.createParsingResult(match.index ?? 0, match[0], start, end).addTag(RELATIVE_DAY_PART_TAG);
  }
}
