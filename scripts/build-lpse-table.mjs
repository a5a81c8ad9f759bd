#!/usr/bin/env node
// Generates crawlers/lpse-table.json, Pantau's own table of LPSE instances, from an institution → LPSE list
// (default ../shared/data/lpse-instances.csv: name "Institution > LPSE name", url on spse.inaproc.id, old_url on
// the LPSE's own host) and idn-area-data's provinces and kabupaten/kota (Kemendagri codes). One entry per
// instance: both host forms, the institutions it serves (with their region codes), and its own region code when
// it is a kabupaten/kota/provinsi LPSE. Names that match no region are listed on stderr and in the file's
// "unmatched", never dropped. Re-run on a newer list:  node scripts/build-lpse-table.mjs [list.csv]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'lpse-instances.csv'));
const require = createRequire(import.meta.url);
const areaDir = dirname(require.resolve('idn-area-data/package.json'));
const areaVersion = JSON.parse(readFileSync(join(areaDir, 'package.json'), 'utf8')).version;
const csv = (file) => parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });

// "Kab. Kep. Seribu", "Kabupaten Pangkajene dan Kepulauan", "Kota Pematang Siantar" → one comparable key.
const key = (s) =>
  s
    .toLowerCase()
    .replace(/\bkep\.\s*/g, 'kepulauan ')
    .replace(/\b(?:dan|daerah khusus ibukota|daerah istimewa|dki|d\.i\.|di)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '');

/** Region kind and bare name of an institution or LPSE name: "Kab. Sigi" → ["kabupaten", "Sigi"]. */
function regionName(name) {
  const n = name
    .replace(/^(?:LPSE|SPSE|UKPBJ|BPBJ)\s+/i, '')
    .replace(/\s*\(.*\)\s*$/, '')
    .trim();
  let m = /^(?:Kab\.|Kabupaten)\s+(.+)$/i.exec(n);
  if (m) return ['kabupaten', m[1]];
  m = /^Kota\s+(.+)$/i.exec(n);
  if (m) return ['kota', m[1]];
  m = /^(?:Prov\.|Provinsi|Pemprov|Pemerintah Provinsi)\s+(.+)$/i.exec(n);
  if (m) return ['provinsi', m[1]];
  return null;
}

const provinces = csv(join(areaDir, 'data', 'provinces.csv'));
const regencies = csv(join(areaDir, 'data', 'regencies.csv'));
const index = { kabupaten: new Map(), kota: new Map(), provinsi: new Map() };
for (const p of provinces) index.provinsi.set(key(p.name), p.code);
for (const r of regencies) {
  const m = /^(KABUPATEN|KOTA)\s+(.+)$/.exec(r.name);
  if (m) index[m[1] === 'KOTA' ? 'kota' : 'kabupaten'].set(key(m[2]), r.code);
}
// Names the list writes differently from Kemendagri's.
const ALIASES = {
  provinsi: { jakarta: 'dkijakarta', yogyakarta: 'daerahistimewayogyakarta', jogja: 'daerahistimewayogyakarta' },
  kota: { padangsidimpuan: 'padangsidempuan' },
  // Renamed Kabupaten Kepulauan Tanimbar in 2019.
  kabupaten: { malukutenggarabarat: 'kepulauantanimbar' },
};

function codeOf(name) {
  const r = regionName(name);
  if (!r) return { kind: null, code: null };
  const [kind, bare] = r;
  const k = key(bare);
  // "Kabupaten Meranti" for Kabupaten Kepulauan Meranti, "Provinsi Bangka Belitung" for Kepulauan Bangka Belitung.
  const code =
    index[kind].get(k) ?? index[kind].get(ALIASES[kind]?.[k] ?? '') ?? index[kind].get(`kepulauan${k}`) ?? null;
  return { kind, code };
}

const hostOf = (u) => {
  try {
    return new URL(u).host.toLowerCase();
  } catch {
    return null;
  }
};

const rows = csv(input);
const byUrl = new Map();
const unmatched = new Set();
for (const row of rows) {
  const [institution, lpseName] = row.name.includes(' > ') ? row.name.split(' > ') : [row.name, row.name];
  let inst = byUrl.get(row.url);
  if (!inst) {
    const own = codeOf(lpseName);
    if (own.kind && !own.code) unmatched.add(lpseName);
    const path = new URL(row.url).pathname.replace(/^\/+|\/+$/g, '');
    inst = {
      id: path,
      name: lpseName,
      kind: own.kind ?? 'institution',
      region_code: own.code,
      url: row.url,
      old_url: row.old_url || null,
      hosts: [hostOf(row.url), hostOf(row.old_url)].filter(Boolean),
      serves: [],
    };
    byUrl.set(row.url, inst);
  }
  const served = codeOf(institution);
  if (served.kind && !served.code) unmatched.add(institution);
  inst.serves.push({ name: institution, region_code: served.code });
}

const instances = [...byUrl.values()].sort((a, b) => a.id.localeCompare(b.id));
const out = {
  generated_from: {
    list: input.replace(`${resolve(root, '..')}/`, '../'),
    rows: rows.length,
    'idn-area-data': areaVersion,
  },
  count: instances.length,
  unmatched: [...unmatched].sort(),
  instances,
};
const file = join(root, 'crawlers', 'lpse-table.json');
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
// In the project's format, so `npm run lint` and a re-run leave it as generated.
const biome = join(root, 'node_modules', '.bin', 'biome');
if (existsSync(biome)) spawnSync(biome, ['format', '--write', file], { stdio: 'ignore' });
const regional = instances.filter((i) => i.kind !== 'institution');
console.log(
  `crawlers/lpse-table.json: ${instances.length} instances from ${rows.length} rows; ${regional.length} kabupaten/kota/provinsi LPSEs, ${regional.filter((i) => i.region_code).length} with a Kemendagri code`,
);
if (unmatched.size) {
  console.error(`${unmatched.size} region name(s) matched no Kemendagri region:`);
  for (const u of [...unmatched].sort()) console.error(`  ${u}`);
}
