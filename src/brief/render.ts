/**
 * The brief as Markdown or as one self-contained, printable HTML page (no script, styles embedded) that Chromium
 * prints to PDF. Pure functions of a `Brief`.
 */
import {
  causeLabel,
  displayTitle,
  formatDate,
  formatDateTime,
  formatDays,
  formatFigure,
  formatMinutes,
  formatNumber,
  formatRupiah,
  formatWindow,
  type Lang,
  sourceKindLabel,
} from '../i18n.ts';
import type { Brief, Citation, Question } from './build.ts';
import type { BriefDeadlines } from './deadlines.ts';

const T = {
  id: {
    title: 'Dosir rapat dengar pendapat: gangguan LPSE di',
    period: 'Periode',
    all: 'seluruh catatan',
    generated: 'Disusun',
    summary: 'Ringkasan',
    incidents: 'Insiden',
    daysDown: 'Total hari layanan mati',
    daysKnownNote: (k: number, n: number) => `${k} dari ${n} insiden yang tanggal pulihnya diketahui`,
    causes: 'Penyebab (jumlah insiden)',
    impact: 'Dampak pada tender',
    scheduleChanged: (n: number) => `${n} insiden mengubah jadwal tender`,
    manualFallback: (n: number) => `${n} insiden memakai penawaran manual`,
    allegations: 'Dugaan permainan',
    allegationsN: (n: number) => `${n} insiden dengan dugaan manipulasi`,
    officials: 'Pejabat/narasumber dikutip',
    chronology: 'Kronologi',
    date: 'Tanggal',
    lpse: 'LPSE',
    duration: 'Lama',
    cause: 'Penyebab',
    allegation: 'Dugaan',
    yes: 'ya',
    no: 'tidak',
    detail: 'Rincian insiden',
    window: 'Masa gangguan',
    region: 'Wilayah',
    statedCauses: 'Penyebab yang dinyatakan',
    suspectedCauses: 'Penyebab yang hanya diduga',
    noCause: 'Tidak ada penyebab yang dinyatakan.',
    statements: 'Pernyataan',
    tenders: 'Dampak pada tender',
    disagreements: 'Perbedaan antar-sumber',
    startDiffers: 'Tanggal mulai berbeda',
    endDiffers: 'Tanggal pulih berbeda',
    causeDiffers: 'Penyebab berbeda',
    said: 'kata',
    comparison: 'Perbandingan dengan LPSE lain di provinsi',
    area: 'LPSE/wilayah',
    questions: 'Pertanyaan yang muncul dari catatan',
    noQuestions: 'Catatan tidak memunculkan pertanyaan khusus.',
    moreQuestions: (n: number) => `… dan ${n} pertanyaan lain di bagian akhir.`,
    sources: 'Sumber',
    archived: 'salinan arsip Pantau',
    none: 'Tidak ada insiden tercatat untuk wilayah dan periode ini.',
    open: 'lihat di Pantau',
    footer: 'Setiap angka dan kutipan dalam dosir ini merujuk ke kalimat sumber bernomor.',
  },
  en: {
    title: 'Hearing brief: LPSE outages in',
    period: 'Period',
    all: 'the whole record',
    generated: 'Prepared',
    summary: 'Summary',
    incidents: 'Incidents',
    daysDown: 'Total days down',
    daysKnownNote: (k: number, n: number) => `${k} of ${n} ${n === 1 ? 'incident has' : 'incidents have'} a known end`,
    causes: 'Causes (incidents)',
    impact: 'Tender impact',
    scheduleChanged: (n: number) => `${n} ${n === 1 ? 'incident' : 'incidents'} changed tender schedules`,
    manualFallback: (n: number) => `${n} ${n === 1 ? 'incident' : 'incidents'} fell back to manual bids`,
    allegations: 'Allegations',
    allegationsN: (n: number) => `${n} ${n === 1 ? 'incident' : 'incidents'} with an allegation of manipulation`,
    officials: 'Officials and sources quoted',
    chronology: 'Chronology',
    date: 'Date',
    lpse: 'LPSE',
    duration: 'Duration',
    cause: 'Cause',
    allegation: 'Allegation',
    yes: 'yes',
    no: 'no',
    detail: 'Incidents in detail',
    window: 'Outage',
    region: 'Region',
    statedCauses: 'Stated causes',
    suspectedCauses: 'Causes only suspected',
    noCause: 'No cause was stated.',
    statements: 'Statements',
    tenders: 'Tender impact',
    disagreements: 'Where sources disagree',
    startDiffers: 'Start dates differ',
    endDiffers: 'End dates differ',
    causeDiffers: 'Causes differ',
    said: 'said',
    comparison: "Comparison with the province's other LPSEs",
    area: 'LPSE/region',
    questions: 'Questions the record raises',
    noQuestions: 'The record raises no particular question.',
    moreQuestions: (n: number) => `… and ${n} more questions at the end.`,
    sources: 'Sources',
    archived: "Pantau's archived copy",
    none: 'No incident is recorded for this area and period.',
    open: 'open in Pantau',
    footer: 'Every figure and quote in this brief refers to a numbered source sentence.',
  },
} as const;

export function briefTitle(b: Brief, lang: Lang): string {
  return `${T[lang].title} ${b.area.name}`;
}

function periodText(b: Brief, lang: Lang): string {
  if (!b.from && !b.to) return T[lang].all;
  return `${b.from ? formatDate(b.from, lang) : '…'} – ${b.to ? formatDate(b.to, lang) : '…'}`;
}

/** The question a DPRD member could ask, in the brief's language. */
export function questionText(q: Question, lang: Lang): string {
  const d = q.data;
  const date = formatDate(String(d.start ?? ''), lang);
  const lpse = String(d.lpse ?? '');
  const id = lang === 'id';
  switch (q.kind) {
    case 'deadline':
      return id
        ? `Gangguan ${lpse} pada ${date} terjadi berdekatan dengan batas waktu tender. Apakah tenggat diperpanjang untuk semua peserta, dan berapa penyedia yang gagal mengunggah penawaran?`
        : `The ${lpse} outage of ${date} came close to a bidding deadline. Was the deadline extended for every bidder, and how many could not upload their bids?`;
    case 'allegation':
      return id
        ? `Ada dugaan manipulasi terkait gangguan ${lpse} pada ${date}. Apakah APIP/Inspektorat sudah memeriksanya, dan apa hasilnya?`
        : `Manipulation was alleged around the ${lpse} outage of ${date}. Has the internal auditor (APIP/Inspektorat) looked into it, and with what result?`;
    case 'unexplained':
      return id
        ? `Penyebab gangguan ${lpse} pada ${date} tidak pernah dijelaskan secara resmi. Apa penyebabnya?`
        : `The cause of the ${lpse} outage of ${date} was never explained officially. What was it?`;
    case 'repeated-hardware': {
      const dates = String(d.dates ?? '')
        .split(',')
        .filter(Boolean)
        .map((x) => formatDate(x, lang))
        .join(', ');
      return id
        ? `Kerusakan perangkat keras di ${lpse} terulang ${d.count} kali (${dates}). Adakah rencana dan anggaran peremajaan server?`
        : `Hardware failed at ${lpse} ${d.count} times (${dates}). Is there a plan and a budget to replace the servers?`;
    }
    case 'disagreement': {
      const values = String(d.values ?? '')
        .split(',')
        .map((x) => formatDate(x, lang))
        .join(lang === 'id' ? ' atau ' : ' or ');
      const what = d.field === 'start' ? (id ? 'mulai' : 'began') : id ? 'pulih' : 'ended';
      return id
        ? `Sumber berbeda soal kapan gangguan ${lpse} ${what}: ${values}. Mana yang benar menurut log server?`
        : `Sources differ on when the ${lpse} outage ${what}: ${values}. Which do the server logs support?`;
    }
    case 'open-ended':
      return id
        ? `Tidak ada sumber yang mencatat kapan layanan ${lpse} pulih setelah gangguan ${date}. Kapan layanan kembali normal?`
        : `No source records when ${lpse} came back after the outage of ${date}. When was service restored?`;
    case 'deadline-overlap': {
      const n = Number(d.count ?? 0);
      const value = formatRupiah(Number(d.value ?? 0), lang);
      const lost = formatMinutes(Number(d.minutes ?? 0), lang);
      return id
        ? `Pemantauan Pantau mencatat ${lpse} tidak dapat diakses saat ${n} tender senilai ${value} sedang menerima unggahan penawaran (paling lama ${lost} menjelang batas waktu). Apakah batas waktunya diperpanjang untuk semua peserta, dan apa penyebab gangguannya?`
        : `Pantau's probe found ${lpse} unreachable while ${n} ${n === 1 ? 'tender' : 'tenders'} worth ${value} were taking bids (up to ${lost} before the deadline). Were the deadlines extended for every bidder, and what caused the outages?`;
    }
  }
}

const DT = {
  id: {
    title: 'Ketersediaan LPSE menjelang batas waktu penawaran',
    intro: (h: number) =>
      `Dari pemantauan langsung Pantau atas halaman LPSE (bukan dari berita): menit gangguan dalam ${h} jam sebelum batas unggah penawaran dibandingkan dengan waktu lain.`,
    lpse: 'LPSE',
    near: (h: number) => `${h} jam sebelum batas waktu`,
    elsewhere: 'Waktu lain',
    down: 'mati',
    of: 'dari',
    ratio: 'Rasio',
    ratioNote:
      'Rasio di atas 1: gangguan lebih sering terjadi menjelang batas waktu. Nilai p dari uji permutasi satu sisi; nilai kecil (mis. di bawah 0,05) berarti pola ini sulit dijelaskan sebagai kebetulan.',
    pValue: 'Nilai p',
    permutations: 'permutasi',
    counts: (dl: number, ep: number, days: number) =>
      `${dl} batas waktu, ${ep} episode gangguan, ${days} hari pemantauan.`,
    overlaps: 'Tender yang waktu unggahnya terpotong gangguan',
    overlapSummary: (n: number, v: string, m: string) => `${n} tender, ${v}, kehilangan hingga ${m} waktu unggah.`,
    tender: 'Tender',
    value: 'Nilai HPS',
    deadline: 'Batas unggah',
    lost: 'Waktu hilang',
    changed: 'Jadwal diubah sesudahnya',
    yes: 'ya',
    no: 'tidak',
    noOverlap: 'Tidak ada tender yang waktu unggahnya terpotong gangguan yang teramati.',
  },
  en: {
    title: 'LPSE availability before bid deadlines',
    intro: (h: number) =>
      `From Pantau's own probes of the LPSE's pages (not from the news): outage minutes in the ${h} hours before bid-upload deadlines against the other times.`,
    lpse: 'LPSE',
    near: (h: number) => `${h} h before deadlines`,
    elsewhere: 'Other times',
    down: 'down',
    of: 'of',
    ratio: 'Ratio',
    ratioNote:
      'A ratio above 1: outages happen more often before deadlines. The p-value is a one-sided permutation test; a small one (e.g. below 0.05) means chance hardly explains the pattern.',
    pValue: 'p-value',
    permutations: 'permutations',
    counts: (dl: number, ep: number, days: number) =>
      `${dl} ${dl === 1 ? 'deadline' : 'deadlines'}, ${ep} outage ${ep === 1 ? 'episode' : 'episodes'}, ${days} days observed.`,
    overlaps: 'Tenders whose upload window an outage cut into',
    overlapSummary: (n: number, v: string, m: string) =>
      `${n} ${n === 1 ? 'tender' : 'tenders'}, ${v}, lost up to ${m} of their upload window.`,
    tender: 'Tender',
    value: 'Ceiling value',
    deadline: 'Upload deadline',
    lost: 'Time lost',
    changed: 'Schedule changed afterwards',
    yes: 'yes',
    no: 'no',
    noOverlap: 'No tender had its upload window cut by an observed outage.',
  },
} as const;

function minutesShare(down: number, observed: number, lang: Lang): string {
  const t = DT[lang];
  if (!observed) return '–';
  const pct = formatFigure((100 * down) / observed, lang, 1);
  return `${formatMinutes(down, lang)} ${t.down} ${t.of} ${formatMinutes(observed, lang)} (${pct} %)`;
}

function deadlinesMarkdown(d: BriefDeadlines, lang: Lang): string[] {
  const t = DT[lang];
  const L: string[] = [`## ${t.title}`, '', t.intro(d.windowHours), ''];
  L.push(
    `| ${t.lpse} | ${t.near(d.windowHours)} | ${t.elsewhere} | ${t.ratio} | ${t.pValue} |`,
    '| --- | --- | --- | --- | --- |',
  );
  for (const f of d.figures) {
    L.push(
      `| ${mdEscape(d.names[f.instance ?? ''] ?? f.instance ?? '')} | ${minutesShare(f.downMinutesNear, f.observedMinutesNear, lang)} | ${minutesShare(f.downMinutesElsewhere, f.observedMinutesElsewhere, lang)} | ${formatFigure(f.ratio, lang)} | ${formatFigure(f.pValue, lang)} (${formatNumber(f.permutations, lang)} ${t.permutations}) |`,
    );
  }
  L.push('', t.counts(d.totals.deadlines, d.totals.episodes, d.totals.observedDays), '', `_${t.ratioNote}_`, '');
  L.push(`### ${t.overlaps}`, '');
  if (!d.overlaps.length) L.push(t.noOverlap, '');
  else {
    L.push(
      t.overlapSummary(
        d.totals.tenders,
        formatRupiah(d.totals.value, lang),
        formatMinutes(d.totals.maxMinutesLost, lang),
      ),
      '',
    );
    L.push(
      `| ${t.tender} | ${t.value} | ${t.deadline} | ${t.lost} | ${t.changed} |`,
      '| --- | --- | --- | --- | --- |',
    );
    for (const o of d.overlaps) {
      L.push(
        `| ${mdEscape(o.name)} (${mdEscape(o.tender)}) | ${formatRupiah(o.value, lang)} | ${formatDateTime(o.deadline, lang, d.offsets[o.instance] ?? 7)} | ${formatMinutes(o.minutesLost, lang)} | ${o.changedAfter ? t.yes : t.no} |`,
      );
    }
    L.push('');
  }
  return L;
}

function deadlinesHtml(d: BriefDeadlines, lang: Lang): string[] {
  const t = DT[lang];
  const H: string[] = [
    `<section id="deadlines"><h2>${esc(t.title)}</h2><p class="muted">${esc(t.intro(d.windowHours))}</p>`,
  ];
  H.push(
    `<table class="deadline-figures"><thead><tr><th>${t.lpse}</th><th>${esc(t.near(d.windowHours))}</th><th>${t.elsewhere}</th><th>${t.ratio}</th><th>${t.pValue}</th></tr></thead><tbody>`,
  );
  for (const f of d.figures) {
    H.push(
      `<tr><td>${esc(d.names[f.instance ?? ''] ?? f.instance)}</td><td>${esc(minutesShare(f.downMinutesNear, f.observedMinutesNear, lang))}</td><td>${esc(minutesShare(f.downMinutesElsewhere, f.observedMinutesElsewhere, lang))}</td><td class="ratio">${esc(formatFigure(f.ratio, lang))}</td><td class="p-value">${esc(formatFigure(f.pValue, lang))} <span class="muted">(${esc(formatNumber(f.permutations, lang))} ${t.permutations})</span></td></tr>`,
    );
  }
  H.push('</tbody></table>');
  H.push(
    `<p>${esc(t.counts(d.totals.deadlines, d.totals.episodes, d.totals.observedDays))}</p><p class="muted">${esc(t.ratioNote)}</p>`,
  );
  H.push(`<h3>${esc(t.overlaps)}</h3>`);
  if (!d.overlaps.length) H.push(`<p>${esc(t.noOverlap)}</p>`);
  else {
    H.push(
      `<p class="overlap-summary"><b>${esc(t.overlapSummary(d.totals.tenders, formatRupiah(d.totals.value, lang), formatMinutes(d.totals.maxMinutesLost, lang)))}</b></p>`,
    );
    H.push(
      `<table class="overlaps"><thead><tr><th>${t.tender}</th><th>${t.value}</th><th>${t.deadline}</th><th>${t.lost}</th><th>${t.changed}</th></tr></thead><tbody>`,
    );
    for (const o of d.overlaps) {
      H.push(
        `<tr><td>${esc(o.name)} <span class="muted">(${esc(o.tender)})</span></td><td>${esc(formatRupiah(o.value, lang))}</td><td>${esc(formatDateTime(o.deadline, lang, d.offsets[o.instance] ?? 7))}</td><td>${esc(formatMinutes(o.minutesLost, lang))}</td><td>${o.changedAfter ? t.yes : t.no}</td></tr>`,
      );
    }
    H.push('</tbody></table>');
  }
  H.push('</section>');
  return H;
}

function comparisonDays(r: { daysDown: number; unknownEnd: number }, lang: Lang): string {
  if (!r.unknownEnd) return String(r.daysDown);
  return `${r.daysDown} (+${r.unknownEnd} ${lang === 'id' ? 'tanpa tanggal pulih' : 'with no known end'})`;
}

const SUMMARY_QUESTIONS = 5;

const refs = (cites: Citation[]) => (cites.length ? ` [${cites.map((c) => c.n).join(', ')}]` : '');

function citesFor(ids: string[], b: Brief): Citation[] {
  return b.sources.filter((s) => ids.includes(s.id)).map((s) => ({ n: s.n, report_id: s.id }));
}

// ---------------------------------------------------------------- Markdown

const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

export function renderBriefMarkdown(b: Brief, lang: Lang): string {
  const t = T[lang];
  const L: string[] = [];
  mdSummary(L, b, lang);
  if (!b.incidents.length) {
    L.push(t.none, '');
  } else {
    mdChronology(L, b, lang);
    L.push('', `## ${t.detail}`, '');
    for (const [i, f] of b.incidents.entries()) mdIncident(L, b, f, i, lang);
  }
  mdComparison(L, b, lang);
  mdQuestions(L, b, lang);
  mdSources(L, b, lang);
  return L.join('\n');
}

/** Title, period and the summary figures. */
function mdSummary(L: string[], b: Brief, lang: Lang): void {
  const t = T[lang];
  const s = b.summary;
  L.push(`# ${mdEscape(briefTitle(b, lang))}`, '');
  L.push(`${t.period}: ${periodText(b, lang)} · ${t.generated}: ${formatDate(b.generated, lang)}`, '');
  L.push(`## ${t.summary}`, '');
  L.push(`- ${t.incidents}: **${s.incidents}**`);
  L.push(`- ${t.daysDown}: **${formatNumber(s.daysDown, lang)}** (${t.daysKnownNote(s.daysKnown, s.incidents)})`);
  L.push(`- ${t.causes}: ${s.causes.map((c) => `${causeLabel(c.category, lang)} ${c.incidents}`).join(', ') || '–'}`);
  L.push(`- ${t.impact}: ${t.scheduleChanged(s.scheduleChanged)}; ${t.manualFallback(s.manualFallback)}`);
  L.push(`- ${t.allegations}: ${t.allegationsN(s.allegations)}`);
  L.push(`- ${t.officials}: ${s.officialsQuoted}`, '');
}

/** The chronology table, one row an incident. */
function mdChronology(L: string[], b: Brief, lang: Lang): void {
  const t = T[lang];
  L.push(`## ${t.chronology}`, '');
  L.push(`| ${t.date} | ${t.lpse} | ${t.duration} | ${t.cause} | ${t.allegation} |`, '| --- | --- | --- | --- | --- |');
  for (const c of b.chronology) {
    L.push(
      `| ${formatDate(c.date, lang)} | ${mdEscape(c.lpse ?? '–')} | ${formatDays(c.days, lang)} | ${c.causes.map((x) => causeLabel(x, lang)).join(', ')} | ${c.allegation ? t.yes : t.no} |`,
    );
  }
}

/** One incident in detail: where and when, causes, statements, allegation, tenders, disagreements. */
function mdIncident(L: string[], b: Brief, f: Brief['incidents'][number], i: number, lang: Lang): void {
  const t = T[lang];
  L.push(`### ${i + 1}. ${mdEscape(displayTitle(f, lang))}${refs(f.cites)}`, '');
  L.push(`- ${t.lpse}: ${mdEscape(f.lpse ?? '–')} · ${t.region}: ${mdEscape(f.regions.join(', '))}`);
  L.push(`- ${t.window}: ${formatWindow(f.start, f.end, lang, f.reported)} (${formatDays(f.days, lang)})`);
  if (b.appUrl) L.push(`- ${t.open}: ${b.appUrl}/incident/${encodeURIComponent(f.id)}`);
  L.push('', `**${t.statedCauses}**`, '');
  if (f.unexplained && !f.causes.some((c) => c.value.category === 'unexplained')) L.push(`- ${t.noCause}`);
  for (const c of f.causes) {
    L.push(
      `- ${causeLabel(c.value.category, lang)}: “${mdEscape(c.value.evidence)}”${c.value.by ? ` (${mdEscape(c.value.by)})` : ''}${refs(citesFor(c.report_ids, b))}`,
    );
  }
  if (f.suspected.length) {
    L.push('', `**${t.suspectedCauses}**`, '');
    for (const c of f.suspected)
      L.push(
        `- ${causeLabel(c.value.category, lang)}: “${mdEscape(c.value.evidence)}”${refs(citesFor(c.report_ids, b))}`,
      );
  }
  if (f.statements.length) {
    L.push('', `**${t.statements}**`, '');
    for (const st of f.statements) {
      L.push(
        `> “${mdEscape(st.quote)}”, ${t.said} ${mdEscape(st.name)}${st.role ? `, ${mdEscape(st.role)}` : ''}${refs(citesFor(st.report_ids, b))}`,
        '',
      );
    }
  }
  if (f.allegation.present) {
    L.push('', `**${t.allegation}**`, '');
    for (const e of f.allegation.evidence) L.push(`- “${mdEscape(e.value)}”${refs(citesFor(e.report_ids, b))}`);
  }
  if (f.impact.evidence.length) {
    L.push('', `**${t.tenders}**`, '');
    for (const e of f.impact.evidence) L.push(`- “${mdEscape(e.value)}”${refs(citesFor(e.report_ids, b))}`);
  }
  if (f.disagreements.length) {
    L.push('', `**${t.disagreements}**`, '');
    for (const d of f.disagreements) {
      const label = d.field === 'start' ? t.startDiffers : d.field === 'end' ? t.endDiffers : t.causeDiffers;
      const vals = d.variants
        .map(
          (v) =>
            `${d.field === 'cause' ? causeLabel(v.value, lang) : formatDate(v.value, lang)}${refs(citesFor(v.report_ids, b))}`,
        )
        .join('; ');
      L.push(`- ${label}: ${vals}`);
    }
  }
  L.push('');
}

/** The area beside its neighbours. */
function mdComparison(L: string[], b: Brief, lang: Lang): void {
  const t = T[lang];
  if (b.comparison.length) {
    L.push(`## ${t.comparison}`, '');
    L.push(`| ${t.area} | ${t.incidents} | ${t.daysDown} | ${t.causes} |`, '| --- | --- | --- | --- |');
    for (const r of b.comparison) {
      const name = r.isArea ? `**${mdEscape(r.name)}**` : mdEscape(r.name);
      const causes = Object.entries(r.causes)
        .map(([c, n]) => `${causeLabel(c, lang)} ${n}`)
        .join(', ');
      L.push(`| ${name} | ${r.incidents} | ${comparisonDays(r, lang)} | ${causes || '–'} |`);
    }
    L.push('');
  }
  if (b.deadlines) L.push(...deadlinesMarkdown(b.deadlines, lang));
}

function mdQuestions(L: string[], b: Brief, lang: Lang): void {
  const t = T[lang];
  L.push(`## ${t.questions}`, '');
  if (!b.questions.length) L.push(t.noQuestions);
  b.questions.forEach((q, i) => {
    L.push(`${i + 1}. ${questionText(q, lang)}${q.evidence ? ` (“${mdEscape(q.evidence)}”)` : ''}${refs(q.cites)}`);
  });
}

/** The numbered sources the citations point to, and the footer. */
function mdSources(L: string[], b: Brief, lang: Lang): void {
  const t = T[lang];
  L.push('', `## ${t.sources}`, '');
  for (const src of b.sources) {
    const who = [src.source.name, sourceKindLabel(String(src.source.kind), lang), formatDate(src.published, lang)]
      .filter(Boolean)
      .join(', ');
    L.push(
      `${src.n}. ${mdEscape(src.title)}. ${mdEscape(who)}. ${src.url}${archiveHref(b, src.archive_url) ? ` (${t.archived}: ${archiveHref(b, src.archive_url)})` : ''}`,
    );
  }
  L.push('', `_${t.footer}_`, '');
}

// ---------------------------------------------------------------- HTML

export const esc = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const safeHref = (u: string | null | undefined): string | null => (u && /^https?:\/\//i.test(u) ? u : null);

/** The archived copy's link: the app's own path made absolute when the brief knows where the app runs. */
function archiveHref(b: Brief, u: string | null | undefined): string | null {
  if (u?.startsWith('/') && !u.startsWith('//')) return b.appUrl ? `${b.appUrl}${u}` : null;
  return safeHref(u);
}

function sup(cites: Citation[]): string {
  if (!cites.length) return '';
  return ` <sup class="ref">[${cites.map((c) => `<a href="#src-${c.n}">${c.n}</a>`).join(', ')}]</sup>`;
}

/** The print stylesheet; exported so a server can allow exactly it by hash in its CSP. */
export const BRIEF_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 "DejaVu Serif", Georgia, serif; color: #111; margin: 0 auto; max-width: 48rem; padding: 1rem; }
h1 { font-size: 17pt; margin: 0 0 .2rem; }
h2 { font-size: 13pt; border-bottom: 1.5px solid #333; padding-bottom: 2px; margin: 1.4rem 0 .6rem; break-after: avoid; }
h3 { font-size: 11pt; margin: 1.1rem 0 .3rem; break-after: avoid; }
.meta { color: #444; margin: 0 0 1rem; }
.summary { display: grid; grid-template-columns: repeat(3, 1fr); gap: .5rem; margin: .5rem 0 1rem; }
.stat { border: 1px solid #bbb; padding: .4rem .6rem; }
.stat b { display: block; font-size: 16pt; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: 9.5pt; }
th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eee; }
tr.area td { font-weight: bold; background: #fff6d5; }
blockquote { margin: .3rem 0 .5rem 0; padding: .1rem .8rem; border-left: 3px solid #777; }
blockquote p { margin: 0; }
.who { color: #333; font-size: 9.5pt; }
.ref { font-size: 7.5pt; }
.ref a { color: inherit; }
blockquote, li, tr, .stat, .disagree { break-inside: avoid; }
section.incident > p.muted:first-of-type { break-before: avoid; }
.page-break { break-before: page; }
ol.sources li { margin-bottom: .3rem; word-break: break-word; }
.muted { color: #555; }
.disagree { background: #fdecea; padding: .3rem .6rem; }
footer { margin-top: 1.5rem; font-size: 9pt; color: #555; }
`;

export function renderBriefHtml(b: Brief, lang: Lang): string {
  const t = T[lang];
  const H: string[] = [];
  H.push(
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(briefTitle(b, lang))}</title><style>${BRIEF_CSS}</style></head><body>`,
  );
  H.push(`<header><h1>${esc(briefTitle(b, lang))}</h1>`);
  H.push(
    `<p class="meta">${t.period}: ${esc(periodText(b, lang))} · ${t.generated}: ${esc(formatDate(b.generated, lang))}</p></header>`,
  );
  htmlSummary(H, b, lang);
  if (!b.incidents.length) {
    H.push(`<p>${t.none}</p>`);
  } else {
    htmlChronology(H, b, lang);
    H.push(`<h2>${t.detail}</h2>`);
    for (const [i, f] of b.incidents.entries()) htmlIncident(H, b, f, i, lang);
  }
  htmlComparison(H, b, lang);
  htmlQuestions(H, b, lang);
  htmlSources(H, b, lang);
  return H.join('\n');
}

/** The summary page: the figures, and the first questions (all of them have their own section). */
function htmlSummary(H: string[], b: Brief, lang: Lang): void {
  const t = T[lang];
  const s = b.summary;
  H.push(`<section class="summary-page"><h2>${t.summary}</h2><div class="summary">`);
  H.push(`<div class="stat"><b>${s.incidents}</b>${t.incidents}</div>`);
  H.push(
    `<div class="stat"><b>${esc(formatNumber(s.daysDown, lang))}</b>${t.daysDown}<br><span class="muted">${esc(t.daysKnownNote(s.daysKnown, s.incidents))}</span></div>`,
  );
  H.push(`<div class="stat"><b>${s.allegations}</b>${esc(t.allegations)}</div></div>`);
  H.push('<table><tbody>');
  H.push(
    `<tr><th>${t.causes}</th><td>${esc(s.causes.map((c) => `${causeLabel(c.category, lang)} ${c.incidents}`).join(', ') || '–')}</td></tr>`,
  );
  H.push(
    `<tr><th>${t.impact}</th><td>${esc(t.scheduleChanged(s.scheduleChanged))}; ${esc(t.manualFallback(s.manualFallback))}</td></tr>`,
  );
  H.push(`<tr><th>${t.allegations}</th><td>${esc(t.allegationsN(s.allegations))}</td></tr>`);
  H.push(`<tr><th>${t.officials}</th><td>${s.officialsQuoted}</td></tr>`);
  H.push('</tbody></table>');
  if (b.questions.length) {
    // The summary page keeps to one page: the first questions here, all of them in their own section.
    H.push(`<h3>${t.questions}</h3><ol class="questions">`);
    for (const q of b.questions.slice(0, SUMMARY_QUESTIONS))
      H.push(`<li>${esc(questionText(q, lang))}${sup(q.cites)}</li>`);
    H.push('</ol>');
    if (b.questions.length > SUMMARY_QUESTIONS)
      H.push(`<p class="muted">${esc(t.moreQuestions(b.questions.length - SUMMARY_QUESTIONS))}</p>`);
  }
  H.push('</section>');
}

function htmlChronology(H: string[], b: Brief, lang: Lang): void {
  const t = T[lang];
  H.push(`<section class="page-break"><h2>${t.chronology}</h2><table><thead><tr>`);
  H.push(`<th>${t.date}</th><th>${t.lpse}</th><th>${t.duration}</th><th>${t.cause}</th><th>${t.allegation}</th>`);
  H.push('</tr></thead><tbody>');
  for (const c of b.chronology) {
    H.push(
      `<tr><td>${esc(formatDate(c.date, lang))}</td><td>${esc(c.lpse ?? '–')}</td><td>${esc(formatDays(c.days, lang))}</td><td>${esc(c.causes.map((x) => causeLabel(x, lang)).join(', '))}</td><td>${c.allegation ? t.yes : t.no}</td></tr>`,
    );
  }
  H.push('</tbody></table></section>');
}

/** One incident in detail: where and when, causes, statements, allegation, tenders, disagreements, its link. */
function htmlIncident(H: string[], b: Brief, f: Brief['incidents'][number], i: number, lang: Lang): void {
  const t = T[lang];
  H.push(
    `<section class="incident" id="incident-${esc(f.id)}"><h3>${i + 1}. ${esc(displayTitle(f, lang))}${sup(f.cites)}</h3>`,
  );
  H.push(
    `<p class="muted">${t.lpse}: ${esc(f.lpse ?? '–')} · ${t.region}: ${esc(f.regions.join(', '))}<br>${t.window}: ${esc(formatWindow(f.start, f.end, lang, f.reported))} (${esc(formatDays(f.days, lang))})</p>`,
  );
  H.push(`<p><b>${t.statedCauses}:</b></p><ul>`);
  if (f.unexplained && !f.causes.some((c) => c.value.category === 'unexplained')) H.push(`<li>${t.noCause}</li>`);
  for (const c of f.causes) {
    H.push(
      `<li>${esc(causeLabel(c.value.category, lang))}: “${esc(c.value.evidence)}”${c.value.by ? ` <span class="who">(${esc(c.value.by)})</span>` : ''}${sup(citesFor(c.report_ids, b))}</li>`,
    );
  }
  H.push('</ul>');
  if (f.suspected.length) {
    H.push(`<p><b>${t.suspectedCauses}:</b></p><ul>`);
    for (const c of f.suspected)
      H.push(
        `<li>${esc(causeLabel(c.value.category, lang))}: “${esc(c.value.evidence)}”${sup(citesFor(c.report_ids, b))}</li>`,
      );
    H.push('</ul>');
  }
  if (f.statements.length) {
    H.push(`<p><b>${t.statements}:</b></p>`);
    for (const st of f.statements) {
      H.push(
        `<blockquote><p>“${esc(st.quote)}”</p><p class="who">${esc(st.name)}${st.role ? `, ${esc(st.role)}` : ''}${sup(citesFor(st.report_ids, b))}</p></blockquote>`,
      );
    }
  }
  if (f.allegation.present) {
    H.push(`<p><b>${t.allegation}:</b></p><ul>`);
    for (const e of f.allegation.evidence) H.push(`<li>“${esc(e.value)}”${sup(citesFor(e.report_ids, b))}</li>`);
    H.push('</ul>');
  }
  if (f.impact.evidence.length) {
    H.push(`<p><b>${t.tenders}:</b></p><ul>`);
    for (const e of f.impact.evidence) H.push(`<li>“${esc(e.value)}”${sup(citesFor(e.report_ids, b))}</li>`);
    H.push('</ul>');
  }
  if (f.disagreements.length) {
    H.push(`<div class="disagree"><b>${t.disagreements}:</b><ul>`);
    for (const d of f.disagreements) {
      const label = d.field === 'start' ? t.startDiffers : d.field === 'end' ? t.endDiffers : t.causeDiffers;
      const vals = d.variants
        .map(
          (v) =>
            `${esc(d.field === 'cause' ? causeLabel(v.value, lang) : formatDate(v.value, lang))}${sup(citesFor(v.report_ids, b))}`,
        )
        .join('; ');
      H.push(`<li>${label}: ${vals}</li>`);
    }
    H.push('</ul></div>');
  }
  const link = b.appUrl ? safeHref(`${b.appUrl}/incident/${encodeURIComponent(f.id)}`) : null;
  if (link) H.push(`<p class="muted"><a href="${esc(link)}">${t.open}</a></p>`);
  H.push('</section>');
}

function htmlComparison(H: string[], b: Brief, lang: Lang): void {
  const t = T[lang];
  if (b.comparison.length) {
    H.push(`<section><h2>${t.comparison}</h2><table><thead><tr>`);
    H.push(`<th>${t.area}</th><th>${t.incidents}</th><th>${t.daysDown}</th><th>${t.causes}</th></tr></thead><tbody>`);
    for (const r of b.comparison) {
      const causes = Object.entries(r.causes)
        .map(([c, n]) => `${causeLabel(c, lang)} ${n}`)
        .join(', ');
      H.push(
        `<tr${r.isArea ? ' class="area"' : ''}><td>${esc(r.name)}</td><td>${r.incidents}</td><td>${esc(comparisonDays(r, lang))}</td><td>${esc(causes || '–')}</td></tr>`,
      );
    }
    H.push('</tbody></table></section>');
  }
  if (b.deadlines) H.push(...deadlinesHtml(b.deadlines, lang));
}

function htmlQuestions(H: string[], b: Brief, lang: Lang): void {
  const t = T[lang];
  H.push(`<section><h2>${t.questions}</h2>`);
  if (!b.questions.length) H.push(`<p>${t.noQuestions}</p>`);
  else {
    H.push('<ol>');
    for (const q of b.questions) {
      H.push(
        `<li>${esc(questionText(q, lang))}${q.evidence ? `<br><span class="muted">“${esc(q.evidence)}”</span>` : ''}${sup(q.cites)}</li>`,
      );
    }
    H.push('</ol>');
  }
  H.push('</section>');
}

/** The numbered sources the citations point to (with their archived copies), the footer and the end of the page. */
function htmlSources(H: string[], b: Brief, lang: Lang): void {
  const t = T[lang];
  H.push(`<section><h2>${t.sources}</h2><ol class="sources">`);
  for (const src of b.sources) {
    const who = [src.source.name, sourceKindLabel(String(src.source.kind), lang), formatDate(src.published, lang)]
      .filter(Boolean)
      .join(', ');
    const href = safeHref(src.url);
    const arch = archiveHref(b, src.archive_url);
    H.push(
      `<li id="src-${src.n}" value="${src.n}">${esc(src.title)}. ${esc(who)}. ${href ? `<a href="${esc(href)}">${esc(href)}</a>` : esc(src.url)}${arch ? ` (<a href="${esc(arch)}">${t.archived}</a>)` : ''}</li>`,
    );
  }
  H.push(`</ol></section><footer>${t.footer}</footer></body></html>`);
}
