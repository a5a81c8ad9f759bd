/**
 * Which of Indonesia's three time zones an instance's clock keeps (pure). SPSE prints schedule times in the
 * instance's local time; the zone follows the province (Keppres 41/1987): WIB (UTC+7) for Sumatra, Java, West
 * and Central Kalimantan; WITA (UTC+8) for Bali, Nusa Tenggara, South, East and North Kalimantan and Sulawesi;
 * WIT (UTC+9) for Maluku and Papua. National institutions (no region) run in Jakarta: WIB.
 */

/** Kemendagri province codes in WITA. */
export const WITA_PROVINCES = ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'] as const;
/** Kemendagri province codes in WIT: Maluku (81, 82) and the Papua provinces (91-96). */
export const WIT_PROVINCES = ['81', '82', '91', '92', '93', '94', '95', '96'] as const;

/**
 * The UTC offset of a region by its Kemendagri code (province "73" or regency "73.22"); 7 for none.
 * @example utcOffsetOfRegion('73.22') // 8 (Kabupaten Luwu Utara, Sulawesi Selatan: WITA)
 */
export function utcOffsetOfRegion(code: string | null | undefined): 7 | 8 | 9 {
  const province = (code ?? '').slice(0, 2);
  if ((WIT_PROVINCES as readonly string[]).includes(province)) return 9;
  if ((WITA_PROVINCES as readonly string[]).includes(province)) return 8;
  return 7;
}
