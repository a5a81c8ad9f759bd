/**
 * The pages of the local SPSE, in the shapes `../shared/data/SPSE.md` gives: the SPSE 4.5 home page with its LKPP
 * footer, the old eproc4 home page (div#footer, noscript text), SPSE's error page with its code, the 403 and
 * not-found pages, and what sits in front of SPSE when it fails (nginx's 5xx, Cloudflare's 52x pages, a
 * maintenance notice). Invented content; only the shapes are SPSE's.
 */
import type { SimInstance } from './instances.ts';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const NEWS = [
  ['Pengumuman Jadwal Pelatihan Penyedia Tahun 2026', '12 Agustus 2026'],
  ['Perpanjangan Masa Berlaku Akun SPSE', '05 Agustus 2026'],
  ['Himbauan Penggunaan Apendo/SPAMKODOK Versi Terbaru', '28 Juli 2026'],
];

function newsList(base: string): string {
  return NEWS.map(
    ([title, date], i) =>
      `<li class="list-group-item"><a href="${base}/publik/detil_special?beritaId=${101 + i}">${title}</a> <small class="text-muted">${date}</small></li>`,
  ).join('\n');
}

/**
 * The SPSE 4.5 home page (central form `spse.inaproc.id/<slug>` or the instance's own host), about 4 KB.
 *
 * @example homePage45(instance, 'http://spse.inaproc.id:47900/baritotimurkab') // "…Aplikasi SPSE v4.5u20250321…"
 */
export function homePage45(inst: SimInstance, base: string, central: boolean): string {
  // The central domain sits behind Cloudflare, which injects its rocket-loader.
  const rocket = central
    ? '<script src="/cdn-cgi/scripts/7d0fa10a/cloudflare-static/rocket-loader.min.js" data-cf-settings="a1b2c3-|49" defer></script>'
    : '';
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>${esc(inst.name)}</title>
<link rel="stylesheet" href="${base}/public/css/spse.min.css">
</head>
<body>
<nav class="navbar navbar-expand-lg"><a class="navbar-brand" href="${base}">${esc(inst.name)}</a>
<ul class="navbar-nav"><li><a href="${base}">Beranda</a></li><li><a href="${base}/lelang">Cari Paket</a></li>
<li><a href="${base}/regulasi">Regulasi</a></li><li><a href="${base}/kontak">Kontak Kami</a></li></ul></nav>
<div class="content container">
<div class="card"><div class="card-header">Berita</div><ul class="list-group">
${newsList(base)}
</ul></div>
<div class="card"><div class="card-header">Login</div><form action="${base}/login" method="post">
<input type="text" name="username" placeholder="User ID"><input type="password" name="password" placeholder="Password">
<button type="submit" class="btn btn-primary">Masuk</button></form></div>
</div>
<footer class="footer"><div class="container">
<p>&copy; 2006-2026 Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP)</p>
<p><a href="https://lkpp.go.id/spse" target="_blank">Aplikasi SPSE v${esc(inst.version)}</a></p>
<p class="clock" data-utc-offset="${inst.utcOffset}">${inst.utcOffset === 7 ? 'WIB' : inst.utcOffset === 8 ? 'WITA' : 'WIT'}</p>
</div></footer>
${rocket}
</body>
</html>
`;
}

/** The old eproc4 home page (`lpse.<x>.go.id/eproc4`): div#footer with "SPSE v4.xuYYYYMMDD" and the noscript text. */
export function homePageEproc4(inst: SimInstance, base: string): string {
  const d = /u(\d{4})(\d{2})(\d{2})$/.exec(inst.version);
  const updated = d ? `${d[3]}-${d[2]}-${d[1]} 10:00` : '01-01-2019 10:00';
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${esc(inst.name)} : Layanan Pengadaan Secara Elektronik</title>
</head>
<body>
<noscript>Untuk tampilan aplikasi SPSE yang lebih baik, harap aktifkan fitur javascript pada browser anda</noscript>
<div id="header"><img src="${base}/public/images/imgng/logo.png" alt="LPSE"><h1>${esc(inst.name)}</h1></div>
<div id="menu"><a href="${base}">Beranda</a> | <a href="${base}/lelang">Cari Paket</a> | <a href="${base}/publik/berita">Berita</a></div>
<div id="content"><h2>Berita Terbaru</h2><ul>
${newsList(base)}
</ul></div>
<div id="footer">
<p>Layanan Pengadaan Secara Elektronik &mdash; Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah</p>
<p>SPSE v${esc(inst.version)} &middot; Update terakhir ${updated}</p>
</div>
</body>
</html>
`;
}

/** SPSE's own error page (the application answered, and failed). */
export function spseErrorPage(base: string, code: string): string {
  return `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>Terjadi Kesalahan</title></head>
<body><div class="content container">
<div class="alert alert-danger"><h4>Terjadi Kesalahan</h4>
<p>Maaf, terjadi error pada aplikasi SPSE. Silakan hubungi LPSE setempat dan sampaikan kode di bawah ini.</p>
<p>Kode Error : ${esc(code)}</p></div>
<p><a href="${base}">Kembali ke beranda</a></p>
</div></body></html>
`;
}

/** SPSE refusing a request ("403 Akses Ditolak!"), e.g. an announcement without a Referer. */
export function forbiddenPage(): string {
  return `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>403 Akses Ditolak!</title></head>
<body><div class="content container"><h1>403 Akses Ditolak!</h1>
<p>Anda tidak memiliki hak akses ke halaman ini.</p></div></body></html>
`;
}

/** SPSE's plain not-found page. */
export function notFoundPage(): string {
  return `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>404 Not Found</title></head>
<body><div class="content container"><h1>404</h1><p>Halaman yang dituju tidak ditemukan</p></div></body></html>
`;
}

/** A maintenance notice put up in place of the application (no SPSE footer). */
export function maintenancePage(inst: SimInstance): string {
  return `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>Pemeliharaan Sistem - ${esc(inst.name)}</title></head>
<body style="text-align:center"><h1>Mohon Maaf</h1>
<p>Layanan ${esc(inst.name)} sedang dalam pemeliharaan sistem. Silakan kembali beberapa saat lagi.</p>
<p>Kami mohon maaf atas ketidaknyamanan ini.</p></body></html>
`;
}

/** The web server in front of SPSE failing (nginx's own page). */
export function nginxErrorPage(status: number): string {
  const text: Record<number, string> = {
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Temporarily Unavailable',
    504: 'Gateway Time-out',
  };
  const line = `${status} ${text[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${line}</title></head>\r\n<body>\r\n<center><h1>${line}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

const CLOUDFLARE_TITLES: Record<number, string> = {
  520: 'Web server is returning an unknown error',
  521: 'Web server is down',
  522: 'Connection timed out',
  523: 'Origin is unreachable',
  524: 'A timeout occurred',
  525: 'SSL handshake failed',
  526: 'Invalid SSL certificate',
};

/** Cloudflare's error page for a 52x, as it shows when the origin behind it fails. */
export function cloudflarePage(status: number, host: string, rayId: string): string {
  const title = CLOUDFLARE_TITLES[status] ?? 'Web server is returning an unknown error';
  return `<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<html class="no-js" lang="en-US"><head>
<title>${esc(host)} | ${status}: ${title}</title>
<meta charset="UTF-8" />
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />
</head><body>
<div id="cf-wrapper"><div id="cf-error-details" class="p-0">
<header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
<h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2">
<span class="inline-block">${title}</span> <span class="code-label">Error code ${status}</span></h1>
<div class="text-15 pt-2">Visit <a href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_${status}&amp;utm_campaign=${esc(host)}" target="_blank" rel="noopener noreferrer">cloudflare.com</a> for more information.</div>
</header>
<div class="cf-error-footer cf-wrapper w-240 lg:w-full py-10 sm:py-4 sm:px-8 mx-auto text-center sm:text-left border-solid border-0 border-t border-gray-300">
<p class="text-13"><span class="cf-footer-item sm:block sm:mb-1">Cloudflare Ray ID: <strong class="font-semibold">${rayId}</strong></span>
<span class="cf-footer-separator sm:hidden">&bull;</span>
<span id="cf-footer-item-ip" class="cf-footer-item sm:block sm:mb-1">Performance &amp; security by <a rel="noopener noreferrer" href="https://www.cloudflare.com/5xx-error-landing" target="_blank">Cloudflare</a></span></p>
</div></div></div>
</body></html>
`;
}

/** robots.txt of an SPSE host: the application's private areas are off limits, the public pages are not. */
export const SPSE_ROBOTS_TXT = 'User-agent: *\nDisallow: /eproc4/admin/\nDisallow: /admin/\nAllow: /\n';
