"""``lindung [--db PATH] COMMAND`` — the command line over the same services as the window.

With no command it opens the window.  Every error is one clear line and a non-zero exit status;
personal data never appears in an error message except the caller's own input.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from desktop.cli.common import (COUNT, DAYS, EXIT_AUTH, EXIT_FAILURE, EXIT_INVALID, EXIT_OK, EXIT_USAGE, MONTHS,
                                NO_ACCOUNT_WARNING, SEED, SETTING, WORKERS, CliError, _open, _sign_in, input_file,
                                output_file, status_word)
from desktop.usage import Parser

__all__ = ["EXIT_AUTH", "EXIT_FAILURE", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "NO_ACCOUNT_WARNING", "COMMANDS",
           "CliError", "build_parser", "console", "main"]


class _Parser(Parser):
    def error(self, message: str):  # one line, Indonesian (desktop.usage), exit 2
        raise CliError(f"perintah tidak lengkap atau salah: {message} (lihat `lindung --help`)", EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lindung", description="Lindung — pendaftaran pekerja rentan ke JKK + JKM (BAZNAS).")
    parser.add_argument("--db", metavar="PATH", help="berkas basis data (bawaan: LINDUNG_DB atau folder data pengguna)")
    parser.add_argument("--user", metavar="NAME", help="akun untuk masuk (kata sandi dari LINDUNG_PASSWORD atau ditanya)")
    parser.add_argument("--lang", choices=["id", "en"], help="bahasa tampilan jendela (bawaan: id)")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)

    p = sub.add_parser("demo", help="tambah data contoh yang realistis dan valid")
    p.add_argument("--workers", type=WORKERS, required=True, metavar="N")
    p.add_argument("--seed", type=SEED, metavar="S")

    p = sub.add_parser("enroll", help="daftarkan peserta dari berkas JSON (satu objek atau daftar); semua atau tidak sama sekali")
    p.add_argument("file", type=input_file, metavar="FILE.json", help="berkas JSON, atau - untuk masukan standar")

    p = sub.add_parser("list", help="tampilkan peserta")
    p.add_argument("--json", action="store_true", help="keluaran JSON (NIK lengkap)")
    p.add_argument("--query", metavar="TEXT", default="", help="nama, NIK atau No. Registrasi")
    p.add_argument("--kabupaten", metavar="CODE", help="kode (6171 atau 61.71) atau nama kabupaten/kota")
    p.add_argument("--status", type=status_word, metavar="STATUS",
                   help="status hari ini, kodenya atau seperti tertulis di daftar: enrolled (Terdaftar), submitted "
                        "(Diajukan ke BPJS), active (Aktif), refused (Ditolak BPJS), ended (Berakhir: masa "
                        "perlindungan habis tanpa perpanjangan), deleted (Dihapus)")
    p.add_argument("--expiring", type=DAYS, metavar="HARI",
                   help="hanya yang perlindungannya berakhir dalam HARI hari (atau sudah berakhir)")
    p.add_argument("--batch", metavar="NOMOR", help="hanya anggota batch pengajuan ini")
    p.add_argument("--school", metavar="NPSN")
    p.add_argument("--limit", type=COUNT, metavar="N", help="paling banyak N baris")

    p = sub.add_parser("show", help="tampilkan satu peserta lengkap")
    p.add_argument("registration_no", metavar="NO_REGISTRASI")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("delete", help="hapus peserta (dapat ditelusuri, dengan alasan)")
    p.add_argument("registration_no", metavar="NO_REGISTRASI")
    p.add_argument("--reason", required=True, metavar="ALASAN")

    p = sub.add_parser(
        "edit", help="ubah satu peserta dari objek JSON (hanya kolom yang disebut); semua atau tidak sama sekali",
        description="Ubah satu peserta: kolom yang disebut dalam objek JSON diganti, kolom lain tetap. Diperiksa "
                    "dengan aturan yang sama seperti jendela; bila ada yang salah, setiap alasan ditulis dan tidak "
                    "ada yang disimpan (kode keluar 1). Contoh: echo '{\"phone\": \"0813 1111 2222\"}' | "
                    "lindung edit NO_REGISTRASI -")
    p.add_argument("registration_no", metavar="NO_REGISTRASI")
    p.add_argument("file", type=input_file, metavar="FILE.json",
                   help="objek JSON berisi kolom yang diubah (nama seperti list --json), atau - untuk masukan standar")

    p = sub.add_parser("user", help="akun pengguna di laptop ini")
    user_sub = p.add_subparsers(dest="user_command", metavar="add|list|passwd|recovery-code", required=True,
                                parser_class=_Parser)
    q = user_sub.add_parser("add", help="buat akun (kata sandi dari LINDUNG_NEW_PASSWORD atau ditanya)")
    q.add_argument("username", metavar="NAME")
    q.add_argument("--role", choices=["volunteer", "coordinator", "printer", "admin"],
                   help="bawaan: admin untuk akun pertama, volunteer sesudahnya")
    q.add_argument("--display-name", default="", metavar="NAMA")
    q.add_argument("--school", metavar="NPSN", help="sekolah seorang koordinator (wajib untuk peran coordinator)")
    user_sub.add_parser("list", help="daftar akun")
    q = user_sub.add_parser("passwd", help="ganti kata sandi sendiri, atau (admin) atur ulang kata sandi akun NAME "
                                           "(kata sandi baru dari LINDUNG_NEW_PASSWORD atau ditanya)")
    q.add_argument("username", metavar="NAME", nargs="?", help="akun lain (admin): pemiliknya wajib menggantinya "
                                                              "saat masuk berikutnya")
    user_sub.add_parser("recovery-code", help="(admin) buat kode pemulihan baru; kode lama tidak berlaku lagi")

    p = sub.add_parser("recover", help="admin lupa kata sandi: kode pemulihan (LINDUNG_RECOVERY_CODE atau ditanya) "
                                       "menetapkan kata sandi baru (LINDUNG_NEW_PASSWORD atau ditanya) tanpa "
                                       "kehilangan data")
    p.add_argument("username", metavar="NAME", help="akun admin yang kata sandinya diatur ulang")

    p = sub.add_parser("regions", help="data wilayah Kemendagri yang dipakai")
    reg_sub = p.add_subparsers(dest="regions_command", metavar="info|load", required=True, parser_class=_Parser)
    reg_sub.add_parser("info", help="sumber dan jumlah wilayah")
    q = reg_sub.add_parser("load", help="muat daftar wilayah resmi yang lebih baru (CSV kode,nama,tingkat)")
    q.add_argument("file", type=input_file, metavar="FILE.csv")
    q.add_argument("--source", required=True, metavar="SUMBER", help="dasar hukum/sumber, mis. nomor Kepmendagri")

    p = sub.add_parser("import", help="impor daftar orang tua siswa (.xlsx, .xls, .ods, .csv)")
    p.add_argument("file", type=input_file, metavar="FILE")
    p.add_argument("--school", metavar="NPSN", help="sekolah asal daftar (NPSN 8 digit)")
    p.add_argument("--dry-run", action="store_true", help="periksa saja, jangan simpan")
    p.add_argument("--errors", type=output_file, metavar="OUT.xlsx", help="tulis baris yang ditolak, dengan kolom Keterangan")
    p.add_argument("--json", action="store_true", help="ringkasan sebagai JSON")
    p.add_argument("--map", action="append", default=[], metavar="KOLOM=ISIAN",
                   help="baca kolom berkas KOLOM sebagai ISIAN (mis. \"KTP=nik\" atau \"Bapak/Ibu=Nama Lengkap\"); "
                        "boleh diulang")

    p = sub.add_parser("template", help="tulis templat impor resmi (.xlsx)")
    p.add_argument("out", type=output_file, metavar="OUT.xlsx")

    p = sub.add_parser("cards", help="tulis kartu peserta ke PDF dan catat pencetakannya")
    p.add_argument("out", type=output_file, metavar="OUT.pdf")
    p.add_argument("--layout", choices=["a4", "card"], default="a4",
                   help="a4: 10 kartu per lembar dengan tanda potong; card: satu kartu per halaman")
    p.add_argument("--unprinted", action="store_true", help="hanya yang kartunya belum pernah dicetak")
    p.add_argument("--school", metavar="NPSN")
    p.add_argument("--kabupaten", metavar="KODE|NAMA")
    p.add_argument("--query", metavar="TEXT", help="nama, NIK atau No. Registrasi")
    p.add_argument("--reason", metavar="TEXT", help="alasan cetak ulang (wajib bila ada kartu yang sudah dicetak)")
    p.add_argument("--new-kpj", action="store_true",
                   help="cetak ulang kartu yang dicetak sebelum nomor KPJ terbit (alasan: \"nomor KPJ terbit\")")

    p = sub.add_parser("verify-card", help="periksa keaslian isi kode QR sebuah kartu")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--public-key", metavar="KEY", help="kunci publik penerbit (ed25519:ID:KUNCI)")

    p = sub.add_parser("card-key", help="kunci publik laptop ini untuk memeriksa kartunya")
    p.add_argument("--trust", metavar="KEY", help="percayai kunci publik laptop lain (ed25519:ID:KUNCI)")

    p = sub.add_parser("report", help="laporan PDF: summary, receipts, contributions, impact; dokumen terbit: documents")
    report_sub = p.add_subparsers(dest="report_command", metavar="summary|receipts|contributions|impact|documents", required=True, parser_class=_Parser)
    q = report_sub.add_parser("summary", help="ringkasan per kabupaten/kota dan pekerjaan, capaian target")
    q.add_argument("out", type=output_file, metavar="OUT.pdf")
    q.add_argument("--target", type=COUNT, help="target jumlah peserta (bawaan: pengaturan, 3.533)")
    q = report_sub.add_parser("receipts", help="tanda terima kartu per sekolah")
    q.add_argument("out", type=output_file, metavar="OUT.pdf")
    q.add_argument("--school", required=True, metavar="NPSN")
    q = report_sub.add_parser("contributions", help="kewajiban iuran BAZNAS per kabupaten/kota, atau tagihan satu batch")
    q.add_argument("out", type=output_file, metavar="OUT.pdf")
    q.add_argument("--months", type=MONTHS, metavar="N", help="jumlah bulan (wajib tanpa --batch)")
    q.add_argument("--batch", metavar="NOMOR", help="tagihan iuran batch pengajuan ini (dokumen bernomor)")
    q.add_argument("--reissue", action="store_true",
                   help="dengan --batch: terbitkan koreksi (tagihan tambahan atau nota kredit) bila angkanya berubah")
    q = report_sub.add_parser("impact", help="dampak untuk BAZNAS dan BPJS per tahun dan kabupaten/kota: iuran dari "
                                             "zakat, manfaat dibayar, rasionya, klaim dibayar dan terbuka")
    q.add_argument("out", type=output_file, metavar="OUT.pdf")
    q = report_sub.add_parser("documents", help="dokumen yang sudah terbit (tagihan, tagihan tambahan, nota kredit, "
                                                     "pengembalian kredit, laporan penyaluran BAZNAS)")
    q.add_argument("--batch", metavar="NOMOR", help="hanya dokumen batch ini")
    q.add_argument("--json", action="store_true", help="keluaran JSON")
    q = report_sub.add_parser("baznas", help="penyaluran BAZNAS per mustahik (dengan asnaf), .xlsx")
    q.add_argument("out", type=output_file, metavar="OUT.xlsx")
    q.add_argument("--from", dest="date_from", required=True, metavar="TANGGAL")
    q.add_argument("--to", dest="date_to", required=True, metavar="TANGGAL")
    q.add_argument("--reissue", action="store_true",
                   help="terbitkan laporan pengganti bila angka periode ini berubah sejak laporannya terbit")

    def _filters(q, query: bool = True) -> None:
        q.add_argument("--kabupaten", metavar="KODE|NAMA")
        q.add_argument("--school", metavar="NPSN")
        if query:
            q.add_argument("--query", metavar="TEXT", help="nama, NIK atau No. Registrasi")

    p = sub.add_parser("bpjs", help="pengajuan ke BPJS Ketenagakerjaan dan jawabannya (admin cabang)")
    bpjs_sub = p.add_subparsers(dest="bpjs_command", metavar="export|import|answers|undo|template|bill",
                                required=True,
                                parser_class=_Parser)
    q = bpjs_sub.add_parser("export", help="tulis lembar pendaftaran kolektif BPU untuk peserta yang siap; dicatat "
                                           "sebagai satu batch")
    q.add_argument("out", type=output_file, metavar="OUT.xlsx")
    _filters(q)
    q.add_argument("--limit", type=COUNT, metavar="N", help="paling banyak N peserta")
    q.add_argument("--months", type=MONTHS, metavar="N", help="jumlah bulan yang dibayar (bawaan: pengaturan)")
    q.add_argument("--json", action="store_true")
    q = bpjs_sub.add_parser("import", help="baca jawaban BPJS (KPJ dan tanggal kepesertaan, atau alasan penolakan)")
    q.add_argument("file", type=input_file, metavar="FILE")
    q.add_argument("--dry-run", action="store_true",
                   help="pratinjau: lembar, kolom dan tanggal yang terbaca serta apa yang akan berubah; tidak disimpan")
    q.add_argument("--json", action="store_true")
    q = bpjs_sub.add_parser("answers", help="daftar jawaban BPJS yang sudah diterapkan (terbaru di atas), dengan "
                                            "kodenya")
    q.add_argument("--json", action="store_true")
    q = bpjs_sub.add_parser("undo", help="urungkan satu jawaban BPJS yang salah diterapkan: pesertanya kembali seperti "
                                         "sebelumnya (dicatat dan tersinkron)")
    q.add_argument("answer", metavar="KODE", help="kode jawaban dari \"lindung bpjs answers\" (boleh awalnya saja)")
    q.add_argument("--reason", metavar="TEXT", help="alasan (mis. tanggal salah dibaca)")
    q.add_argument("--json", action="store_true")
    q = bpjs_sub.add_parser("template", help="ikuti templat unggah cabang (baris judulnya); tanpa FILE: tampilkan")
    q.add_argument("file", type=input_file, metavar="FILE", nargs="?")
    q.add_argument("--reset", action="store_true", help="kembali ke kolom bawaan Lindung")
    q = bpjs_sub.add_parser("bill", help="cocokkan tagihan iuran BPJS dengan bulan yang dibayar BAZNAS: yang ditagih "
                                         "tetapi tidak diharapkan, dan sebaliknya; tidak mengubah data")
    q.add_argument("file", type=input_file, metavar="FILE")
    q.add_argument("--out", type=output_file, required=True, metavar="REKON.xlsx", help="lembar rekonsiliasi")
    q.add_argument("--json", action="store_true")

    p = sub.add_parser("payment", help="pembayaran iuran oleh BAZNAS (admin cabang)")
    pay_sub = p.add_subparsers(dest="payment_command", metavar="add|balance|refund", required=True,
                               parser_class=_Parser)
    q = pay_sub.add_parser("add", help="catat pembayaran satu batch (atau daftar No. Registrasi) untuk N bulan")
    q.add_argument("--batch", metavar="NOMOR")
    q.add_argument("--records", metavar="NO_REG,…", help="daftar No. Registrasi (dipisah koma atau spasi)")
    q.add_argument("--months", type=MONTHS, required=True, metavar="N")
    q.add_argument("--reference", metavar="TEXT", help="nomor bukti transfer/kuitansi")
    q.add_argument("--amount", metavar="RP", help="jumlah yang dibayar, bila berbeda dari kewajiban")
    q.add_argument("--fund", default="zakat", metavar="zakat|infak|sedekah",
                   help="dana BAZNAS yang membayar (bawaan zakat)")
    q.add_argument("--use-credit", action="store_true",
                   help="pakai kredit BAZNAS (uang untuk bulan yang tidak diterima siapa pun) untuk sisa kewajiban")
    q.add_argument("--json", action="store_true")
    q = pay_sub.add_parser("refund", help="kembalikan kredit BAZNAS kepada BAZNAS (dokumen RF bernomor)")
    q.add_argument("--amount", metavar="RP", help="jumlah yang dikembalikan (bawaan: seluruh kredit yang dapat "
                                                  "dikembalikan)")
    q.add_argument("--reference", metavar="TEXT", help="nomor bukti transfer pengembalian")
    q.add_argument("--json", action="store_true")
    q = pay_sub.add_parser("balance", help="neraca dana BAZNAS: dibayar, dialokasikan ke bulan kepesertaan, kredit, "
                                           "kurang bayar (per batch dan seluruhnya)")
    q.add_argument("--batch", metavar="NOMOR")
    q.add_argument("--json", action="store_true")

    p = sub.add_parser("renew", help="perpanjang dalam satu langkah: bayar lagi untuk yang perlindungannya segera "
                                     "berakhir (admin cabang)")
    p.add_argument("--expiring", type=DAYS, required=True, metavar="HARI")
    p.add_argument("--months", type=MONTHS, required=True, metavar="N")
    _filters(p)
    p.add_argument("--reference", metavar="TEXT")
    p.add_argument("--amount", metavar="RP")
    p.add_argument("--fund", default="zakat", metavar="zakat|infak|sedekah",
                   help="dana BAZNAS yang membayar (bawaan zakat)")
    p.add_argument("--use-credit", action="store_true", help="pakai kredit BAZNAS untuk sisa kewajiban")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("claim", help="klaim JKK/JKM: laporan kejadian (meninggal, kecelakaan kerja) sampai manfaat dibayar")
    claim_sub = p.add_subparsers(dest="claim_command", metavar="report|update|list|pack|impact|gaps", required=True,
                                 parser_class=_Parser)
    q = claim_sub.add_parser("report", help="laporkan kejadian pada peserta dan nilai haknya pada tanggal kejadian")
    q.add_argument("registration_no", metavar="REGNO")
    q.add_argument("--kind", required=True, choices=("death", "accident", "illness"), metavar="death|accident|illness",
                   help="meninggal, kecelakaan kerja, atau penyakit akibat kerja")
    q.add_argument("--date", required=True, metavar="DD-MM-YYYY", help="tanggal kejadian (atau diagnosis penyakit)")
    q.add_argument("--at-work", action="store_true", help="terjadi dalam pekerjaan (JKK)")
    q.add_argument("--place", default="", metavar="T", help="tempat kejadian")
    q.add_argument("--what", default="", metavar="T", help="apa yang terjadi")
    q.add_argument("--reported-by", metavar="T", help="siapa yang melaporkan (bawaan: pengguna ini)")
    q.add_argument("--json", action="store_true")
    q = claim_sub.add_parser("update", help="catat kemajuan klaim: dokumen, diajukan, dibayar, ditolak")
    q.add_argument("claim", metavar="ID")
    q.add_argument("--state", choices=("documents_complete", "submitted", "paid", "refused"),
                   metavar="documents_complete|submitted|paid|refused")
    q.add_argument("--amount", metavar="RP", help="jumlah yang dibayar BPJS (status paid)")
    q.add_argument("--date", metavar="DD-MM-YYYY", help="tanggal dibayar (status paid)")
    q.add_argument("--reason", metavar="T", help="alasan penolakan (status refused)")
    q.add_argument("--document", action="append", default=[], metavar="KEY",
                   help="dokumen yang sudah dilihat (boleh berulang), misalnya kpj_card")
    q.add_argument("--json", action="store_true")
    q = claim_sub.add_parser("list", help="klaim dan siapa yang ditunggu, yang paling lama menunggu lebih dulu")
    q.add_argument("--open", action="store_true", help="hanya klaim yang belum selesai")
    q.add_argument("--json", action="store_true")
    q = claim_sub.add_parser("impact", help="dampak per kabupaten/kota dan tahun: iuran dari zakat dibanding manfaat "
                                            "yang diterima peserta dan ahli waris")
    q.add_argument("--json", action="store_true")
    q = claim_sub.add_parser("gaps", help="peserta yang perlindungannya segera berakhir, sudah berakhir, atau "
                                          "diperpanjang sesudah jeda, bila itu mengancam syarat 3 bulan atau 3 tahun")
    q.add_argument("--days", type=DAYS, default=30, metavar="HARI", help="segera berakhir: dalam HARI hari (bawaan 30)")
    q.add_argument("--json", action="store_true")
    q = claim_sub.add_parser("pack", help="satu halaman PDF untuk ahli waris: hak, dokumen, alamat cabang, batas waktu")
    q.add_argument("claim", metavar="ID")
    q.add_argument("out", type=output_file, metavar="OUT.pdf")

    p = sub.add_parser("register", help="daftarkan laptop ini ke hub cabang dengan kode sekali pakai")
    p.add_argument("--hub", required=True, metavar="URL")
    p.add_argument("--code", required=True, metavar="KODE")
    p.add_argument("--name", default="", help="nama laptop (bawaan: dari kode)")
    p.add_argument("--allow-http", action="store_true",
                   help="izinkan alamat http:// (tanpa enkripsi) di luar laptop ini; hanya untuk jaringan tertutup")

    p = sub.add_parser("sync", help="kirim dan ambil data dari hub cabang")
    p.add_argument("--hub", metavar="URL", help="alamat hub (hanya yang dipakai saat register)")
    p.add_argument("--refused", action="store_true", help="tampilkan perubahan yang ditolak hub, tanpa sinkronisasi")
    p.add_argument("--drop", metavar="REGNO", help="batalkan perubahan yang ditolak hub untuk data ini (pakai versi hub)")

    p = sub.add_parser("bundle", help="bundel untuk hub bila tidak ada sambungan sama sekali")
    bundle_sub = p.add_subparsers(dest="bundle_command", metavar="export", required=True, parser_class=_Parser)
    q = bundle_sub.add_parser("export", help="tulis semua yang belum diterima hub, terenkripsi untuk hub")
    q.add_argument("out", type=output_file, metavar="OUT")

    p = sub.add_parser("backup", help="cadangkan basis data (aman walau aplikasi sedang berjalan)")
    p.add_argument("out", type=output_file, metavar="OUT")
    p = sub.add_parser("restore", help="pulihkan basis data dari cadangan (admin; aplikasi harus ditutup)")
    p.add_argument("file", type=input_file, metavar="FILE")

    p = sub.add_parser("audit", help="catatan audit: siapa, kapan, apa (admin)")
    from desktop.domain.audit_chain import ACTIONS

    p.add_argument("--action", choices=ACTIONS, help="hanya tindakan ini")
    p.add_argument("--limit", type=COUNT, default=50, help="berapa catatan terbaru (bawaan 50)")
    p.add_argument("--verify", action="store_true", help="periksa rantai hash; kode keluar 1 bila rusak")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("school", help="sekolah (SD/SMP/SMA/SMK, MI/MTs/MA)")
    school_sub = p.add_subparsers(dest="school_command", metavar="add|list", required=True, parser_class=_Parser)
    q = school_sub.add_parser("add", help="tambah sekolah")
    q.add_argument("npsn", metavar="NPSN")
    q.add_argument("--name", required=True, help="nama sekolah")
    q.add_argument("--level", required=True, help="SD, MI, SMP, MTs, SMA, MA atau SMK")
    q.add_argument("--kabupaten", required=True, metavar="KODE|NAMA", help="kabupaten/kota, mis. 6171 atau Sambas")
    q.add_argument("--coordinator", default="", help="nama koordinator sekolah")
    q = school_sub.add_parser("list", help="daftar sekolah")
    q.add_argument("--json", action="store_true")

    p = sub.add_parser("settings", help="pengaturan program (batas umur, lama perlindungan)")
    set_sub = p.add_subparsers(dest="settings_command", metavar="show|set", required=True, parser_class=_Parser)
    set_sub.add_parser("show")
    q = set_sub.add_parser("set")
    q.add_argument("key", choices=["min_age", "max_age", "coverage_months", "max_plausible_income", "lock_minutes",
                                      "jkk_income"])
    q.add_argument("value", type=SETTING)
    return parser


# Each command's handler, in the module of its group (as pip's commands/), imported only when it runs:
# `lindung list` loads neither the card printer nor the spreadsheet readers nor the sync client.
_HANDLERS = {
    "demo": ("records", "cmd_demo"), "enroll": ("records", "cmd_enroll"), "list": ("records", "cmd_list"),
    "show": ("records", "cmd_show"), "delete": ("records", "cmd_delete"), "edit": ("records", "cmd_edit"),
    "user": ("accounts", "cmd_user"), "regions": ("admin", "cmd_regions"), "settings": ("admin", "cmd_settings"),
    "import": ("importing", "cmd_import"), "template": ("importing", "cmd_template"),
    "school": ("admin", "cmd_school"), "cards": ("cards", "cmd_cards"), "verify-card": ("cards", "cmd_verify_card"),
    "card-key": ("cards", "cmd_card_key"), "report": ("reports", "cmd_report"), "register": ("sync", "cmd_register"),
    "sync": ("sync", "cmd_sync"), "bundle": ("sync", "cmd_bundle"), "backup": ("admin", "cmd_backup"),
    "restore": ("admin", "cmd_restore"), "audit": ("admin", "cmd_audit"),
    "bpjs": ("membership", "cmd_bpjs"), "payment": ("membership", "cmd_payment"), "renew": ("membership", "cmd_renew"),
    "claim": ("claims", "cmd_claim"),
}


def _lazy(module: str, name: str) -> Callable[..., int]:
    def run(ws, actor, args) -> int:
        return getattr(importlib.import_module(f"desktop.cli.{module}"), name)(ws, actor, args)

    run.__name__ = run.__qualname__ = name
    return run


COMMANDS: dict[str, Callable[..., int]] = {command: _lazy(*where) for command, where in _HANDLERS.items()}


NO_DISPLAY = ("jendela Lindung butuh layar, tetapi tidak ada (DISPLAY dan WAYLAND_DISPLAY kosong). "
              "Tanpa layar, pakai baris perintah, misalnya `lindung list` (lihat `lindung --help`), "
              "atau jalankan jendela tanpa layar dengan QT_QPA_PLATFORM=offscreen")


def _require_display() -> None:
    """On Linux without a display Qt aborts with a misleading "xcb-cursor0 is needed": say what is wrong."""
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        raise CliError(NO_DISPLAY, EXIT_FAILURE)


def console() -> None:
    """The ``lindung`` program (console script, ``python -m desktop``, the bundle): ``main()``, then the
    usual exit, atexit handlers included. The collector is frozen first: the full collection Python
    runs at exit would otherwise walk every object still alive (the modules a command loaded, what it
    cached) only to find nothing to free."""
    status = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):   # a closed pipe (lindung list | head): nothing more to say
            _to_null(stream)
    gc.freeze()
    raise SystemExit(status)


def _to_null(stream) -> None:
    """``stream``'s descriptor pointed at the null device: Python flushes it again at exit, and a pipe
    whose reader has gone would make it complain on stderr."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def _written(exc: OSError, args) -> str | None:
    """The file the user named that ``exc`` came from writing: its temporary file or a scratch folder
    beside it, its folder, or (a write that names no file) the command's output."""
    from pathlib import Path

    names = [name for name in (getattr(args, "out", None), getattr(args, "errors", None)) if name]
    if exc.filename is None:
        return names[0] if names else None
    failed = Path(os.fsdecode(exc.filename)).resolve()
    for name in names:
        folder = Path(name).resolve().parent
        if failed == folder or folder in failed.parents:
            return name
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = None
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if (args.command, getattr(args, "report_command", None)) == ("report", "contributions") \
                and args.months is None and not args.batch:
            parser.error("argumen --months wajib (atau --batch NOMOR untuk tagihan satu batch)")
        if args.command is None:
            _require_display()
            from desktop.gui.app import run_gui

            return run_gui(db=args.db, lang=args.lang)
        from desktop.services.errors import ServiceError

        if args.command == "recover":   # the recovery code opens the database, not a sign-in
            from desktop.cli.accounts import cmd_recover

            try:
                return cmd_recover(args)
            except ServiceError as exc:
                raise CliError(exc.message) from None
        ws = _open(args)
        try:
            actor = _sign_in(ws, args)
            return COMMANDS[args.command](ws, actor, args)
        except ServiceError as exc:
            raise CliError(exc.message) from None
        finally:
            ws.close()
    except CliError as exc:
        print(f"lindung: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("lindung: dibatalkan", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:   # a file the command writes: a full disk, a read-only folder, open in Excel
        from desktop.services.errors import write_failed

        print(f"lindung: {write_failed(exc, _written(exc, args)).message}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # a bug: say where, never the message (it may carry a NIK or a name)
        from desktop.domain.redact import error_summary

        print(f"lindung: galat tak terduga ({error_summary(exc)}); data yang sudah disimpan tetap aman. "
              "Laporkan baris ini ke admin cabang.", file=sys.stderr)
        return EXIT_FAILURE

