/**
 * Causes, one list per SCHEMA.md category (Indonesian, Javanese and English). Patterns are phrases, not single words:
 * "jaringan" alone is everywhere, "jaringan terputus" is a cause. Two sub-keys carry decisions the cause decider
 * makes: `lightning` (network, unless the hardware it destroyed is stated), `hardware_weak` (a damaged server, a
 * cause only when no other is given) and `maintenance_weak` (the system taken down for repairs on purpose, the
 * same).
 */
import type { CauseCategory } from '../../types/index.ts';

/**
 * Links and devices of the network ("jaringan" but not the power grid's "jaringan listrik/transmisi"): with a break
 * word after them they are a network cause.
 */
const NET_LINK =
  '(?:jaringan(?!\\s+(?:listrik|transmisi|distribusi|pln|air|jalan|irigasi))(?:\\s+(?:internet|telkom|fiber|kabel\\s+optik))?|(?:akses\\s+|koneksi\\s+)?internet(?:e|nya)?|jalur\\s+(?:internet(?:e|nya)?|backbone|koneksi|jaringan|utama|komunikasi)|backbone|radio\\s+link|link\\s+(?:internet|jaringan|radio|utama)|kabel\\s+(?:fiber|optik|serat\\s+optik|fo|utama|jaringan|internet|bawah\\s+laut|laut|telkom)|serat\\s+optik|fiber\\s+opti[ck]|router|BTS|tower\\s+(?:bts|jaringan|internet|radio|pemancar)|menara\\s+(?:bts|radio|pemancar|telekomunikasi|jaringan|internet))';
/** Breaks that say a link failed, a few words after it: "kabel optik milik Telkom putus". */
const NET_BREAK = '(?:terputus|putus|pedhot|tersambar|bermasalah|tidak\\s+stabil|down|mati|roboh|tumbang)';
/** Milder trouble words that count right after the link only: "router rusak", "jaringan internet mengalami gangguan". */
const NET_TROUBLE = '(?:rusak|terganggu|mengalami\\s+gangguan|ada\\s+masalah|ana\\s+masalah|error|eror)';
/** Who brings the internet: "gangguan dari penyedia layanan internet". */
const NET_PROVIDER = '(?:provider|isp|penyedia\\s+(?:layanan\\s+|jasa\\s+)?(?:internet|jaringan))';

export const CAUSE_PATTERNS: Record<
  Exclude<CauseCategory, 'unexplained'> | 'hardware_weak' | 'maintenance_weak' | 'lightning',
  readonly string[]
> = {
  // the national data centre, also told by its operator: "pusat data yang dikelola Kominfo", "data center Kominfo"
  pdn: [
    'pusat data nasional',
    'PDNS?\\s*2?',
    'PDN',
    '(?:pusat\\s+data|data\\s+cent(?:er|re))(?:\\s+\\S+){0,3}\\s+(?:Kominfo|Kemkominfo|Kemenkominfo|Kementerian\\s+Komunikasi(?:\\s+dan\\s+Informatika)?)',
  ],
  cyberattack: [
    'hacker',
    'hacking',
    'di-?hack(?:er)?',
    'kena\\s+hack',
    'hack',
    'di\\s*retas',
    'peretasan',
    'meretas',
    'retas',
    'serangan\\s+(?:siber|hacker|peretas|ddos)',
    'ddos',
    'deface(?:ment)?',
    'malware',
    'ransomware',
    'bom\\s+data',
    // not "disusupi kepentingan politik", "rumah dibobol maling"
    'disusupi(?!\\s+(?:kepentingan|oknum|provokator|penumpang|paham))',
    'ditrobos',
    // "menyusup ke server LPSE", "menyusupi sistem"
    'menyusup(?:i)?\\s+(?:ke\\s+(?:dalam\\s+)?)?(?:server|sistem|situs|akun|jaringan|aplikasi|database|basis\\s+data)',
    'dibobol(?!\\s+(?:maling|pencuri|kawanan))',
    'dijebol',
    // "server LPSE diserang" (not "diserang kritik")
    'diserang(?!\\s+(?:kritik|isu|pertanyaan|warga|wartawan))',
    'trojan',
    'botnet',
    'brute[\\s-]force',
    '(?:akses|login)\\s+(?:ilegal|tidak\\s+sah|tanpa\\s+izin)',
    'breached',
    // English reports
    'hacked',
    'hackers',
    'cyber[\\s-]?attacks?',
    // "ulah peretas", "akun admin dibajak", "disisipi konten judi online"
    'peretas',
    '(?:akun|situs|laman|website|server)(?:\\s+\\S+){0,3}\\s+dibajak',
    'pembajakan\\s+(?:akun|situs|laman|website)',
    'disisipi',
    '(?:konten|situs|link|tautan|iklan|halaman)\\s+judi(?:\\s+(?:online|daring|slot))?',
    'web\\s?shell',
    'backdoor',
    'sql\\s+injection',
    'defaced',
  ],
  upgrade: [
    'up[\\s-]?grade',
    'pembaruan\\s+(?:sistem|aplikasi|versi|spse)',
    'peningkatan\\s+versi',
    'migrasi\\s+(?:ke\\s+)?(?:versi|spse|sistem|aplikasi)',
    'versi\\s+\\d+(?:\\.\\d+)*\\s+(?:ke|menjadi|menyang)\\s+(?:versi\\s+)?\\d',
    // "pemutakhiran aplikasi", "transisi ke SPSE versi 4.5", "peralihan ke sistem baru"
    '(?:pembaharuan|pemutakhiran|update|pengkinian)\\s+(?:sistem|aplikasi|versi|spse|server|perangkat\\s+lunak|software)',
    '(?:peralihan|transisi|perpindahan|pergantian)\\s+(?:ke\\s+)?(?:sistem|aplikasi|versi|spse|platform)',
    'system\\s+(?:upgrade|update)',
    // "aplikasi sedang diupdate", "proses migrasi", "penerapan SPSE versi terbaru", a move to the inaproc platform
    '(?:aplikasi|sistem|spse|server|lpse|situs|laman|website)(?:\\s+\\S+){0,3}\\s+(?:sedang\\s+)?(?:di-?update|diperbarui|diperbaharui|dimutakhirkan|di-?upgrade)',
    'proses\\s+(?:upgrade|migrasi)',
    '(?:penerapan|implementasi|pemberlakuan)\\s+(?:SPSE|aplikasi|sistem)\\s+(?:versi\\s+)?(?:\\d|baru|terbaru)',
    '(?:migrasi|pindah|pemindahan|peralihan)(?:\\s+\\S+){0,3}\\s+(?:ke\\s+)?(?:spse\\.)?inaproc',
  ],
  power: [
    'pemadaman\\s+listrik',
    '(?:gangguan|padamnya|matinya|putusnya)\\s+(?:daya\\s+|pasokan\\s+|aliran\\s+|arus\\s+|suplai\\s+)?listrik',
    'listrik\\s+(?:padam|mati|sering\\s+padam)',
    'mati\\s+listrik',
    'mati\\s+lampu',
    'pasokan\\s+listrik',
    'genset',
    '\\bMCB\\b',
    'listrik\\s+pln',
    // a short circuit, the panel or transformer, an unsteady supply: "korsleting di ruang panel listrik"
    'korsleting',
    'konsleting',
    'korslet',
    'konslet',
    '(?:hubungan\\s+)?arus\\s+pendek',
    '(?:panel|gardu|trafo|travo|transformator)(?:\\s+listrik)?(?:\\s+\\S+){0,4}\\s+(?:terbakar|meledak|rusak|mati|padam|bermasalah)',
    '(?:aliran|arus|suplai|supply|tegangan)\\s+listrik(?:\\s+\\S+){0,3}\\s+(?:terputus|putus|padam|mati|tidak\\s+stabil|naik\\s+turun|drop)',
    '(?:terputusnya|terhentinya)\\s+(?:aliran\\s+|pasokan\\s+|suplai\\s+)?listrik',
    'listrik(?:nya|e)?(?:\\s+\\S+){0,3}\\s+(?:tidak\\s+stabil|naik\\s+turun|byar-?pet|padam|mati)',
    'byar-?pet',
    'pemadaman\\s+bergilir',
    'short[\\s-]circuit',
    'electrical\\s+(?:fault|problem|failure)s?',
    // English reports
    'power\\s+(?:failure|cut|outage|problem)s?',
    '(?<!internet\\s)blackout',
    // "PLN melakukan pemadaman", "pemadaman aliran listrik"
    'PLN(?:\\s+\\S+){0,2}\\s+(?:pemadaman|padam|mati)',
    'pemadaman\\s+(?:aliran\\s+)?(?:listrik|PLN)',
    'electricity\\s+(?:went\\s+out|was\\s+cut|failed)',
  ],
  network: [
    // a link or device of the network, then a break: "kabel serat optik putus", "router rusak", "jalur internete pedhot"
    `${NET_LINK}(?:\\s+\\S+){0,4}\\s+${NET_BREAK}`,
    `${NET_LINK}(?:\\s+\\S+)?\\s+${NET_TROUBLE}`,
    // a cable told with its owner and place before the break: "Kabel serat optik milik Telkom di Kecamatan X putus"
    `(?:kabel\\s+(?:fiber|optik|serat\\s+optik|fo|bawah\\s+laut|laut|telkom)|serat\\s+optik|fiber\\s+opti[ck])(?:\\s+\\S+){0,8}?\\s+(?:${NET_BREAK}|terpotong|dipotong|tertimpa|digigit|tergerus)`,
    'jaringannya\\s+(?:terputus|putus|tersambar)',
    // the break first: "terputusnya koneksi internet", "petir memutus radio link", "gangguan berasal dari jalur backbone"
    `(?:terputusnya|putusnya|matinya|memutus(?:kan)?)\\s+(?:(?:kabel|jalur)\\s+)?(?:koneksi|jaringan|${NET_LINK})`,
    `(?:gangguan|masalah|kerusakan|rusaknya)\\s+(?:(?:berasal\\s+)?(?:pada|di|dari)\\s+)?(?:pihak\\s+)?(?:${NET_LINK}|koneksi(?:\\s+internet)?|${NET_PROVIDER}|telkom(?:sel)?|indihome|lintasarta|icon\\s*\\+|iconnet)`,
    'internet\\s+blackout',
    // the link named alone ("kabel fiber optik", "bandwidth", "Astinet") is a cause only with a causal link
    // (LINKED_CAUSE_PATTERNS): "memasang kabel fiber optik baru", "menambah bandwidth" are works, not faults
    '(?:keterbatasan|kekurangan|terbatasnya|kecilnya|minimnya|penuhnya)\\s+bandwidth',
    'bandwidth(?:nya)?(?:\\s+\\S+){0,3}\\s+(?:kecil|terbatas|kurang|penuh|habis|tidak\\s+(?:cukup|mencukupi|memadai))',
    'koneksi\\s+internet\\s+(?:terputus|putus|lambat|tidak\\s+stabil)',
    'internet\\s+(?:terputus|putus|mati|down)',
    `(?:provider|isp|${NET_PROVIDER})(?:\\s+\\S+){0,3}\\s+(?:gangguan|bermasalah|down|terputus)`,
    '(?:network|internet|connectivity)\\s+(?:disruption|failure|outage|problem)s?',
    // the internet cut or slowed on purpose: "pemblokiran internet", "pemerintah membatasi akses internet"
    '(?:pemblokiran|pembatasan|pemutusan|perlambatan|pelambatan)\\s+(?:akses\\s+|layanan\\s+|jaringan\\s+)*(?:internet|data)',
    '(?:memblokir|membatasi|memutus|mematikan|memperlambat)\\s+(?:sementara\\s+)?(?:akses\\s+|layanan\\s+|jaringan\\s+)*(?:internet|data\\s+seluler)',
    'internet\\s+(?:diblokir|dibatasi|diputus|dimatikan|diperlambat)',
    'internet\\s+shutdown',
    'throttling',
  ],
  // lightning alone: the network's cause, unless the article states hardware it destroyed (corpus rule)
  lightning: ['(?:tersambar|disambar)\\s+petir', 'sambaran\\s+petir', 'petir\\s+menyambar'],
  hardware: [
    'perangkat\\s+keras',
    'hardware',
    'hard\\s?disk',
    'hardisk',
    'power\\s+supply',
    // a board of the server: "papan induk (motherboard) server terbakar"
    'mother\\s?board',
    'mainboard',
    'papan\\s+induk',
    'komponen(?:\\s+\\S+){0,3}\\s+(?:rusak|mengalami\\s+kerusakan)',
    '(?:perangkat|alat)(?:\\s+\\S+){0,3}\\s+(?:rusak|mengalami\\s+kerusakan)',
    '(?:kerusakan|rusaknya)\\s+(?:terjadi\\s+)?(?:pada\\s+)?(?:perangkat|alat|hardware|komponen)',
    'alat\\s+pembagi',
    'switch\\s+(?:rusak|mati)',
    // the server room flooded or burnt: "ruang server terendam banjir", "server terbakar"
    '(?:ruang(?:an)?\\s+server|ruang\\s+data|data\\s+cent(?:er|re)|server(?:nya)?)(?:\\s+\\S+){0,3}\\s+(?:terendam|kebanjiran|tergenang|terbakar|kebakaran|hangus|dilalap\\s+api|tersiram)',
    // ageing equipment: "server yang sudah tua", "perangkat sudah usang"
    '(?:server|perangkat|peralatan|hardware|komputer\\s+server)(?:\\s+\\S+){0,2}\\s+(?:sudah\\s+|telah\\s+)?(?:tua|usang|uzur|termakan\\s+usia|berumur)',
    'usia\\s+(?:server|perangkat)',
    // "server utama sudah berusia lebih dari sepuluh tahun"
    '(?:server|perangkat|peralatan|hardware)(?:\\s+\\S+){0,3}\\s+(?:berusia|berumur)(?:\\s+\\S+){1,3}\\s+tahun',
    // overheating: "server overheat", "pendingin ruang server mati"
    'overheat(?:ing)?',
    'kepanasan',
    '(?:pendingin|AC)(?:\\s+ruang(?:an)?(?:\\s+server)?)?\\s+(?:rusak|mati)',
    '(?:disk|hardware|server)\\s+failure',
    // a part of the server: "memori server penuh", "prosesor rusak"
    '(?:RAM|memori|prosesor|processor|storage|SSD|media\\s+penyimpanan)(?:\\s+server)?\\s+(?:rusak|penuh|bermasalah|error|eror|mati|terbakar)',
  ],
  overload: [
    'high\\s+traffic',
    'trafi(?:k|c)(?:nya)?\\s+(?:selalu\\s+)?(?:penuh|tinggi|padat)',
    'kelebihan\\s+beban',
    'terbebani',
    'overload',
    'beban\\s+(?:server|berlebih)',
    '(?:banyak|ribuan|ratusan)\\s+(?:penawaran|pengguna|peserta|penyedia)(?:\\s+\\S+){0,6}\\s+(?:secara\\s+)?(?:serentak|bersamaan)',
    // "mengakses dan mengunggah dokumen pada saat bersamaan", "login di waktu yang sama"
    '(?:mengakses|mengunggah|mengupload|upload|login|masuk)(?:\\s+\\S+){0,4}\\s+(?:pada|di|dalam)\\s+(?:saat|waktu|jam)\\s+(?:yang\\s+)?(?:bersamaan|sama)',
    // the server's load: "bebannya luar biasa" (not a staff's "beban kerja")
    'bebannya\\s+(?:luar\\s+biasa|sangat\\s+berat|terlalu\\s+berat|berlebih|sangat\\s+tinggi)',
    'akses\\s+(?:yang\\s+)?(?:bersamaan|serentak)',
    // many users at once, told as "pada hari yang sama" / "di waktu yang sama", and the server swamped
    '(?:banyak|ribuan|ratusan|puluhan)\\s+(?:penawaran|pengguna|peserta|penyedia|rekanan|pengakses)(?:\\s+\\S+){0,4}\\s+(?:pada|di|dalam)\\s+(?:hari|waktu|saat|jam)\\s+yang\\s+sama',
    'lonjakan\\s+(?:jumlah\\s+)?(?:pengguna|pengakses|akses|trafi(?:k|c)|penyedia)',
    '(?:server(?:nya)?|sistem(?:nya)?)\\s+(?:\\S+\\s+){0,2}kewalahan',
    '(?:tidak|tak)\\s+(?:mampu|sanggup|kuat)\\s+(?:menampung|melayani)',
    // the server's size no longer enough: "spesifikasi server sudah tidak sanggup melayani", "kapasitas server terbatas"
    '(?:spesifikasi|kapasitas|kemampuan)\\s+(?:server|sistem|mesin|perangkat)(?:\\s+\\S+){0,4}\\s+(?:tidak|tak|kurang|belum)\\s+(?:lagi\\s+)?(?:sanggup|mampu|memadai|mencukupi|cukup|kuat)',
    '(?:kapasitas|spesifikasi)\\s+server(?:\\s+\\S+){0,2}\\s+(?:terbatas|kecil|rendah|minim)',
    '(?:pengguna|pengakses|pengunjung|akses|trafi(?:k|c)|traffic)(?:\\s+\\S+){0,3}\\s+(?:membludak|membeludak|melonjak|meningkat\\s+(?:tajam|drastis))',
    '(?:padatnya|tingginya)\\s+(?:akses|trafi(?:k|c)|traffic|lalu\\s+lintas)',
    '(?:diakses|mengakses|mengunggah|mengupload|upload)\\s+(?:secara\\s+)?(?:bersamaan|serentak|bersama-sama)',
    '(?:banyaknya|membludaknya|membeludaknya|membanjirnya)\\s+(?:penawaran|pengguna|peserta|penyedia|rekanan|pengakses|akses)',
    'heavy\\s+traffic',
    '(?:traffic|user)\\s+surge',
    'surge\\s+in\\s+(?:traffic|users|visitors)',
    'overloaded',
    'too\\s+many\\s+(?:users|visitors|bidders)',
    // "banyaknya yang mengakses", "akses yang tinggi"
    '(?:banyak|ramai)(?:nya)?\\s+(?:yang\\s+)?(?:mengakses|mengunggah|login|upload|mengupload)',
    // "terlalu banyak pengguna yang mengakses", "banyaknya penyedia yang login bersamaan"
    '(?:terlalu\\s+)?banyak(?:nya)?\\s+(?:pengguna|penyedia|peserta|rekanan|pengakses|orang|user)\\s+(?:yang\\s+)?(?:mengakses|mengunggah|login|upload|mengupload|masuk)',
    // "trafiknya naik berkali lipat"
    '(?:trafi(?:k|c)|traffic|akses|pengakses)(?:nya)?\\s+(?:naik|melonjak|meningkat)\\s+(?:berkali|berlipat|drastis|tajam|signifikan)',
    'akses\\s+(?:yang\\s+)?(?:tinggi|padat|membludak|membeludak)',
  ],
  /**
   * A damaged server is a symptom as often as a cause: it counts as `hardware` only when the text names no other
   * cause (a lightning strike or a power cut that damaged the server is that cause).
   */
  hardware_weak: [
    '(?:server|mesin\\s+server)(?:\\s+\\S+){0,3}\\s+(?:rusak|mengalami\\s+kerusakan)',
    '(?:kerusakan|rusaknya)\\s+(?:terjadi\\s+)?(?:pada\\s+|di\\s+)?server',
    'server\\s+rusak',
  ],
  /**
   * The system taken down on purpose for work on it: maintenance when the text names no other cause (a site shut
   * "untuk perbaikan" after an attack was repaired, not maintained).
   */
  maintenance_weak: [
    '(?:sengaja\\s+)?(?:dihentikan|dimatikan|ditutup|dinonaktifkan|dinon-?aktifkan|di-?off-?kan|di-?shutdown)(?:\\s+(?:sementara|sejenak|dulu|untuk\\s+sementara))?\\s+(?:untuk|guna|demi|karena|selama)\\s+(?:dilakukan\\s+|ada\\s+|adanya\\s+|proses\\s+)?(?:perbaikan|pembenahan|penataan|pengecekan|pemeriksaan)\\s+(?:sistem|server|aplikasi|jaringan|perangkat)',
    'taken\\s+(?:offline|down)\\s+for\\s+(?:repairs|works?)',
  ],
  maintenance: [
    // "maintenance" alone, not a road "maintenance package" or "maintenance work" tender
    'maintenance(?!\\s+(?:package|project|contract|tender|paket))',
    'pemindahan\\s+server',
    'perbaikan\\s+(?:server|sistem)\\s+terjadwal',
    'pemeliharaan\\s+(?:server|sistem|rutin|aplikasi)',
    'perawatan\\s+(?:server|sistem)',
    // "sedang dalam pemeliharaan", "perbaikan rutin" (not "sedang dalam perbaikan": a repair after the failure)
    '(?:sedang|dalam)\\s+(?:masa\\s+|tahap\\s+)?(?:pemeliharaan|perawatan)',
    'perbaikan\\s+(?:rutin|berkala)',
    'pemeliharaan\\s+(?:rutin|berkala|terjadwal)',
    '(?:downtime|pemadaman\\s+server)\\s+terjadwal',
    'under\\s+maintenance',
  ],
};

/** A category of SCHEMA.md, or one of the two sub-keys the decider resolves. */
export type CauseKey = keyof typeof CAUSE_PATTERNS;

/** Each key's phrases as one regex (global: the decider walks every mention in a sentence). */
export const CAUSE_RES: readonly (readonly [CauseKey, RegExp])[] = Object.entries(CAUSE_PATTERNS).map(
  ([key, pats]) => [key as CauseKey, new RegExp(`\\b(?:${pats.join('|')})\\b`, 'gi')] as const,
);
/** Any cause phrase at all: most sentences have none and skip the per-category passes. */
export const ANY_CAUSE_RE = new RegExp(`\\b(?:${Object.values(CAUSE_PATTERNS).flat().join('|')})\\b`, 'i');

/**
 * Nouns that name a cause only when a causal link governs them (`causal-links.ts`): "akibat banjir", "karena
 * masalah listrik", "lantaran jaringan internet lemot", "Trafik yang tinggi membuat…". Alone they are everywhere
 * ("proyek penanganan banjir", "jaringan listrik desa"). A flood or a fire (`hardware_weak`) is hardware only when
 * the text names no other cause: a flood that cut the power is a power cut.
 */
export const LINKED_CAUSE_PATTERNS: Partial<Record<CauseKey, readonly string[]>> = {
  // not a voltage surge alone: that is how lightning breaks a server ("terbakar akibat lonjakan tegangan")
  power: ['listrik(?:nya|e)?', 'PLN', 'pemadaman(?!\\s+(?:server|sistem|layanan|aplikasi))'],
  network: [
    NET_LINK,
    'bandwidth',
    'astinet',
    'koneksi(?:nya)?',
    'sinyal',
    'telkom',
    NET_PROVIDER,
    'satelit',
    'vsat',
    'dns',
    'connection',
    'connectivity',
  ],
  hardware_weak: ['banjir', 'kebanjiran', 'terendam', 'kebakaran', 'terbakar', 'flood(?:s|ing)?', 'fire'],
  overload: [
    'trafi(?:k|c)(?:nya)?',
    'traffic',
    'pengakses',
    'pengunjung',
    '(?:kapasitas|spesifikasi)\\s+server',
    'beban(?:\\s+(?:server|sistem|kerja))?',
  ],
  upgrade: [
    'migrasi',
    'perubahan\\s+(?:sistem|versi|aplikasi)',
    'versi\\s+(?:baru|terbaru)',
    '(?:sistem|aplikasi)\\s+(?:yang\\s+)?(?:baru|terbaru)',
    'pembaruan',
    'pembaharuan',
  ],
  // not the power company's own works: "akibat pemeliharaan jaringan PLN" is a power cut
  maintenance: [
    '(?:pemeliharaan|perawatan)(?!(?:\\s+\\S+){0,2}\\s+(?:PLN|listrik))',
    'backup\\s+data',
    'pencadangan(?:\\s+data)?',
  ],
  // not a heart attack, a vote-buying "serangan fajar", an armed or political attack
  cyberattack: ['serangan(?!\\s+(?:jantung|stroke|fajar|balik|udara|bom|teroris|bersenjata|hama|politik))', 'attacks?'],
};

export const LINKED_CAUSE_RES: readonly (readonly [CauseKey, RegExp])[] = Object.entries(LINKED_CAUSE_PATTERNS).map(
  ([key, pats]) => [key as CauseKey, new RegExp(`\\b(?:${pats.join('|')})\\b`, 'gi')] as const,
);
/** Any linked cause noun: the gate of the linked pass. */
export const ANY_LINKED_CAUSE_RE = new RegExp(
  `\\b(?:${Object.values(LINKED_CAUSE_PATTERNS).flat().join('|')})\\b`,
  'i',
);
