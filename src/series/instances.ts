/**
 * What the store needs to know of an instance beyond its slug: its name, its region (Kemendagri codes, from
 * `crawlers/lpse-table.json`) and its time zone, for calendar days and for the times a person reads.
 */
import { readFileSync } from 'node:fs';
import { TIMEZONE_OFFSETS } from '../../extractors/dates/constants.ts';
import { PROVINCES, REGENCIES } from '../../extractors/region/gazetteer-data.ts';
import type { Region } from '../../types/index.ts';

export interface InstanceInfo {
  /** "LPSE Kabupaten Barito Timur" */
  name: string;
  /** The Kemendagri code of the region the LPSE belongs to ("62.12", "62"), null for a ministry's. */
  regionCode: string | null;
  /** The region as a report gives it, or null. */
  region: Region | null;
  /** WIB, WITA or WIT. */
  zone: 'WIB' | 'WITA' | 'WIT';
  /** Minutes east of UTC (WIB 420). */
  offsetMinutes: number;
  /** The old host ("lpse.baritotimurkab.go.id"), for the report's `lpse.host`. */
  host: string | null;
}

/** Provinces on WITA (UTC+8) and WIT (UTC+9) by Kemendagri code; every other one is on WIB. */
const WITA_PROVINCES = ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'];
const WIT_PROVINCES = ['81', '82', '91', '92', '93', '94', '95', '96', '97'];

/** The time zone of a province code; WIB when unknown (most instances, and the central domain's). */
export function zoneOf(regionCode: string | null): 'WIB' | 'WITA' | 'WIT' {
  const province = regionCode?.slice(0, 2) ?? '';
  if (WITA_PROVINCES.includes(province)) return 'WITA';
  if (WIT_PROVINCES.includes(province)) return 'WIT';
  return 'WIB';
}

interface TableEntry {
  id: string;
  name: string;
  region_code: string | null;
  old_url?: string;
}

let table: Map<string, InstanceInfo> | null = null;

function load(): Map<string, InstanceInfo> {
  if (table) return table;
  const raw = JSON.parse(readFileSync(new URL('../../crawlers/lpse-table.json', import.meta.url), 'utf8')) as {
    instances: TableEntry[];
  };
  table = new Map(raw.instances.map((e) => [e.id, infoOf(e)]));
  return table;
}

function regionOf(code: string | null, name: string): Region | null {
  if (!code) return null;
  const province = PROVINCES.find((p) => p.code === code.slice(0, 2));
  if (!province) return null;
  const regency = code.includes('.') ? REGENCIES.find((r) => r.code === code) : undefined;
  return {
    province: province.name,
    province_code: province.code,
    regency: regency?.name ?? null,
    regency_code: regency?.code ?? null,
    evidence: `${name} (crawlers/lpse-table.json)`,
  };
}

function infoOf(e: TableEntry): InstanceInfo {
  const zone = zoneOf(e.region_code);
  let host: string | null = null;
  try {
    host = e.old_url ? new URL(e.old_url).host : null;
  } catch {}
  return {
    name: e.name,
    regionCode: e.region_code,
    region: regionOf(e.region_code, e.name),
    zone,
    offsetMinutes: TIMEZONE_OFFSETS[zone] ?? 420,
    host,
  };
}

/**
 * The instance's name, region and time zone; an instance missing from the table (a new one, a test's) is named
 * by its slug, on WIB, with no region.
 *
 * @example instanceInfo('baritotimurkab') // { name: 'LPSE Kabupaten Barito Timur', regionCode: '62.12', zone: 'WIB', … }
 */
export function instanceInfo(slug: string): InstanceInfo {
  return (
    load().get(slug) ?? {
      name: `LPSE ${slug}`,
      regionCode: null,
      region: null,
      zone: 'WIB',
      offsetMinutes: 420,
      host: null,
    }
  );
}
