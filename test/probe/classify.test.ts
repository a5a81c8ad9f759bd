import { describe, expect, test } from 'vitest';
import { classifyProbe, MAINTENANCE_RE, type ProbeOutcome, SPSE_VERSION_RE } from '../../probe/classify.ts';
import { PROBE_CLASSES, type ProbeClass } from '../../probe/types.ts';

// Pages in SPSE's shapes (../shared/data/SPSE.md), written for this test, not taken from the local SPSE.
const HOME_45 = `<!DOCTYPE html><html lang="id"><head><title>LPSE Kabupaten Barito Timur</title></head><body>
<div class="content"><div class="card-header">Berita</div><ul><li><a href="/baritotimurkab/publik/detil_special?beritaId=7">Jadwal Pemeliharaan Server 20 Agustus 2026</a></li></ul></div>
<footer><p>&copy; 2006-2026 Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP)</p>
<p><a href="https://lkpp.go.id">Aplikasi SPSE v4.5u20250321</a></p></footer></body></html>`;
const HOME_EPROC4 = `<html><head><title>LPSE Kota Palangka Raya : Layanan Pengadaan Secara Elektronik</title></head><body>
<noscript>Untuk tampilan aplikasi SPSE yang lebih baik, harap aktifkan fitur javascript pada browser anda</noscript>
<div id="content"><h2>Berita Terbaru</h2></div>
<div id="footer">SPSE v4.4u20211125 &middot; Update terakhir 25-11-2021 14:30</div></body></html>`;
const SPSE_ERROR = `<!DOCTYPE html><html><head><title>Terjadi Kesalahan</title></head><body><div class="alert alert-danger">
<h4>Terjadi Kesalahan</h4><p>Maaf, terjadi error pada aplikasi SPSE.</p><p>Kode Error : 81kep4jo9</p></div></body></html>`;
const CLOUDFLARE_522 = `<!DOCTYPE html><html class="no-js" lang="en-US"><head><title>spse.inaproc.id | 522: Connection timed out</title></head>
<body><div id="cf-wrapper"><div id="cf-error-details"><h1><span>Connection timed out</span> <span class="code-label">Error code 522</span></h1>
<p>Cloudflare Ray ID: <strong>8f1c2a3b4d5e6f70</strong></p></div></div></body></html>`;
const CLOUDFLARE_502 = `<html><head><title>502 Bad Gateway</title></head><body><h1>Bad gateway</h1>
<div id="cf-error-details">Error code 502</div><p>Cloudflare Ray ID: <strong>8f1c2a3b4d5e6f71</strong></p></body></html>`;
const NGINX_503 = `<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
const FORBIDDEN = `<!DOCTYPE html><html><head><title>403 Akses Ditolak!</title></head><body><h1>403 Akses Ditolak!</h1>
<p>Anda tidak memiliki hak akses ke halaman ini. Silakan kembali ke halaman sebelumnya.</p></body></html>`;
const MAINTENANCE = `<!DOCTYPE html><html><head><title>LPSE Provinsi Papua</title></head><body style="text-align:center">
<h1>Mohon Maaf</h1><p>Website LPSE Provinsi Papua sedang dalam perbaikan sistem dan sementara tidak dapat diakses. Mohon kembali lagi nanti.</p>
<p>Terima kasih atas pengertian Anda.</p></body></html>`;
const NOT_FOUND = `<!DOCTYPE html><html><head><title>404</title></head><body><h1>404</h1><p>Halaman yang dituju tidak ditemukan</p>
<p>Periksa kembali alamat yang Anda tuju, atau kembali ke beranda.</p></body></html>`;

const answer = (status: number, body: string, headers: Record<string, string> = {}): ProbeOutcome => ({
  kind: 'answer',
  status,
  headers,
  body,
});
const error = (code: string, message: string): ProbeOutcome => ({ kind: 'error', code, message });

const cases: Array<[ProbeClass, string, ProbeOutcome, Partial<ReturnType<typeof classifyProbe>>?]> = [
  ['up', 'the SPSE 4.5 home page', answer(200, HOME_45), { version: '4.5u20250321', errorCode: null }],
  ['spse-error', "SPSE's error page with its code", answer(500, SPSE_ERROR), { errorCode: '81kep4jo9' }],
  ['http-5xx', "nginx's 503 in front of SPSE", answer(503, NGINX_503, { server: 'nginx' })],
  ['cloudflare', "Cloudflare's 522 page", answer(522, CLOUDFLARE_522, { server: 'cloudflare' })],
  ['forbidden', '403 Akses Ditolak!', answer(403, FORBIDDEN)],
  ['timeout', 'no answer before the deadline', error('ETIMEDOUT', 'no answer within 10000 ms')],
  ['dns', 'a name that does not resolve', error('ENOTFOUND', 'getaddrinfo ENOTFOUND lpse.baritotimurkab.go.id')],
  ['tls', 'an expired certificate', error('CERT_HAS_EXPIRED', 'certificate has expired')],
  ['connection-refused', 'a closed port', error('ECONNREFUSED', 'connect ECONNREFUSED 103.10.20.30:443')],
  ['maintenance', 'a maintenance notice in place of SPSE', answer(200, MAINTENANCE)],
  [
    'redirect-loop',
    'a redirect back to a page already seen',
    error('REDIRECT_LOOP', 'redirect loop after 2 redirects'),
  ],
  ['other-error', 'the not-found page', answer(404, NOT_FOUND)],
];

describe('classifyProbe: one case per class', () => {
  test.each(cases)('%s: %s', (cls, _what, outcome, extra) => {
    const got = classifyProbe(outcome);
    expect(got.class).toBe(cls);
    if (extra) expect(got).toMatchObject(extra);
    if (cls !== 'up') expect(got.detail).toBeTruthy();
  });
});

describe('classifyProbe: the edges between classes', () => {
  test('every class of the contract has a case above', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(PROBE_CLASSES));
  });
  test("the old eproc4 footer gives the version: 'SPSE v4.4u20211125'", () => {
    expect(classifyProbe(answer(200, HOME_EPROC4))).toMatchObject({ class: 'up', version: '4.4u20211125' });
  });
  test('a home page whose news mentions maintenance is up, not maintenance', () => {
    expect(HOME_45).toMatch(/Pemeliharaan Server/);
    expect(classifyProbe(answer(200, HOME_45)).class).toBe('up');
  });
  test('a maintenance notice named in the title counts even with a 503', () => {
    const page = `<html><head><title>Sedang Dalam Pemeliharaan</title></head><body>${'<p>LPSE</p>'.repeat(30)}</body></html>`;
    expect(classifyProbe(answer(503, page)).class).toBe('maintenance');
  });
  test("SPSE's error page served with 200 is still an error, and its code is kept", () => {
    expect(classifyProbe(answer(200, SPSE_ERROR))).toMatchObject({ class: 'spse-error', errorCode: '81kep4jo9' });
  });
  test("a 502 with Cloudflare's markup is Cloudflare; the same status from nginx is http-5xx", () => {
    expect(classifyProbe(answer(502, CLOUDFLARE_502)).class).toBe('cloudflare');
    expect(
      classifyProbe(answer(502, NGINX_503.replaceAll('503 Service Temporarily Unavailable', '502 Bad Gateway'))).class,
    ).toBe('http-5xx');
  });
  test('a 52x without a body is Cloudflare (the range is its own)', () => {
    expect(classifyProbe(answer(521, '')).class).toBe('cloudflare');
  });
  test('a very short 200 body is an error page, not up', () => {
    expect(classifyProbe(answer(200, '<html><body>OK</body></html>')).class).toBe('other-error');
  });
  test('a 200 page that is not SPSE (a parked domain) is not up', () => {
    const parked = `<html><head><title>Domain for sale</title></head><body>${'<p>This domain may be for sale.</p>'.repeat(10)}</body></html>`;
    expect(classifyProbe(answer(200, parked)).class).toBe('other-error');
  });
  test('429 Too Many Requests is a refusal', () => {
    expect(classifyProbe(answer(429, 'Too Many Requests')).class).toBe('forbidden');
  });
  test('a reset connection is other-error, too many redirects a redirect loop, EAI_AGAIN dns', () => {
    expect(classifyProbe(error('ECONNRESET', 'socket hang up')).class).toBe('other-error');
    expect(classifyProbe(error('TOO_MANY_REDIRECTS', 'more than 5 redirects')).class).toBe('redirect-loop');
    expect(classifyProbe(error('EAI_AGAIN', 'getaddrinfo EAI_AGAIN spse.inaproc.id')).class).toBe('dns');
    expect(classifyProbe(error('EPROTO', 'SSL routines:ssl3_get_record:wrong version number')).class).toBe('tls');
  });
  test('the vocabulary regexes', () => {
    expect(SPSE_VERSION_RE.exec('Aplikasi SPSE v4.5u20250321')?.[1]).toBe('4.5u20250321');
    expect(MAINTENANCE_RE.test('sedang  dalam\npemeliharaan')).toBe(true);
    expect(MAINTENANCE_RE.test('Pengumuman pemenang tender')).toBe(false);
  });
});
