import { describe, expect, test } from 'vitest';
import { extractLanguage } from '../../extractors/language/index.ts';
import { ctxOf } from './helpers.ts';

describe('extractLanguage', () => {
  test.each([
    [
      'Indonesian news',
      'Server LPSE Kabupaten Sleman tidak bisa diakses sejak Senin karena jaringan internet terputus, kata kepala bagian pengadaan.',
      null,
      null,
      'ind',
    ],
    [
      'Indonesian on a .go.id host',
      'Layanan pengadaan secara elektronik sedang dalam perbaikan dan akan kembali dengan segera untuk para penyedia.',
      'https://lpse.contohkab.go.id/berita',
      null,
      'ind',
    ],
    // short text without a word only one of the two languages uses: franc's Malay is not trusted
    [
      'a short Indonesian line franc takes for Malay',
      'Gangguan LPSE Sleman terjadi Kamis (7/11/2019) sekitar pukul 10.00 WIB.',
      'https://berita.example.id/x',
      null,
      'ind',
    ],
    [
      'another short Indonesian line',
      'Website LPSE Kota Bima down pada 3 Maret 2020 lalu.',
      'https://berita.example.id/y',
      null,
      'ind',
    ],
    [
      'Malaysian Malay',
      'Soalan lazim: dokumen tidak dipaparkan kerana sistem ePerolehan tidak menerima maklumbalas dalam tempoh dua minit. Pengguna boleh mencipta semula permintaan sahaja.',
      null,
      null,
      'zlm',
    ],
    [
      'Malay on a .my host',
      'Sistem ini akan dibuka semula dan pengguna diminta untuk mencuba lagi dalam masa yang terdekat dengan segera.',
      'https://home.eperolehan.gov.my/x',
      null,
      'zlm',
    ],
    [
      'English',
      'The e-procurement portal of the city has been down for three days and the tenders that were due this week are stuck.',
      null,
      null,
      'eng',
    ],
    ['declared lang for a short text', 'Halo', null, 'id-ID', 'ind'],
  ])('%s', (_name, text, url, lang, expected) => {
    const r = extractLanguage(ctxOf(text, { url, lang }));
    expect(r.value).toBe(expected);
    expect(r.evidence[0]?.text).toMatch(/words: eng \d+/);
  });

  test.each([
    ['empty text', '', 'und'],
    ['digits only', '12 34 56', 'und'],
    ['a few stray letters', '\u00ff\u00fe garbage x', 'und'],
  ])('too little text: %s', (_name, text, expected) => {
    expect(extractLanguage(ctxOf(text)).value).toBe(expected);
  });
});

describe('extractLanguage: Javanese', () => {
  test.each([
    [
      'a Javanese report',
      'LPSE Kabupaten Contoh ora bisa diakses wiwit Rebo awan nganti Kemis sore. Para penyedia sing arep ngunggah dokumen padha bingung amarga situs ora kebukak. Kepala bagian ngandharake menawa gangguan kasebut saka listrik.',
      'jav',
    ],
    [
      'an Indonesian report quoting a Javanese phrase',
      'LPSE Kabupaten Contoh tidak bisa diakses sejak Rabu siang hingga Kamis sore. Para penyedia yang hendak mengunggah dokumen bingung karena situs tidak terbuka. "Wis ora iso dibuka," kata seorang penyedia dengan nada kesal.',
      'ind',
    ],
  ])('%s', (_name, text, expected) => {
    const r = extractLanguage(ctxOf(text));
    expect(r.value).toBe(expected);
    expect(r.evidence[0]?.text).toContain('jav-only');
  });
});

describe('extractLanguage: other scripts and other Latin languages', () => {
  test.each([
    [
      'Japanese wire copy',
      'ジャカルタ - 公共事業・公営住宅省(PUPR)の局長は、ランサムウェア攻撃による国立データセンターの中断が調達に影響したと述べた。',
      'jpn',
    ],
    [
      'Japanese, another wording',
      '電子調達システムLPSEは月曜日からアクセスできなくなり、入札の締め切りが延期されました。',
      'jpn',
    ],
    [
      'Korean',
      '인도네시아 정부의 전자조달 시스템이 랜섬웨어 공격으로 월요일부터 접속이 되지 않고 있다고 밝혔습니다.',
      'kor',
    ],
    ['Chinese', '印尼国家数据中心遭到勒索软件攻击，多个政府电子采购服务自周一起无法访问，招标截止日期被推迟。', 'zho'],
    [
      'French wire copy',
      "Le directeur général de la construction du ministère des Travaux publics a déclaré que les perturbations dans le Centre de données national avaient un impact sur le processus d'acquisition.",
      'fra',
    ],
    [
      'Spanish',
      'El director general del ministerio de Obras Públicas dijo que las interrupciones del centro de datos nacional afectaron los procesos de adquisición del gobierno.',
      'spa',
    ],
  ])('%s', (_name, text, expected) => {
    expect(extractLanguage(ctxOf(text)).value).toBe(expected);
  });
});
