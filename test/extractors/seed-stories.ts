/**
 * Short articles built around the five seed articles (Luwu Utara 2020, Gresik 2023, Pacitan 2015, Mimika 2024,
 * Barito Timur 2021): a few short sentences quoted from each seed, the rest written for these tests. They are the
 * demo's incidents; every one must come out as an incident with its region and a cause.
 */
export interface SeedStory {
  name: string;
  url: string | null;
  text: string;
  regency: string;
  province: string;
  cause: string;
}

export const SEED_STORIES: SeedStory[] = [
  {
    name: 'Luwu Utara 2020',
    url: null,
    regency: 'Kabupaten Luwu Utara',
    province: 'Sulawesi Selatan',
    cause: 'unexplained',
    text: `Diduga “Main Kucing- Kucingan” LPSE Luwu Utara Disorot

Layanan Pengadaan Secara Elektronik (LPSE) Pemerintah Kabupaten Luwu Utara diduga terjadi permainan. Menurut para kontraktor, server yang digunakan LPSE seringkali mengalami gangguan menjelang batas akhir pemasukan penawaran.

“Maaf pak, ini sementara di identifikasi masalahnya, OSx bermasalah sejak tadi malam. Belum diketahui apakah pengaruh virus, mati lampu atau hal hal lainnya,” tulis pengelola LPSE melalui pesan singkat.

(Ono)`,
  },
  {
    name: 'Gresik 2023',
    url: 'https://mili.id/berita/server-lpse-kabupaten-gresik-error',
    regency: 'Kabupaten Gresik',
    province: 'Jawa Timur',
    cause: 'unexplained',
    text: `Server LPSE Kabupaten Gresik Error, LSM FPSR Mendesak Kepala ULP Jelaskan ke Publik

Mili.id - Website LPSE Pemkab Gresik tidak bisa diakses sejak Jumat sore (26/5/2023). Para rekanan yang hendak ikut tender mengadu ke LSM.

"Saat diakses, website LPSE Gresik tersebut error. Ini sarat dengan kepentingan," kata Aris Gunawan, Ketua LSM FPSR.

Baca juga: Kolaborasi Tangguh Bersatu dalam Penanggulangan Bencana di Gresik

"Dugaan-dugaan muncul terkait itu, bisa disengaja dilakukan oleh oknum, atau memang servernya down karena sedang maintenance," ujar Aris.

Editor : Redaksi`,
  },
  {
    name: 'Pacitan 2015',
    url: null,
    regency: 'Kabupaten Pacitan',
    province: 'Jawa Timur',
    cause: 'upgrade',
    text: `Sindopos.com - Pacitan, Upgrade Sitem, Sebabkan Server Not Conection

Pokja ULP Pemkab Pacitan sempat dibuat pusing karena server LPSE tidak berfungsi. Kasubag Bina Program, Bagian Administrasi Pembangunan, Setkab Pacitan, Didik Alih Wibowo, membenarkan terkendalanya server LPSE, lantaran adanya upgrade sistem. Surat bernomor 01/LPSE/III/2015 sudah dikirim ke semua peserta lelang.

"Sejak Jumat (27/3) hingga Senin (30/3) server memang tidak bisa diakses oleh pengguna layanan," jelas Didik, kemarin. Panitia memberikan kompensasi waktu kepada peserta.`,
  },
  {
    name: 'Mimika 2024',
    url: 'https://seputarpapua.com/view/laman-lpse-mimika-gangguan.html',
    regency: 'Kabupaten Mimika',
    province: 'Papua Tengah',
    cause: 'pdn',
    text: `Laman LPSE Mimika Gangguan, Proses Tender Proyek Tidak Maksimal

TIMIKA, Seputarpapua.com | Laman resmi Layanan Pengadaan Secara Elektronik (LPSE) Kabupaten Mimika, Papua Tengah mengalami gangguan.

Kepala Bagian Pengadaan Barang dan Jasa (BPBJ) Sekretariat Daerah Kabupaten Mimika Bambang Wijaksono menjelaskan, gangguan itu terjadi karena dipengaruhi gangguan pada Pusat Data Nasional (PDN) di Jakarta.

“Jadi saya mengundang teman-teman media terkait dengan sistim kita (LPSE) yang sedang trouble,” katanya saat ditemui wartawan di ruang kerjanya, Rabu (27/6/2024).

Pokja diminta melanjutkan tender secara manual bila memungkinkan.

penulis : Fachruddin Aji
editor : Iba`,
  },
  {
    name: 'Barito Timur 2021',
    url: 'https://kalteng.antaranews.com/berita/1234/lpse-bartim-rusak',
    regency: 'Kabupaten Barito Timur',
    province: 'Kalimantan Tengah',
    cause: 'hardware',
    text: `Tamiang Layang (ANTARA) - Pemerintah Kabupaten Barito Timur melalui LPSE menginformasikan bahwa perangkat server lelang sedang mengalami kerusakan.
"Ada komponen perangkat keras yang rusak dan berdampak pada sistem aplikasi," kata Kepala LPSE Bartim Abdul Gafur didampingi Ketua Unit Pengelola Pengadaan Barang dan Jasa Yusia Kameng di Tamiang Layang, Rabu.
Laman http://lpse.baritotimurkab.go.id/eproc4 tidak dapat diakses publik. Perangkat LPSE Bartim diadakan pada tahun 2012. Upaya perbaikan dilakukan sejak Senin (7/6) hingga sekarang, namun masih belum bisa diakses.
Baca juga: Satgas COVID-19 Bartim galakkan Operasi Yustisi
Perubahan jadwal bisa terjadi dalam proses lelang karena kerusakan pada perangkat server LPSE Bartim.
"Kami sudah menyampaikan pemberitahuan perpanjangan kerusakan secara resmi, bahwa sejak tanggal 7 hingga 9 Juni 2021 masih belum dapat diakses," kata Gafur.`,
  },
];
