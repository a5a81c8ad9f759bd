/**
 * The instances the local SPSE serves: by default the 600 of `crawlers/lpse-table.json`, each under its slug on
 * the central domain and under its own old host, with a version and footer style given deterministically (so a
 * test can say which instance shows the old eproc4 footer).
 */
import { LPSE_TABLE_PATH, type LpseTableEntry, readLpseTable } from '../../probe/targets.ts';

export interface SimInstance {
  /** The slug of `spse.inaproc.id/<slug>`: `baritotimurkab`. */
  slug: string;
  /** "LPSE Kabupaten Barito Timur". */
  name: string;
  /** The instance's own host (the old form `<host>/eproc4`): `lpse.baritotimurkab.go.id`. */
  oldHost: string;
  /** The SPSE version its footer shows: "4.5u20250321". */
  version: string;
  /** Which home page it serves: SPSE 4.5's, or the old eproc4 one with div#footer. */
  footer: '4.5' | 'eproc4';
  /** Hours east of UTC: 7 (WIB), 8 (WITA), 9 (WIT). */
  utcOffset: 7 | 8 | 9;
  /** The old host answers with a redirect to the central form (the 2024 move), instead of serving itself. */
  moved: boolean;
  /** Kemendagri code, when the table has one ("62.13"). */
  regionCode: string | null;
}

// Provinces east of WIB (Kemendagri province codes): Bali, NTB, NTT, South/East/North Kalimantan, Sulawesi → WITA;
// Maluku and Papua → WIT.
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

/** The UTC offset of a region code's province (WIB when unknown: most national institutions sit in Jakarta). */
export function utcOffsetOf(regionCode: string | null): 7 | 8 | 9 {
  const p = regionCode?.slice(0, 2) ?? '';
  return WIT.has(p) ? 9 : WITA.has(p) ? 8 : 7;
}

/**
 * The simulated instances of LPSE table entries: one in seven keeps the old eproc4 page ("SPSE v4.3u20191009"),
 * one in five has moved (its old host redirects to the central form), the rest show 4.5's footer.
 */
export function simInstances(entries: readonly LpseTableEntry[]): SimInstance[] {
  return entries.map((e, i) => {
    const eproc4 = i % 7 === 3;
    return {
      slug: e.id,
      name: e.name,
      oldHost: e.old_url ? new URL(e.old_url).host : `lpse.${e.id}.go.id`,
      version: eproc4 ? '4.3u20191009' : '4.5u20250321',
      footer: eproc4 ? 'eproc4' : '4.5',
      utcOffset: utcOffsetOf(e.region_code),
      moved: !eproc4 && i % 5 === 4,
      regionCode: e.region_code,
    };
  });
}

/** The 600 instances of `crawlers/lpse-table.json`, as the local SPSE serves them. */
export function tableInstances(path = LPSE_TABLE_PATH): SimInstance[] {
  return simInstances(readLpseTable(path));
}
