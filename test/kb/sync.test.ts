import { describe, expect, test } from 'vitest';
import { buildKnowledgeBase, indexStateOf, planSync } from '../../src/kb/sync.ts';
import { fixtureList } from './helpers.ts';

const first = buildKnowledgeBase(fixtureList(['bartim-2021-later-kalteng-today']));
const state = indexStateOf(first.docs);
const live = { incidents: first.docs.incidents.length, reports: first.docs.reports.length };

describe('planSync', () => {
  test('first run, or an index gone: rebuild', () => {
    expect(planSync(first.docs, null, live)).toEqual({ kind: 'rebuild', reason: 'first index' });
    expect(planSync(first.docs, state, { ...live, reports: null }).kind).toBe('rebuild');
  });

  test('nothing changed: nothing to do', () => {
    expect(planSync(first.docs, state, live)).toEqual({ kind: 'none' });
  });

  test('a new report: upsert only the incident it joined and the new report', () => {
    const second = buildKnowledgeBase(fixtureList(), first.incidents);
    const plan = planSync(second.docs, state, live);
    expect(plan.kind).toBe('upsert');
    if (plan.kind !== 'upsert') return;
    expect(plan.upsert.incidents.map((d) => d.title)).toEqual(['Gangguan LPSE Kabupaten Barito Timur, 7 Juni 2021']);
    // The incident kept its id, so the documents of its earlier reports are unchanged.
    expect(plan.upsert.reports.map((d) => d.report_id)).toEqual(['r-bartim-kaltengtoday']);
    expect(plan.deleteIncidentIds).toEqual([]);
  });

  test('the index out of step with the state file, or changed settings: rebuild', () => {
    expect(planSync(first.docs, state, { ...live, incidents: live.incidents - 1 }).kind).toBe('rebuild');
    expect(planSync(first.docs, { ...state, settings: 'older' }, live)).toEqual({
      kind: 'rebuild',
      reason: 'index settings changed',
    });
  });

  test('a report gone: its incident is deleted', () => {
    const fewer = buildKnowledgeBase(
      fixtureList(['bartim-2021-later-kalteng-today', 'luwu-utara-2020-allegation']),
      first.incidents,
    );
    const plan = planSync(fewer.docs, state, live);
    expect(plan.kind).toBe('upsert');
    if (plan.kind !== 'upsert') return;
    const lutra = first.incidents.find((i) => i.report_ids.includes('r-lutra-tribun'))!;
    expect(plan.deleteIncidentIds).toEqual([lutra.id]);
    expect(plan.deleteReportIds).toEqual(['r-lutra-tribun']);
  });
});
