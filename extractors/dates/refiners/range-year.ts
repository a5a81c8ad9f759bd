/**
 * Gives the start of a range the end's year when only the end carries one: "sejak 27 September hingga 2 Oktober
 * 2020", "tanggal 9 hingga 23 juni 2020". A start that would then fall after its end belongs to the year before.
 * A chrono Refiner; runs before year inference.
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

export class RangeYearRefiner implements Refiner {
  refine(_context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const r of results) {
      if (!r.end || r.start.isCertain('year') || !r.end.isCertain('year')) continue;
      // "hingga sekarang" is certain to chrono but writes no year
      if (!/\d{4}/.test(r.text)) continue;
      const ey = r.end.get('year') ?? 0;
      const sm = r.start.get('month') ?? 0;
      const em = r.end.get('month') ?? 0;
      r.start.assign('year', sm > em ? ey - 1 : ey);
    }
    return results;
  }
}
