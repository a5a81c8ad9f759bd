/**
 * The starter outlets' platforms (crawlers/outlets.ts), each crawled on a fixture site in its shape
 * (fixtures/sites/platform-<id>/) from the source the data generates: every start URL answers as what it should
 * be, every outage report is archived (the one on the listing's second page too), the sports story is not, and
 * the outage reports come out as incidents. And the data itself: every province covered, every live path marked
 * unchecked, every source valid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkSources } from '../../crawlers/check.ts';
import { crawl } from '../../crawlers/crawl.ts';
import { OUTLETS, outletSource, outletSources, PLATFORMS } from '../../crawlers/outlets.ts';
import { STARTER_SOURCES, validateSources } from '../../crawlers/sources.ts';
import { PROVINCES } from '../../extractors/region/gazetteer-data.ts';
import { listArchived } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { extractArchived } from '../../src/extract-archived.ts';
import { FIXTURES_ROOT } from '../../src/fixture-server.ts';
import { readReports } from '../../src/report-store.ts';
import { tempDir } from '../helpers.ts';
import { type ServedSite, serveSite } from './platform-server.ts';

const served: ServedSite[] = [];
afterAll(async () => {
  await Promise.all(served.map((s) => s.close()));
});

describe.each(Object.values(PLATFORMS))('platform $name', (platform) => {
  test(`crawled from its generated source (fixtures/sites/${platform.fixture})`, async () => {
    const dir = join(FIXTURES_ROOT, platform.fixture);
    const key = JSON.parse(readFileSync(join(dir, '_key.json'), 'utf8')) as { outage: string[]; other: string[] };
    const site = await serveSite(dir);
    served.push(site);
    const source = outletSource({
      id: `fixture-${platform.id}`,
      name: platform.name,
      platform: platform.id,
      root: site.base,
      region_codes: [],
    });

    const checked = await checkSources([source], { userAgent: 'PantauBot/test', timeoutMs: 5000 });
    expect(checked.map((c) => [c.role, c.ok, c.reason])).toEqual(
      checked.map((c) => [
        c.role,
        true,
        expect.stringMatching(/^(?:HTML listing, \d+ article links|RSS, \d+ items|sitemap index, 1 sitemap)$/),
      ]),
    );

    const data = resolveDataDir(tempDir());
    const stats = await crawl({ dataDir: data, sources: [source], pacingMs: 0, since: null, maxRetries: 0 });
    expect(stats.failed).toBe(0);
    const archived = [...listArchived(data)].map((a) => new URL(a.page.url).pathname).sort();
    // the outage reports and the tender award (it names LPSE), not the sports story
    expect(archived).toEqual([...key.outage, key.other[0]].sort());
    // the second listing page was followed: its one story is on no other listing or feed
    expect(site.requests).toContainEqual(platform.pagination.replaceAll('{tag}', 'lpse'));

    extractArchived(data);
    const incidents = readReports(data)
      .filter((r) => r.is_incident)
      .map((r) => new URL(r.url).pathname)
      .sort();
    expect(incidents).toEqual([...key.outage].sort());
  });
});

describe('the starter outlets as data', () => {
  test('every province has an outlet; ids are unique; every source is valid and in the starter list', () => {
    const sources = outletSources();
    expect(validateSources(sources)).toHaveLength(OUTLETS.length);
    expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length);
    const covered = new Set(OUTLETS.flatMap((o) => o.region_codes.map((c) => c.slice(0, 2))));
    expect(PROVINCES.filter((p) => !covered.has(p.code)).map((p) => p.name)).toEqual([]);
    const starter = new Set(STARTER_SOURCES.map((s) => s.id));
    expect(sources.filter((s) => !starter.has(s.id))).toEqual([]);
    expect(new Set(STARTER_SOURCES.map((s) => s.id)).size).toBe(STARTER_SOURCES.length);
    expect(outletSources({ province: '62' }).map((s) => s.id)).toEqual(['antara-kalteng', 'tribun-kalteng']);
  });

  test('no live path is claimed checked: each is marked unchecked', () => {
    const paths = Object.values(PLATFORMS).flatMap((p) => [...p.listings, ...p.feeds, ...p.sitemaps]);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => p.live !== 'unchecked')).toEqual([]);
    const kalteng = outletSource(OUTLETS.find((o) => o.id === 'antara-kalteng')!);
    expect(kalteng).toMatchObject({
      listings: ['https://kalteng.antaranews.com/tag/lpse', 'https://kalteng.antaranews.com/terkini'],
      feeds: ['https://kalteng.antaranews.com/rss/terkini.xml'],
      region_codes: ['62'],
    });
  });
});
