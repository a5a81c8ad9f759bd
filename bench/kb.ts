/**
 * Knowledge-base benchmark: 100,000 synthetic but realistic reports (regions from idn-area-data, Indonesian
 * outage stories with quotes, syndicated copies, a PDN-style national outage, non-incident news) are merged,
 * grouped and indexed; each figure is compared with a baseline measured in the same run on the same server:
 *
 *   indexing   Pantau's rebuild (fresh indexes with settings, batched addDocuments, atomic swap, old deleted)
 *              vs a plain addDocuments of the same documents into an index with the same settings.
 *   search     `searchIncidents` (validation, quoting, facets, mapping) vs the same query sent with the client.
 *
 * Run: npm run bench kb   (BENCH_REPORTS=20000 for a quicker run; BENCH_SECOND_REBUILD=1 also times a rebuild
 * over the live index, the usual case after the first `pantau index`)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveDataDir } from '../src/config.ts';
import type { SearchParams } from '../src/kb/api.ts';
import { dedupeReports } from '../src/kb/dedupe.ts';
import { groupIncidents } from '../src/kb/group.ts';
import { buildDocuments, ensureIndex, type IndexNames, rebuildIndexes, waitLongTask } from '../src/kb/indexer.ts';
import { FACETS, SUMMARY_FIELDS, searchIncidents } from '../src/kb/search.ts';
import { connectMeili } from '../src/meili/embedded.ts';
import { waitOk } from '../src/meili/tasks.ts';
import type { CauseCategory, Official, Report, SourceKind } from '../types/index.ts';

const N = Number(process.env.BENCH_REPORTS ?? 100_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 300);

// ---------------------------------------------------------------- synthetic reports

/** mulberry32: a small seeded PRNG, so every run indexes the same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20240620);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const titleCase = (s: string) => s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());

interface Place {
  province: string;
  province_code: string;
  regency: string;
  regency_code: string;
  short: string;
  host: string;
}

function loadPlaces(): Place[] {
  const pkg = dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json'));
  const csv = (f: string) =>
    readFileSync(join(pkg, 'data', f), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
  const provinces = new Map(csv('provinces.csv').map(([code, name]) => [code!, titleCase(name!)]));
  return csv('regencies.csv').map(([code, pcode, name]) => {
    const regency = titleCase(name!);
    const short = regency.replace(/^(Kabupaten|Kota) /, '');
    const slug = short.toLowerCase().replace(/[^a-z]/g, '');
    return {
      province: provinces.get(pcode!) ?? pcode!,
      province_code: pcode!,
      regency,
      regency_code: code!,
      short,
      host: regency.startsWith('Kota') ? `lpse.${slug}kota.go.id` : `lpse.${slug}kab.go.id`,
    };
  });
}

const FIRST = [
  'Abdul',
  'Ahmad',
  'Budi',
  'Dewi',
  'Eko',
  'Fitri',
  'Gusti',
  'Hendra',
  'Indah',
  'Joko',
  'Kurniawan',
  'Lestari',
  'Muhammad',
  'Nur',
  'Putu',
  'Rahmat',
  'Siti',
  'Teguh',
  'Wahyu',
  'Yusuf',
];
const LAST = [
  'Gafur',
  'Santoso',
  'Siregar',
  'Hasibuan',
  'Wibowo',
  'Saputra',
  'Rahman',
  'Nugroho',
  'Lubis',
  'Pangaribuan',
  'Setiawan',
  'Hidayat',
  'Purba',
  'Kusuma',
  'Tanjung',
  'Harahap',
  'Sinaga',
  'Pratama',
];
const OUTLETS = [
  ['ANTARA', 'antaranews.com'],
  ['Kompas.com', 'regional.kompas.com'],
  ['Tribunnews', 'tribunnews.com'],
  ['Detik', 'detik.com'],
  ['Radar', 'radarnusantara.id'],
  ['Pos', 'posdaerah.co.id'],
] as const;
const CAUSES: Array<[CauseCategory, number, string]> = [
  ['hardware', 0.22, 'ada komponen perangkat keras server yang rusak'],
  ['network', 0.18, 'jaringan internet dari penyedia layanan terputus'],
  ['upgrade', 0.14, 'sedang dilakukan pembaruan aplikasi ke SPSE versi terbaru'],
  ['power', 0.1, 'listrik padam di ruang server dan genset tidak menyala'],
  ['overload', 0.08, 'terlalu banyak penyedia mengunggah dokumen penawaran bersamaan'],
  ['cyberattack', 0.06, 'situs LPSE diretas dan tampilannya diubah oleh peretas'],
  ['maintenance', 0.08, 'ada pemeliharaan server terjadwal'],
  ['unexplained', 0.14, 'penyebab gangguan belum diketahui dan masih ditelusuri'],
];
const OUTAGE_WORDS = ['tidak bisa diakses', 'lumpuh', 'down', 'error', 'mengalami gangguan', 'lumpuh total'];
const WEEKDAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const FILLER = [
  'Sejumlah kontraktor mengaku resah karena batas waktu pemasukan penawaran semakin dekat.',
  'Pokja pemilihan akan mengumumkan perubahan jadwal melalui aplikasi setelah layanan kembali normal.',
  'Pemerintah daerah berkoordinasi dengan LKPP untuk memulihkan layanan secepatnya.',
  'Beberapa paket pekerjaan jalan, jembatan dan irigasi tahun anggaran berjalan ikut tertunda.',
  'Penyedia diminta memantau pengumuman resmi di laman LPSE dan tidak mempercayai informasi yang tidak jelas sumbernya.',
  'Anggota DPRD meminta inspektorat memeriksa penyebab gangguan agar tidak terulang.',
];

function pickCause(): [CauseCategory, string] {
  let x = rand();
  for (const [c, w, ev] of CAUSES) {
    x -= w;
    if (x <= 0) return [c, ev];
  }
  return ['unexplained', CAUSES.at(-1)![2]];
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

function makeReport(
  id: number,
  place: Place,
  start: Date,
  cause: CauseCategory,
  causeText: string,
  official: Official,
  opts: { scope?: 'local' | 'national'; allegation?: boolean; kind?: SourceKind } = {},
): Report {
  const [outlet, host] = pick(OUTLETS);
  const published = addDays(start, Math.floor(rand() * 4));
  const words = pick(OUTAGE_WORDS);
  const quote = `${causeText[0]!.toUpperCase()}${causeText.slice(1)}, kami sedang berupaya memulihkan layanan`;
  const allegation = opts.allegation ?? rand() < 0.08;
  const allegationText = 'Ini patut diduga ada permainan dan pengondisian pemenang tender';
  const text = [
    `Layanan Pengadaan Secara Elektronik (LPSE) ${place.regency}, ${place.province}, ${words} sejak ${WEEKDAYS[start.getUTCDay()]} (${start.getUTCDate()}/${start.getUTCMonth() + 1}).`,
    `"${quote}," kata ${official.role} ${official.name} di ${place.short}.`,
    pick(FILLER),
    allegation ? `"${allegationText}," ujar seorang kontraktor yang enggan disebut namanya.` : pick(FILLER),
    pick(FILLER),
  ].join('\n\n');
  const slug = `lpse-${place.short.toLowerCase().replace(/[^a-z]+/g, '-')}-${words.replace(/ /g, '-')}-${id}`;
  return {
    id: `r-${id.toString(36)}`,
    url: `https://${place.province_code}.${host}/berita/${day(published)}/${slug}`,
    title: `LPSE ${place.short} ${words}`,
    text,
    source: { name: `${outlet} ${place.province}`, host, kind: opts.kind ?? 'news' },
    language: 'ind',
    published: day(published),
    is_incident: true,
    scope: opts.scope ?? 'local',
    regions: [{ ...place, evidence: `LPSE ${place.short}` }],
    lpse: { name: `LPSE ${place.regency}`, host: place.host },
    outage: {
      start: day(start),
      end: rand() < 0.4 ? day(addDays(start, 1 + Math.floor(rand() * 5))) : null,
      evidence: [],
    },
    causes: [
      { category: cause, evidence: causeText, certainty: rand() < 0.85 ? 'stated' : 'suspected', by: official.name },
    ],
    allegation: { present: allegation, evidence: allegation ? [allegationText] : [] },
    officials: [{ ...official, quotes: [quote] }],
    impact: { schedule_changed: rand() < 0.5, manual_fallback: rand() < 0.1, evidence: [] },
  };
}

/** `n` synthetic reports, the same for every run (seeded). */
export function generate(n: number): Report[] {
  const places = loadPlaces();
  const officials = new Map<string, Official>();
  const officialOf = (p: Place) => {
    let o = officials.get(p.regency_code);
    if (!o) {
      o = {
        name: `${pick(FIRST)} ${pick(LAST)}`,
        role: `Kepala LPSE ${p.short}`,
        organization: `LPSE ${p.regency}`,
        stance: 'official',
        quotes: [],
      };
      officials.set(p.regency_code, o);
    }
    return o;
  };
  const reports: Report[] = [];
  let id = 0;
  // The PDN outage of June 2024: ~2% of all reports, from up to 300 LPSEs in the same days.
  const pdnStart = new Date(Date.UTC(2024, 5, 20));
  const pdnPlaces = places.slice(0, 300);
  for (let k = 0; k < n * 0.02; k++) {
    const p = pick(pdnPlaces);
    reports.push(
      makeReport(
        id++,
        p,
        addDays(pdnStart, Math.floor(rand() * 3)),
        'pdn',
        'server LPSE berada di Pusat Data Nasional yang terkena serangan ransomware',
        officialOf(p),
        {
          scope: rand() < 0.05 ? 'national' : 'local',
        },
      ),
    );
  }
  while (reports.length < n) {
    const p = pick(places);
    const start = new Date(
      Date.UTC(2015 + Math.floor(rand() * 11), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)),
    );
    const [cause, causeText] = pickCause();
    const o = officialOf(p);
    const r = rand();
    if (r < 0.1) {
      // News about an LPSE that is not an outage.
      const rep = makeReport(id++, p, start, cause, causeText, o);
      reports.push({
        ...rep,
        is_incident: false,
        title: `LPSE ${p.short} gelar bimtek SPSE`,
        causes: [],
        text: `LPSE ${p.regency} menggelar bimbingan teknis SPSE bagi penyedia. ${pick(FILLER)} ${pick(FILLER)}`,
      });
      continue;
    }
    // One outage, told by 1–4 outlets; a tenth of the stories also run as a syndicated copy.
    const tellings = 1 + Math.floor(rand() * rand() * 4);
    const allegation = rand() < 0.08;
    for (let t = 0; t < tellings && reports.length < n; t++) {
      const rep = makeReport(id++, p, addDays(start, Math.floor(rand() * 3)), cause, causeText, o, {
        allegation,
        kind: rand() < 0.1 ? 'lpse-announcement' : 'news',
      });
      reports.push(rep);
      if (rand() < 0.1 && reports.length < n) {
        const copyId = id++;
        reports.push({
          ...rep,
          id: `r-${copyId.toString(36)}`,
          url: `https://koranmitra${copyId % 50}.id/read/${copyId}`,
          source: { name: `Koran Mitra ${copyId % 50}`, host: `koranmitra${copyId % 50}.id`, kind: 'news' },
          text: `${p.short.toUpperCase()}, KORANMITRA - ${rep.text}\n\nBaca juga: ${pick(FILLER)}\n\n(ant/red)`,
        });
      }
    }
  }
  return reports.slice(0, n);
}

// ---------------------------------------------------------------- helpers

const ms = (t: number) => `${t.toFixed(0)} ms`;
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
}

// ---------------------------------------------------------------- run

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'pantau-bench-kb-'));
  const server = await connectMeili(resolveDataDir(root), { log: (l) => console.log(l) });
  // Both paths, Pantau's and the baseline, use the uncompressed client the CLI and the web app use (src/kb/client.ts).
  const conn = { client: server.client, close: () => server.close() };
  let ok = false;
  try {
    const [reports, genMs] = await timed(() => generate(N));
    console.log(`generated ${reports.length} reports in ${ms(genMs)}`);

    const [deduped, dedupeMs] = await timed(() => dedupeReports(reports));
    const [incidents, groupMs] = await timed(() => groupIncidents(deduped));
    const [docs, docsMs] = await timed(() => buildDocuments(incidents, deduped));
    const parents = incidents.filter((i) => i.scope === 'national').length;
    console.log(
      `dedupe ${ms(dedupeMs)} (${reports.length - deduped.length} copies merged) · group ${ms(groupMs)} (${incidents.length} incidents, ${parents} national with ${incidents.filter((i) => i.parent_id).length} children) · documents ${ms(docsMs)}`,
    );

    // Baseline: the same documents, one plain addDocuments per index, into indexes that already have the settings.
    const plain: IndexNames = { incidents: 'plain_incidents', reports: 'plain_reports' };
    await Promise.all([
      ensureIndex(conn.client, plain.incidents, 'incidents'),
      ensureIndex(conn.client, plain.reports, 'reports'),
    ]);
    // The plain way: addDocuments per 5,000 documents (one request for all would exceed Meilisearch's 100 MB
    // payload limit), each request sent when the previous one is accepted, then wait for the tasks.
    const [, plainMs] = await timed(async () => {
      const tasks = [];
      for (const [uid, list] of [
        [plain.incidents, docs.incidents],
        [plain.reports, docs.reports],
      ] as const) {
        for (let i = 0; i < list.length; i += 5000) {
          const t = conn.client.index(uid).addDocuments(list.slice(i, i + 5000) as never[], { primaryKey: 'id' });
          await t;
          tasks.push(t);
        }
      }
      for (const t of tasks) await waitLongTask(conn.client, t);
    });
    // Gone before Pantau's run, so both runs index into the same, otherwise empty, server.
    await waitOk(conn.client.deleteIndex(plain.incidents));
    await waitOk(conn.client.deleteIndex(plain.reports));
    // Pantau: fresh indexes, settings, batched documents, atomic swap, old indexes deleted.
    const live: IndexNames = { incidents: 'incidents', reports: 'reports' };
    const [, pantauMs] = await timed(() => rebuildIndexes(conn.client, docs, live));
    console.log(
      `indexing ${docs.incidents.length} incidents + ${docs.reports.length} reports: plain addDocuments ${ms(plainMs)}, pantau rebuild ${ms(pantauMs)} → ratio ${(plainMs / pantauMs).toFixed(2)} (target ≥ 0.8)`,
    );
    if (process.env.BENCH_SECOND_REBUILD) {
      const [, rebuild2Ms] = await timed(() => rebuildIndexes(conn.client, docs, live));
      console.log(
        `second rebuild over a live index (swap + delete old): ${ms(rebuild2Ms)} → ratio ${(plainMs / rebuild2Ms).toFixed(2)}`,
      );
    }

    // Search: the same queries through searchIncidents and straight through the client, interleaved.
    const sample = incidents.filter((i) => !i.parent_id);
    const queries: Array<{ params: SearchParams; direct: { q: string; filter: string[] } }> = [];
    const words = [
      'server rusak',
      'lumpuh',
      'gangguan jaringan',
      'pdn',
      'diretas',
      'listrik padam',
      'pengondisian',
      'pembaruan spse',
      '',
    ];
    for (let k = 0; k < SEARCHES; k++) {
      const inc = pick(sample);
      const g = inc.regions[0]?.value;
      const q = pick(words);
      const mode = k % 4;
      const params: SearchParams = { q: q || undefined };
      const filter: string[] = [];
      if (mode === 1 && g) {
        params.province = [g.province];
        filter.push(`province IN ["${g.province}"]`);
      } else if (mode === 2) {
        const cause = pick(CAUSES)[0];
        params.cause = [cause];
        params.from = '2019-01-01';
        params.to = '2022-12-31';
        filter.push(
          `cause IN ["${cause}"]`,
          `date_ts >= ${Date.UTC(2019, 0, 1) / 1000}`,
          `date_ts <= ${Date.UTC(2022, 11, 31) / 1000}`,
        );
      } else if (mode === 3 && g?.regency) {
        params.regency = [g.regency];
        params.allegation = true;
        filter.push(`(regency IN ["${g.regency}"] OR regency_alias IN ["${g.regency}"])`, 'allegation = true');
      }
      filter.push('is_child = false');
      queries.push({ params, direct: { q, filter } });
    }
    const fields = [...SUMMARY_FIELDS];
    const index = conn.client.index(live.incidents);
    const direct = (x: (typeof queries)[number]) =>
      index.search(x.direct.q, { filter: x.direct.filter, facets: FACETS, limit: 20, attributesToRetrieve: fields });
    for (const x of queries.slice(0, 30)) {
      await direct(x);
      await searchIncidents(conn.client, x.params, live);
    }
    const tPantau: number[] = [];
    const tDirect: number[] = [];
    let mismatches = 0;
    for (const [k, x] of queries.entries()) {
      // Alternate which goes first, so neither always gets the warmer cache.
      const runs = k % 2 ? (['direct', 'pantau'] as const) : (['pantau', 'direct'] as const);
      let a = 0;
      let b = 0;
      for (const which of runs) {
        if (which === 'direct') {
          const [res, t] = await timed(() => direct(x));
          tDirect.push(t);
          // Pantau's total counts past pagination.maxTotalHits (the scope facet's sum); so does this one.
          a = Math.max(
            res.estimatedTotalHits ?? -1,
            Object.values(res.facetDistribution?.scope ?? {}).reduce((x, y) => x + y, 0),
          );
        } else {
          const [res, t] = await timed(() => searchIncidents(conn.client, x.params, live));
          tPantau.push(t);
          b = res.total;
        }
      }
      if (a !== b) mismatches++;
    }
    const p = (xs: number[], q: number) => percentile(xs, q).toFixed(1);
    console.log(
      `search (${queries.length} queries, facets on ${FACETS.length} attributes): pantau p50 ${p(tPantau, 50)} ms p95 ${p(tPantau, 95)} ms · direct p50 ${p(tDirect, 50)} ms p95 ${p(tDirect, 95)} ms`,
    );
    console.log(
      `search ratio pantau/direct: p50 ${(percentile(tPantau, 50) / percentile(tDirect, 50)).toFixed(2)}, p95 ${(percentile(tPantau, 95) / percentile(tDirect, 95)).toFixed(2)} (target p95 ≤ 1.5 and under 50 ms); result totals differing: ${mismatches}`,
    );
    ok = true;
  } finally {
    await conn.close();
    // On failure the data dir stays, for its meili/meilisearch.log.
    if (ok) rmSync(root, { recursive: true, force: true });
    else console.log(`kept ${root} for inspection`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
