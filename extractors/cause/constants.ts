/**
 * Words that make a mention speculation, not a statement: "Belum diketahui apakah pengaruh virus, mati lampu…",
 * "bisa disengaja … atau memang servernya down karena sedang maintenance", "Dia memperkirakan…".
 */
export const HEDGE_WORDS = [
  'belum diketahui',
  'belum tahu',
  'tidak tahu',
  'tidak diketahui',
  'apakah',
  'adakah',
  'kemungkinan',
  'mungkin',
  'memperkirakan',
  'diperkirakan',
  'bisa jadi',
  'bisa saja',
  'dugaan-dugaan',
  'dikira',
  'entah',
  'spekulasi',
  'bisa disengaja',
  // someone else's guess: "kontraktor menduga … serangan peretas"
  'menduga',
  'diduga',
  'dugaan',
  'menyangka',
  'mengira',
  // "Kami kira diretas": a guess in the first person
  'kami kira',
  'saya kira',
  'kukira',
  'suspected',
  'speculated',
  'possibly',
  'may have',
  'menuding',
  'menuduh',
  'mencurigai',
  'curiga',
  'disinyalir',
  'menyinyalir',
  // a headline's guess: "LPSE Aceh Utara Down, Penyedia Duga Diretas"
  'duga',
  // hearsay: "Saya dengar ada yang bilang di-hack", "isu peretasan", "kabarnya diretas", "Ada pula yang menyebut…"
  'dengar',
  'mendengar',
  'terdengar',
  'ada yang bilang',
  'ada yang menyebut',
  'ada yang mengatakan',
  'ada pula yang',
  'ada juga yang',
  'katanya',
  'kabarnya',
  'isu',
  'isunya',
  'rumor',
  'desas-desus',
  'beredar',
  'rumoured',
  'rumored',
  'allegedly',
  // signs and impressions: "ada indikasi peretasan", "ditengarai diretas", "tampaknya servernya kelebihan beban"
  'ditengarai',
  'dicurigai',
  'indikasi',
  'terindikasi',
  'mengindikasikan',
  'sepertinya',
  'tampaknya',
  'nampaknya',
  'dikabarkan',
  'disebut-sebut',
  'konon',
  // still under investigation: "belum dipastikan", "masih diselidiki"
  'belum dipastikan',
  'belum bisa dipastikan',
  'belum dapat dipastikan',
  'masih diselidiki',
  'sedang diselidiki',
  'masih ditelusuri',
  'masih didalami',
  'sedang diinvestigasi',
  'likely',
  'apparently',
  'possible',
];

/** Words that make a mention hypothetical ("jika server kami rusak") or deny it ("bukan pada jaringan"). */
export const NEGATION_WORDS = [
  'dalam hal',
  'contoh',
  'misalnya',
  'jika',
  'kalau',
  'apabila',
  'bila',
  'bukan',
  'tidak ada',
  'bukan karena',
  // Javanese "bukan": "dudu amarga server rusak"
  'dudu',
  'andaikan',
  'seandainya',
  'agar tidak',
  'supaya tidak',
  'mencegah',
  'menghindari',
  'antisipasi',
  'rentan',
  'tidak menemukan',
  'tidak ditemukan',
  'belum menemukan',
  'belum ditemukan',
  'tanpa',
  'membantah',
  'menepis',
  'menampik',
  'tidak benar',
  'ruled out',
  // a remedy planned, not a cause: "akan mengganti power supply", "would replace the generator"
  'akan mengganti',
  'akan menambah',
  'akan mengusulkan',
  'berencana',
  'would replace',
  'will replace',
  'not',
  'no sign',
];

/**
 * Words that deny a cause outright ("membantah dugaan peretasan", "Tidak ada serangan siber", "belum menemukan
 * tanda-tanda peretasan"): the category denied is then no stated cause anywhere in the article, only a suspicion
 * of whoever raised it.
 */
export const DENIAL_WORDS = [
  'membantah',
  'menepis',
  'menampik',
  'tidak benar',
  'ruled out',
  'tidak ada',
  'bukan',
  'bukan karena',
  'tidak menemukan',
  'tidak ditemukan',
  'belum menemukan',
  'belum ditemukan',
  'denied',
  'no sign',
  'no evidence',
];

/**
 * A negation inside the matched phrase after the cause noun: "jaringan tidak bermasalah" (but "tidak stabil" is one);
 * Javanese "ora": "Server LPSE dhewe ora rusak".
 */
export const INNER_NEGATION_WORDS = ['tidak', 'tak', 'bukan', 'belum', 'not', 'ora'];

/**
 * What an outage happens to besides the systems' own names (lexicon/system.ts SYSTEM_NAMES and lexicon/outage.ts SITE_NOUNS): a linked cause
 * noun ("akibat banjir") is the outage's cause only in a sentence about one of them, or right after one.
 */
export const OUTAGE_SUBJECTS = ['server', 'servernya', 'sistem', 'layanan', 'jaringan', 'internet', 'system', 'site'];

/**
 * Whose link or device it is, right after the noun: the bidder's own connection is no cause of the LPSE's outage
 * ("gagal upload disebabkan koneksi internet yang digunakan penyedia").
 */
export const USER_SIDE_WORDS = [
  'yang digunakan',
  'yang dipakai',
  'milik penyedia',
  'milik peserta',
  'milik rekanan',
  'di tempat',
  'di rumah',
  'masing-masing',
  'sisi penyedia',
  'sisi pengguna',
  'pihak penyedia',
  'pihak peserta',
];

/**
 * Parties whose word on the cause is a complaint, not a statement (corpus rule: what contractors or NGOs suspect is
 * not a cause): "…diretas," ungkap salah seorang kontraktor; "Juru Bicara PT MJP menduga…".
 */
export const CLAIMANT_WORDS = [
  'kontraktor',
  'rekanan',
  'pengusaha',
  'pelaku usaha',
  'vendor',
  'LSM',
  'aktivis',
  'asosiasi',
  'aliansi',
  'penyedia jasa',
  'penyedia barang',
  'peserta lelang',
  'peserta tender',
  'warga',
  'contractor',
  'contractors',
  'bidder',
  'bidders',
];

/** Company heads, matched in capitals only ("PT MJP", "CV Maju Jaya"; a lower-case "pt" is no company). */
export const COMPANY_HEADS = ['PT', 'CV'];

/** Verbs of a claim or a guess that tie a party to what it says, besides the speech verbs of `officials/`. */
export const CLAIM_VERBS = [
  'menduga',
  'menuding',
  'menuduh',
  'mencurigai',
  'menilai',
  'mengklaim',
  'mengeluhkan',
  'duga',
  // "Menurut rekanan, …", "according to contractors"
  'menurut',
  'according to',
];

/**
 * A linked noun that comes back is a recovery, not a fault: "LPSE kembali bisa diakses setelah jaringan internet
 * pulih", "after the power was restored".
 */
export const RECOVERY_AFTER_WORDS = [
  'pulih',
  'normal',
  'kembali',
  'menyala',
  'nyala',
  'hidup',
  'diperbaiki',
  'tersambung',
  'restored',
  'returned',
  'back',
];

/**
 * Words that make a mention a purpose or a precaution, not what happened: "memperketat keamanan agar server tidak
 * diretas", "firewall untuk menangkal serangan hacker", "mewaspadai ancaman peretasan".
 */
export const PRECAUTION_WORDS = [
  'agar',
  'supaya',
  'melindungi',
  'perlindungan',
  'menangkal',
  'penangkal',
  'mewaspadai',
  'waspadai',
  'waspada',
  'kewaspadaan',
  'mengantisipasi',
  'ancaman',
  'potensi',
  'risiko',
  'resiko',
  'protect',
  'prevent',
  'threat',
  'threats',
];

/**
 * Words a few words before a mention that make it the system's history, not this outage's cause: "LPSE Bengkulu
 * pernah diretas hacker", "server yang dulu pernah terendam banjir".
 */
export const BACKGROUND_WORDS = ['pernah', 'sempat pernah', 'dulu pernah', 'juga pernah', 'had once', 'once'];

/**
 * Words right after a mention that put it elsewhere or in the past: "Peretasan serupa pernah menimpa LPSE Kota X",
 * "Kasus peretasan LPSE di daerah lain menjadi pelajaran".
 */
export const ELSEWHERE_WORDS = [
  'serupa',
  'di daerah lain',
  'di tempat lain',
  'di kabupaten lain',
  'di kota lain',
  'di provinsi lain',
  'di instansi lain',
  'di sejumlah daerah',
  'di berbagai daerah',
  'elsewhere',
];

/**
 * "…, tapi kali ini…": a contrast to the present after a mention makes what came before it the past ("server memang
 * sering menjadi sasaran hacker, tapi kali ini gangguan disebabkan listrik padam").
 */
export const THIS_TIME_WORDS = ['kali ini', 'sekarang', 'saat ini', 'this time'];

/**
 * Owners of a site other than the procurement system: an attack on "situs resmi Dinas Pendidikan" or "website KPU"
 * is no cause of the LPSE's outage (other systems by name are in `lexicon/system.ts`).
 */
export const OTHER_SITE_OWNERS = [
  'dinas',
  'badan',
  'kementerian',
  'kemendikbud',
  'kemenkes',
  'pemkab',
  'pemkot',
  'pemprov',
  'pemda',
  'pemerintah kabupaten',
  'pemerintah kota',
  'pemerintah provinsi',
  'pemerintah daerah',
  // "situs-situs pemerintah disusupi konten judi": government sites in general
  'pemerintah',
  'DPRD',
  'KPU',
  'KPUD',
  'Bawaslu',
  'sekolah',
  'universitas',
  'kampus',
  'rumah sakit',
  'RSUD',
  'bank',
  'polres',
  'polda',
  'kepolisian',
  'kejaksaan',
  'pengadilan',
  'partai',
  'media',
  'desa',
  'kecamatan',
  'kelurahan',
  'ministry',
  'university',
  'hospital',
];
