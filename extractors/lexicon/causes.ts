/**
 * Causes, one list per SCHEMA.md category (Indonesian, Javanese and English). Patterns are phrases, not single words:
 * "jaringan" alone is everywhere, "jaringan terputus" is a cause. Two sub-keys carry decisions the cause decider
 * makes: `lightning` (network, unless the hardware it destroyed is stated) and `hardware_weak` (a damaged server,
 * a cause only when no other is given).
 */
import type { CauseCategory } from '../../src/types.ts';

/**
 * Links and devices of the network ("jaringan" but not the power grid's "jaringan listrik/transmisi"): with a break
 * word after them they are a network cause.
 */
const NET_LINK =
  '(?:jaringan(?!\\s+(?:listrik|transmisi|distribusi|pln|air|jalan|irigasi))(?:\\s+(?:internet|telkom|fiber|kabel\\s+optik))?|(?:akses\\s+|koneksi\\s+)?internet(?:e|nya)?|jalur\\s+(?:internet(?:e|nya)?|backbone|koneksi|jaringan|utama|komunikasi)|backbone|radio\\s+link|link\\s+(?:internet|jaringan|radio|utama)|kabel\\s+(?:fiber|optik|serat\\s+optik|fo|utama|jaringan|internet)|serat\\s+optik|fiber\\s+opti[ck]|router|BTS|tower\\s+(?:bts|jaringan|internet|radio|pemancar)|menara\\s+(?:bts|radio|pemancar|telekomunikasi|jaringan|internet))';
/** Breaks that say a link failed, a few words after it: "kabel optik milik Telkom putus". */
const NET_BREAK = '(?:terputus|putus|pedhot|tersambar|bermasalah|tidak\\s+stabil|down|mati|roboh|tumbang)';
/** Milder trouble words that count right after the link only: "router rusak", "jaringan internet mengalami gangguan". */
const NET_TROUBLE = '(?:rusak|terganggu|mengalami\\s+gangguan|ada\\s+masalah|ana\\s+masalah|error|eror)';
/** Who brings the internet: "gangguan dari penyedia layanan internet". */
const NET_PROVIDER = '(?:provider|isp|penyedia\\s+(?:layanan\\s+|jasa\\s+)?(?:internet|jaringan))';

export const CAUSE_PATTERNS: Record<
  Exclude<CauseCategory, 'unexplained'> | 'hardware_weak' | 'lightning',
  readonly string[]
> = {
  pdn: ['pusat data nasional', 'PDNS?\\s*2?', 'PDN'],
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
    'disusupi',
    'ditrobos',
    'dibobol',
    // English reports
    'hacked',
    'hackers',
    'cyber[\\s-]?attacks?',
  ],
  upgrade: [
    'up[\\s-]?grade',
    'pembaruan\\s+(?:sistem|aplikasi|versi|spse)',
    'peningkatan\\s+versi',
    'migrasi\\s+(?:ke\\s+)?(?:versi|spse|sistem|aplikasi)',
    'versi\\s+\\d+(?:\\.\\d+)*\\s+(?:ke|menjadi|menyang)\\s+(?:versi\\s+)?\\d',
  ],
  power: [
    'pemadaman\\s+listrik',
    '(?:gangguan|padamnya|matinya|putusnya)\\s+(?:daya\\s+|pasokan\\s+)?listrik',
    'listrik\\s+(?:padam|mati|sering\\s+padam)',
    'mati\\s+listrik',
    'mati\\s+lampu',
    'pasokan\\s+listrik',
    'genset',
    '\\bMCB\\b',
    'listrik\\s+pln',
    // English reports
    'power\\s+(?:failure|cut|outage|problem)s?',
    'blackout',
    'electricity\\s+(?:went\\s+out|was\\s+cut|failed)',
  ],
  network: [
    // a link or device of the network, then a break: "kabel serat optik putus", "router rusak", "jalur internete pedhot"
    `${NET_LINK}(?:\\s+\\S+){0,4}\\s+${NET_BREAK}`,
    `${NET_LINK}(?:\\s+\\S+)?\\s+${NET_TROUBLE}`,
    'jaringannya\\s+(?:terputus|putus|tersambar)',
    // the break first: "terputusnya koneksi internet", "petir memutus radio link", "gangguan berasal dari jalur backbone"
    `(?:terputusnya|putusnya|matinya|memutus(?:kan)?)\\s+(?:(?:kabel|jalur)\\s+)?(?:koneksi|jaringan|${NET_LINK})`,
    `(?:gangguan|masalah|kerusakan|rusaknya)\\s+(?:(?:berasal\\s+)?(?:pada|di|dari)\\s+)?(?:pihak\\s+)?(?:${NET_LINK}|koneksi\\s+internet|${NET_PROVIDER})`,
    'kabel\\s+(?:fiber|optik|fo\\b)',
    'fiber\\s+opti[ck]',
    'serat\\s+optik',
    'bandwidth',
    'astinet',
    'koneksi\\s+internet\\s+(?:terputus|putus|lambat|tidak\\s+stabil)',
    'internet\\s+(?:terputus|putus|mati|down)',
    `(?:provider|isp|${NET_PROVIDER})(?:\\s+\\S+){0,3}\\s+(?:gangguan|bermasalah|down|terputus)`,
    '(?:network|internet|connectivity)\\s+(?:disruption|failure|outage|problem)s?',
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
    '(?:kerusakan|rusaknya)\\s+(?:pada\\s+)?(?:perangkat|alat|hardware|komponen)',
    'alat\\s+pembagi',
    'switch\\s+(?:rusak|mati)',
  ],
  overload: [
    'high\\s+traffic',
    'trafi(?:k|c)(?:nya)?\\s+(?:selalu\\s+)?(?:penuh|tinggi|padat)',
    'kelebihan\\s+beban',
    'terbebani',
    'overload',
    'beban\\s+(?:server|berlebih)',
    '(?:banyak|ribuan|ratusan)\\s+(?:penawaran|pengguna|peserta|penyedia)(?:\\s+\\S+){0,4}\\s+(?:secara\\s+)?(?:serentak|bersamaan)',
    'akses\\s+(?:yang\\s+)?(?:bersamaan|serentak)',
    // many users at once, told as "pada hari yang sama" / "di waktu yang sama", and the server swamped
    '(?:banyak|ribuan|ratusan|puluhan)\\s+(?:penawaran|pengguna|peserta|penyedia|rekanan|pengakses)(?:\\s+\\S+){0,4}\\s+(?:pada|di|dalam)\\s+(?:hari|waktu|saat|jam)\\s+yang\\s+sama',
    'lonjakan\\s+(?:jumlah\\s+)?(?:pengguna|pengakses|akses|trafi(?:k|c)|penyedia)',
    '(?:server(?:nya)?|sistem(?:nya)?)\\s+(?:\\S+\\s+){0,2}kewalahan',
    '(?:tidak|tak)\\s+(?:mampu|sanggup|kuat)\\s+(?:menampung|melayani)',
    '(?:banyaknya|membludaknya|membeludaknya|membanjirnya)\\s+(?:penawaran|pengguna|peserta|penyedia|rekanan|pengakses|akses)',
    'heavy\\s+traffic',
    '(?:traffic|user)\\s+surge',
    'surge\\s+in\\s+(?:traffic|users|visitors)',
    'overloaded',
  ],
  /**
   * A damaged server is a symptom as often as a cause: it counts as `hardware` only when the text names no other
   * cause (a lightning strike or a power cut that damaged the server is that cause).
   */
  hardware_weak: [
    '(?:server|mesin\\s+server)(?:\\s+\\S+){0,3}\\s+(?:rusak|mengalami\\s+kerusakan)',
    '(?:kerusakan|rusaknya)\\s+(?:pada\\s+)?server',
    'server\\s+rusak',
  ],
  maintenance: [
    // "maintenance" alone, not a road "maintenance package" or "maintenance work" tender
    'maintenance(?!\\s+(?:package|project|contract|tender|paket))',
    'pemindahan\\s+server',
    'perbaikan\\s+(?:server|sistem)\\s+terjadwal',
    'pemeliharaan\\s+(?:server|sistem|rutin|aplikasi)',
    'perawatan\\s+(?:server|sistem)',
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
