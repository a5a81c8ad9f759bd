/**
 * Titles of people in Indonesian news: the words a role starts with ("Kepala", "Kabag", "Kombes"), the lower-case
 * words a role may run through ("Kepala Bagian Pengadaan Barang dan Jasa kabupaten Bondowoso"), honorifics that open
 * a name ("H.", "Drs.", "Lalu") and degrees after it ("S.Pd.", "M.Si"), and the role words that tell an official
 * from a complainant.
 */

/** Words a role starts with. */
export const ROLE_HEADS = [
  // police and military ranks come before the name: "Kabid Humas Polda Jateng Kombes Iqbal"
  'kombes',
  'akbp',
  'akp',
  'kompol',
  'iptu',
  'ipda',
  'aipda',
  'brigjen',
  'irjen',
  'komjen',
  'jenderal',
  'kolonel',
  'letkol',
  'mayor',
  'kapten',
  'marsekal',
  'laksamana',
  'kepala',
  'kabag',
  'kasubag',
  'kasubbag',
  'kasi',
  'kabid',
  'kadis',
  'kadiskominfo',
  'ketua',
  'wakil',
  'sekretaris',
  'direktur',
  'dirjen',
  'plt',
  'plt.',
  'pj',
  'plh',
  'asisten',
  'administrator',
  'admin',
  'bupati',
  'wali',
  'walikota',
  'gubernur',
  'sekda',
  'camat',
  'anggota',
  'staf',
  'koordinator',
  'manajer',
  'juru',
  'jubir',
  'kapolda',
  'kapolres',
  'deputi',
  'menteri',
  'kasubdit',
  'kabiro',
  'pejabat',
  'operator',
  'teknisi',
  'pengamat',
  'pengusaha',
  'kontraktor',
  'rekanan',
  'warga',
  'pimpinan',
  'komisaris',
  'salah',
  'selaku',
  'sekaligus',
  'kasatgas',
  'kepala,',
  'pelaksana',
  'pokja',
  'humas',
  'kuasa',
  'penanggung',
  // who a speaker is, before or after the name: "Peserta asal X, Nama", "Nama, pemilik CV kecil"
  'peserta',
  'penyedia',
  'pemilik',
  'pedagang',
  'penasihat',
  'pengacara',
  'advokat',
  // Malaysian Malay titles: "Presiden Persatuan Kontraktor…, Nama", "Timbalan Setiausaha Bahagian…"
  'presiden',
  'setiausaha',
  'timbalan',
  'pengarah',
];

/** Lower-case words allowed inside a role phrase ("Kepala Bagian Pengadaan Barang dan Jasa kabupaten Bondowoso"). */
/**
 * Parts of a unit's name that writers leave in lower case inside a role: "Koordinator Pokja II wilayah utara Bagian
 * Pengadaan Barang dan Jasa Setda", "kepala bidang pelayanan umum dinas X". They may run through a role, never open one.
 */
export const UNIT_PART_WORDS = [
  'wilayah',
  'utara',
  'selatan',
  'timur',
  'barat',
  'tengah',
  'daerah',
  'urusan',
  'bidang',
  'seksi',
  'sub',
  'umum',
  'teknis',
  'pengadaan',
  'pelayanan',
  'layanan',
  'pemilihan',
  'kelompok',
  'kerja',
  'unit',
  'badan',
  'balai',
  'kantor',
  'sekretariat',
  'pemerintah',
];

export const ROLE_LOWER_WORDS = [
  'dan',
  // Javanese "dan": "Kepala Bagian Pengadaan Barang lan Jasa"
  'lan',
  'sekaligus',
  'selaku',
  'salah',
  'satu',
  'seorang',
  'anggota',
  'asosiasi',
  'kepala',
  'bagian',
  'dinas',
  'kabupaten',
  'kota',
  'provinsi',
  'pak',
  'bapak',
  'ibu',
  'bu',
  'yang',
  'juga',
  'kontraktor',
  'rekanan',
  'pengusaha',
  'warga',
  'direktur',
  'staf',
  'ketua',
  'divisi',
  'investigasi',
  'pelaksana',
  'tugas',
  'melalui',
  'asal',
  'perusahaan',
  'setempat',
  'penyedia',
  'jasa',
  'barang',
  'pelaku',
  'usaha',
  'peserta',
  'lelang',
  'tender',
  'pemilik',
  'pengurus',
  'aktivis',
  'pegiat',
  'pemerhati',
  'tokoh',
  'perwakilan',
  'sekretaris',
  'bendahara',
  'komisi',
  // Malaysian Malay "cabang": "Persatuan Kontraktor Melayu cawangan Selangor, Nama"
  'cawangan',
  ...UNIT_PART_WORDS,
  // English roles: "Indonesian Minister of Law and Human Rights, Yasonna Laoly"
  'of',
  'and',
];

/** Honorifics and initials that may open a name: "H. Saprinadi", "I Ketut Adiarsa", "M. Nasrulloh". */
// Lalu and Baiq: the Sasak noble titles of Lombok ("Lalu Ahmad Zainuri", "Baiq Nurhayati"), part of the name as written
export const HONORIFIC_RE =
  /^(?:H|Hj|Drs|Dra|Dr|Ir|Prof|KH|M|A|I|Ni|Ny|Tn|Moh|Moch|Mochd|Muh|Muhd|Mhd|Abd|Dt|Lalu|Baiq)\.?$/;
/** Degrees after a name: "S.Pd.", "SE MM", "ST M.Tech", "S.Sos, M.Si", "FH SIkom". */
export const DEGREE_RE =
  /^(?:S\.?\s?(?:Pd|Sos|sos|Kom|H|E|T|IP|Ag|Hut|Psi|Ked|Farm|Kep|Si|IKom|Ikom|STP|AP|Kes|Ak)|M\.?\s?(?:Si|M|H|Pd|Kom|T|Tech|AP|Kes|Ak|Sc|BA|Eng)|SE|SH|ST|SP|MM|MH|MT|MSi|SIP|SIkom|SKom|Ph\.?D|MBA|FH|Amd|A\.Md|Ak|CA|SSos|SPd|SSi|MPd)\.?$/;

/** Role words of an office holder: "Kepala LPSE Bartim", "Kabag Pengadaan Setda", "Pokja". */
export const OFFICIAL_ROLE_RE =
  /\b(?:kepala|kabag|kasubb?ag|kasi|kabid|kadis|plt|pj|plh|bupati|wakil\s+bupati|wali\s*kota|gubernur|sekda|sekretaris|asisten|administrator|lpse|ulp|ukpbj|bpbj|pokja|dinas|diskominfo|kominfo|setda|setkab|biro|satgas|kpk|kementerian|direktur\s+jenderal|dirjen|humas|camat|lkpp|bp2jk)\b/i;
/** Role words of someone complaining about the system: contractors, bidders, NGOs, associations. */
export const COMPLAINANT_ROLE_RE =
  /\b(?:lsm|kontraktor|rekanan|pengusaha|asosiasi|gapensi|askonas|gabpeknas|akn|direktur\s+(?:cv|pt)|cv|pt|penyedia|peserta|warga|aliansi|lembaga\s+pemantau)\b/i;
