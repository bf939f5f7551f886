<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="25"/>
        <source>Kelola akun</source>
        <translation>Manage accounts</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="28"/>
        <source>Akun di laptop ini:</source>
        <translation>Accounts on this laptop:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="31"/>
        <source>&lt;b&gt;Tambah akun&lt;/b&gt;</source>
        <translation>&lt;b&gt;Add an account&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="35"/>
        <source>ketik untuk mencari, atau ↓</source>
        <translation>type to search, or ↓</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="38"/>
        <source>ketik nama atau NPSN sekolah</source>
        <translation>type the school&apos;s name or NPSN</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="39"/>
        <source>— bukan koordinator sekolah —</source>
        <translation>— not a school coordinator —</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="43"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="44"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="45"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="46"/>
        <source>Sekolah</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="47"/>
        <source>Kata sandi (min. {n})</source>
        <translation>Password (min. {n})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="52"/>
        <source>Ulangi kata sandi</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="58"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="59"/>
        <source>Tambah akun</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="61"/>
        <source>Atur ulang kata sandi…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="102"/>
        <source>Pilih dulu akunnya di daftar.</source>
        <translation>First choose the account in the list.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="107"/>
        <source>Atur ulang kata sandi</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="108"/>
        <source>Kata sandi sementara untuk {name}. Berikan kepadanya secara langsung; ia wajib menggantinya dengan kata sandinya sendiri saat masuk berikutnya.</source>
        <translation>A temporary password for {name}. Give it to them in person; they must replace it with their own at their next sign-in.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="110"/>
        <source>Atur ulang</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="111"/>
        <source>Kata sandi {name} diatur ulang; ia wajib menggantinya saat masuk berikutnya.</source>
        <translation>{name}&apos;s password was reset; they must change it at their next sign-in.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="123"/>
        <source>Kedua kata sandi tidak sama. Ketik lagi.</source>
        <translation>The two passwords differ. Type them again.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/accounts_dialog.py" line="134"/>
        <source>Akun {name} dibuat.</source>
        <translation>Account {name} created.</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="37"/>
        <source>Baca jawaban BPJS</source>
        <translation>Read BPJS&apos;s answer</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="43"/>
        <source>&amp;Pilih berkas jawaban…</source>
        <translation>&amp;Choose the answer file…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="91"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="91"/>
        <source>Ditolak</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="89"/>
        <location filename="../../desktop/gui/answer_dialog.py" line="91"/>
        <source>Tidak berubah</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="89"/>
        <location filename="../../desktop/gui/answer_dialog.py" line="92"/>
        <source>Masih diproses BPJS</source>
        <translation>Still in process at BPJS</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="92"/>
        <source>Tidak diterapkan</source>
        <translation>Not applied</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="75"/>
        <source>Baris yang tidak diterapkan dan alasannya:</source>
        <translation>Rows not applied, and why:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="38"/>
        <source>Pilih berkas yang dikirim BPJS (.xlsx, .xls, .ods atau .csv). Lindung membacanya dulu tanpa mengubah apa pun: periksa lembar, kolom dan tanggal yang terbaca, lalu pilih &quot;Terapkan&quot;. Baris dengan nomor KPJ 11 digit dan tanggal kepesertaan (TMT) membuat peserta itu Aktif sejak tanggal tersebut; baris dengan alasan tanpa KPJ membuatnya Ditolak BPJS; baris yang masih diproses (PROSES, PENDING, menunggu) tidak mengubah apa-apa. Berkas yang sama dibaca dua kali tidak mengubah apa-apa.</source>
        <translation>Choose the file BPJS sent (.xlsx, .xls, .ods or .csv). Lindung reads it first without changing anything: check the sheets, columns and dates it read, then choose &quot;Apply this answer&quot;. A row with an 11-digit KPJ number and a membership date (TMT) makes that worker Active from that date; a row with a reason and no KPJ makes them Refused by BPJS; a row still in process (PROSES, PENDING, menunggu) changes nothing. Reading the same file twice changes nothing.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="76"/>
        <source>Baris di berkas</source>
        <translation>Row in the file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="76"/>
        <source>Lembar</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="76"/>
        <source>Isi di berkas</source>
        <translation>Value in the file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="77"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="81"/>
        <source>&amp;Terapkan jawaban ini</source>
        <translation>&amp;Apply this answer</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="88"/>
        <source>Akan aktif</source>
        <translation>Will be active</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="88"/>
        <source>Akan ditolak</source>
        <translation>Will be refused</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="90"/>
        <source>Tidak akan diterapkan</source>
        <translation>Will not be applied</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="102"/>
        <source>Pilih berkas jawaban BPJS</source>
        <translation>Choose BPJS&apos;s answer file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="125"/>
        <source>Pratinjau — belum ada yang diubah.</source>
        <translation>Preview — nothing changed yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="128"/>
        <source>Periksa yang terbaca di atas. Bila benar, pilih &quot;Terapkan jawaban ini&quot;: {activated} peserta menjadi aktif, {refused} ditolak BPJS.</source>
        <translation>Check what was read above. If it is right, choose &quot;Apply this answer&quot;: {activated} workers become active, {refused} refused by BPJS.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="133"/>
        <source>Berkas ini tidak mengubah apa pun: tidak ada yang perlu diterapkan.</source>
        <translation>This file changes nothing: there is nothing to apply.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="142"/>
        <source>Diterapkan.</source>
        <translation>Applied.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="143"/>
        <source>{name} dibaca: {activated} peserta aktif, {refused} ditolak BPJS, {unchanged} tidak berubah.</source>
        <translation>{name} read: {activated} workers active, {refused} refused by BPJS, {unchanged} unchanged.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="146"/>
        <source>{count} masih diproses BPJS: tidak ada yang diubah; terapkan jawaban berikutnya bila sudah ada.</source>
        <translation>{count} still in process at BPJS: nothing was changed; apply BPJS&apos;s next answer when it comes.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="149"/>
        <source>{count} baris tidak diterapkan: lihat alasannya di tabel.</source>
        <translation>{count} rows not applied: see why in the table.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="176"/>
        <source>Lembar dibaca: {sheets}</source>
        <translation>Sheets read: {sheets}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="178"/>
        <source>tidak dipakai</source>
        <translation>not used</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="179"/>
        <source>Kolom: {columns}</source>
        <translation>Columns: {columns}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="182"/>
        <source>hari/bulan/tahun</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="182"/>
        <source>bulan/hari/tahun</source>
        <translation>month/day/year</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="183"/>
        <source>terbukti dari isinya</source>
        <translation>proven by the contents</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="184"/>
        <source>urutan Indonesia; tidak ada tanggal yang menentukan</source>
        <translation>the Indonesian order; no date decides it</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="185"/>
        <source>bercampur: tanggal yang bisa dibaca dua cara tidak diterapkan</source>
        <translation>mixed: dates that can be read both ways are not applied</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="186"/>
        <source>hanya urutan ini yang membuat semua tanggal masuk akal</source>
        <translation>only this order makes every date plausible</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_dialog.py" line="188"/>
        <source>Tanggal dibaca sebagai {order} ({basis}): {sample}</source>
        <translation>Dates read as {order} ({basis}): {sample}</translation>
    </message>
</context>
<context>
    <name>AnswerHistoryDialog</name>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="29"/>
        <source>Riwayat jawaban BPJS</source>
        <translation>BPJS answer history</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="30"/>
        <source>Jawaban BPJS yang sudah diterapkan, terbaru di atas. Bila sebuah berkas salah diterapkan (berkas batch lain, tanggal salah dibaca), pilih berkas itu lalu &quot;Urungkan&quot;: peserta yang diaktifkan atau ditolak olehnya kembali seperti sebelumnya (Diajukan ke BPJS), lalu terapkan berkas yang benar. Riwayat peserta tetap mencatat semuanya; pengurungan dicatat di audit dan ikut tersinkron.</source>
        <translation>BPJS answers already applied, newest first. If a file was applied by mistake (another batch&apos;s file, a misread date), select that file and choose &quot;Undo&quot;: the workers it activated or refused go back to how they were (Submitted to BPJS); then apply the right file. The membership history still records everything; the undo is recorded in the audit log and synced too.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="34"/>
        <source>Dibaca</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="34"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="34"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="34"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="35"/>
        <source>Ditolak</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="35"/>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="35"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="40"/>
        <source>mis. tanggal salah dibaca, berkas batch lain (boleh kosong)</source>
        <translation>e.g. a misread date, another batch&apos;s file (may be empty)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="42"/>
        <source>&amp;Alasan mengurungkan</source>
        <translation>&amp;Reason for undoing</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="44"/>
        <source>&amp;Urungkan jawaban ini…</source>
        <translation>&amp;Undo this answer…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="62"/>
        <source>Belum ada jawaban BPJS yang diterapkan pada data di laptop ini.</source>
        <translation>No BPJS answer has been applied to the data on this laptop yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="65"/>
        <source>diurungkan {when} oleh {by}</source>
        <translation>undone {when} by {by}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="68"/>
        <source>berlaku</source>
        <translation>in force</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="104"/>
        <source>Urungkan jawaban {file} yang dibaca {when}?

{count} peserta kembali &quot;Diajukan ke BPJS&quot; (menunggu jawaban BPJS): nomor KPJ, tanggal kepesertaan atau penolakan dari berkas ini tidak berlaku lagi.</source>
        <translation>Undo the answer {file} read {when}?

{count} workers go back to &quot;Submitted to BPJS&quot; (awaiting BPJS&apos;s answer): the KPJ numbers, membership dates or refusals from this file no longer hold.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="109"/>
        <source>{list} mengikuti jawaban BPJS lain.</source>
        <translation>{list} follow another BPJS answer.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="110"/>
        <source>{count} peserta {status}</source>
        <translation>{count} workers with status {status}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="113"/>
        <source>{count} peserta sudah dibayar BAZNAS: bulan yang dibayar menunggu sampai mereka aktif lagi.</source>
        <translation>{count} workers are already paid for by BAZNAS: the months paid wait until they are active again.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="116"/>
        <source>{count} peserta tidak diubah: {reason}</source>
        <translation>{count} workers not changed: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="118"/>
        <source>Urungkan jawaban BPJS?</source>
        <translation>Undo the BPJS answer?</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="119"/>
        <source>Urungkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="120"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="135"/>
        <source>Jawaban {file} diurungkan: {count} peserta kembali &quot;Diajukan ke BPJS&quot;. Terapkan berkas yang benar dengan &quot;Baca jawaban BPJS…&quot;.</source>
        <translation>Answer {file} undone: {count} workers are back to &quot;Submitted to BPJS&quot;. Apply the right file with &quot;Read BPJS&apos;s answer…&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="139"/>
        <source>{count} peserta tidak diubah (sudah diajukan lagi atau dihapus).</source>
        <translation>{count} workers not changed (already submitted again or deleted).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/answer_history_dialog.py" line="142"/>
        <source>{count} nomor KPJ dilepas: bila laptop ini tersinkron dengan hub, sinkronkan dulu sebelum menerapkan berkas yang benar.</source>
        <translation>{count} KPJ numbers released: if this laptop syncs with a hub, sync first before applying the right file.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/gui/app.py" line="177"/>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="177"/>
        <source>Admin telah mengatur ulang kata sandi {name}. Buat kata sandi Anda sendiri sekarang; hanya Anda yang mengetahuinya.</source>
        <translation>An admin reset {name}&apos;s password. Choose your own password now; only you will know it.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="180"/>
        <source>Simpan dan masuk</source>
        <translation>Save and sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="181"/>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="240"/>
        <source>Cadangan tidak dipulihkan: {reason}</source>
        <translation>The backup was not restored: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="242"/>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="253"/>
        <source>Basis data {path} tidak dapat dibuka.
{reason}</source>
        <translation>The database {path} cannot be opened.
{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="256"/>
        <source>Basis data tidak dapat dibuka</source>
        <translation>The database cannot be opened</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <location filename="../../desktop/services/audit.py" line="31"/>
        <source>tambah</source>
        <translation>create</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="31"/>
        <source>ubah</source>
        <translation>edit</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="32"/>
        <source>hapus</source>
        <translation>delete</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="32"/>
        <source>cetak</source>
        <translation>print</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="33"/>
        <source>ekspor</source>
        <translation>export</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="33"/>
        <source>impor</source>
        <translation>import</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="34"/>
        <source>sinkron</source>
        <translation>sync</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="34"/>
        <source>tinjau</source>
        <translation>review</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="35"/>
        <source>cadangkan</source>
        <translation>backup</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="35"/>
        <source>pulihkan</source>
        <translation>restore</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="36"/>
        <source>gagal masuk</source>
        <translation>failed sign-in</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="37"/>
        <source>ajukan ke BPJS</source>
        <translation>submit to BPJS</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="37"/>
        <source>jawaban BPJS</source>
        <translation>BPJS answer</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="38"/>
        <source>pembayaran BAZNAS</source>
        <translation>BAZNAS payment</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="39"/>
        <source>urungkan jawaban BPJS</source>
        <translation>undo BPJS answer</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="40"/>
        <source>rekonsiliasi tagihan BPJS</source>
        <translation>BPJS bill reconciliation</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="41"/>
        <source>pengembalian kredit BAZNAS</source>
        <translation>BAZNAS credit refund</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="42"/>
        <source>atur ulang kata sandi</source>
        <translation>password reset</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="43"/>
        <source>ganti kata sandi</source>
        <translation>password change</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="44"/>
        <source>kode pemulihan baru</source>
        <translation>new recovery code</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="126"/>
        <source>wajib diganti saat masuk</source>
        <translation>must be changed at sign-in</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="126"/>
        <source>melalui</source>
        <translation>through</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="127"/>
        <source>alasan</source>
        <translation>reason</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="127"/>
        <source>no. registrasi</source>
        <translation>registration no.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="128"/>
        <source>berkas</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="128"/>
        <source>tata letak</source>
        <translation>layout</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="129"/>
        <source>sekolah</source>
        <translation>school</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="129"/>
        <source>baris</source>
        <translation>rows</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="130"/>
        <source>jenis</source>
        <translation>kind</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="130"/>
        <source>data</source>
        <translation>records</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="131"/>
        <source>dikirim</source>
        <translation>pushed</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="131"/>
        <source>diambil</source>
        <translation>pulled</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="132"/>
        <location filename="../../desktop/services/audit.py" line="137"/>
        <source>konflik</source>
        <translation>conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="132"/>
        <source>data ganda</source>
        <translation>duplicates</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="133"/>
        <location filename="../../desktop/services/audit.py" line="163"/>
        <source>ditolak</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="133"/>
        <source>dibatalkan</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="134"/>
        <source>peran</source>
        <translation>role</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="134"/>
        <source>peserta</source>
        <translation>workers</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="135"/>
        <source>ukuran (byte)</source>
        <translation>size (bytes)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="135"/>
        <source>bulan</source>
        <translation>months</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="136"/>
        <source>keputusan</source>
        <translation>decision</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="136"/>
        <source>dihapus</source>
        <translation>removed</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="137"/>
        <source>pasangannya</source>
        <translation>other record</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="138"/>
        <source>pasangan</source>
        <translation>pair</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="138"/>
        <source>sumber</source>
        <translation>source</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="139"/>
        <source>alasan cetak ulang</source>
        <translation>reprint reason</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="139"/>
        <source>otomatis</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="140"/>
        <source>kunci otomatis (menit)</source>
        <translation>auto-lock (minutes)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="141"/>
        <source>waktu percobaan</source>
        <translation>attempted at</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="142"/>
        <source>salah berturut-turut</source>
        <translation>wrong in a row</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="143"/>
        <source>dikunci (menit)</source>
        <translation>locked (minutes)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="144"/>
        <source>umur minimal</source>
        <translation>minimum age</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="144"/>
        <source>umur maksimal</source>
        <translation>maximum age</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="145"/>
        <source>lama perlindungan (bulan)</source>
        <translation>coverage (months)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="146"/>
        <source>batas penghasilan wajar</source>
        <translation>plausible income limit</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="147"/>
        <source>upah yang dilaporkan untuk JKK</source>
        <translation>wage reported for JKK</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="148"/>
        <source>sumber dana</source>
        <translation>fund</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="149"/>
        <source>nama</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="149"/>
        <source>jenjang</source>
        <translation>level</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="150"/>
        <source>kabupaten/kota</source>
        <translation>regency/city</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="151"/>
        <source>koordinator</source>
        <translation>coordinator</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="152"/>
        <source>sinkron otomatis (menit)</source>
        <translation>automatic sync (minutes)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="153"/>
        <source>kode jawaban</source>
        <translation>answer code</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="154"/>
        <source>kembali diajukan</source>
        <translation>back to submitted</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="155"/>
        <source>pembayaran menunggu aktivasi</source>
        <translation>payments awaiting activation</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="156"/>
        <source>tidak diubah</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="157"/>
        <source>ditagih (Rp)</source>
        <translation>charged (Rp)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="157"/>
        <source>diharapkan (Rp)</source>
        <translation>expected (Rp)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="158"/>
        <source>selisih (Rp)</source>
        <translation>difference (Rp)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="159"/>
        <source>ditagih tidak diharapkan</source>
        <translation>charged, not expected</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="160"/>
        <source>diharapkan tidak ditagih</source>
        <translation>expected, not charged</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="161"/>
        <source>selisih harga</source>
        <translation>price differences</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="161"/>
        <source>tidak terbaca</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="162"/>
        <source>diaktifkan</source>
        <translation>activated</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="164"/>
        <source>tidak berubah</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="165"/>
        <source>tidak dikenali</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="166"/>
        <source>kewajiban (Rp)</source>
        <translation>owed (Rp)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="167"/>
        <source>dibayar (Rp)</source>
        <translation>paid (Rp)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="168"/>
        <source>jumlah (Rp)</source>
        <translation>amount (Rp)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="169"/>
        <source>total (Rp)</source>
        <translation>total (Rp)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="170"/>
        <source>referensi</source>
        <translation>reference</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="171"/>
        <source>perpanjangan</source>
        <translation>renewal</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="172"/>
        <source>kredit dipakai (Rp)</source>
        <translation>credit used (Rp)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="173"/>
        <source>kredit dari (pembayaran)</source>
        <translation>credit from (payments)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="174"/>
        <source>kolom</source>
        <translation>columns</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="175"/>
        <source>diatur ulang</source>
        <translation>reset</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="176"/>
        <source>dokumen</source>
        <translation>document</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="177"/>
        <source>periode</source>
        <translation>period</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="178"/>
        <source>dari</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="179"/>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="180"/>
        <source>menggantikan</source>
        <translation>replaces</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../desktop/gui/audit_dialog.py" line="33"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/audit_dialog.py" line="33"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/audit_dialog.py" line="34"/>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/audit_dialog.py" line="34"/>
        <source>Tentang</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/audit_dialog.py" line="35"/>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/audit_dialog.py" line="68"/>
        <source>Catatan audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/audit_dialog.py" line="71"/>
        <source>Memeriksa rantai hash…</source>
        <translation>Checking the hash chain…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/audit_dialog.py" line="75"/>
        <source>Tindakan:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/audit_dialog.py" line="76"/>
        <location filename="../../desktop/gui/audit_dialog.py" line="77"/>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/audit_dialog.py" line="95"/>
        <source>Isi data pribadi tidak dicatat di sini: perubahan nama, NIK, alamat dan telepon hanya disebut sebagai (diubah). Catatan ikut dikirim ke hub saat sinkronisasi.</source>
        <translation>Personal values are not recorded here: changes to name, NIK, address and phone are only named as (diubah). The log is sent to the hub when syncing.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/audit_dialog.py" line="101"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/audit_dialog.py" line="115"/>
        <source>Rantai hash utuh: {count} catatan, tidak ada yang diubah atau dihapus.</source>
        <translation>Hash chain intact: {count} entries, none changed or removed.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/audit_dialog.py" line="119"/>
        <source>PERINGATAN: catatan #{id} telah diubah, dihapus atau dipindah sesudah ditulis. Laporkan ke admin cabang.</source>
        <translation>WARNING: entry #{id} was changed, removed or moved after it was written. Report it to the branch admin.</translation>
    </message>
</context>
<context>
    <name>BaznasReportDialog</name>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="640"/>
        <source>Laporan penyaluran BAZNAS</source>
        <translation>BAZNAS distribution report</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="641"/>
        <source>Untuk catatan penyaluran zakat BAZNAS: per mustahik, iuran yang dibayarkan untuknya (menurut pembayaran yang dicatat pada rentang tanggal ini), dengan asnafnya. Disimpan sebagai Excel. Laporan satu periode terbit sekali dengan nomornya (LP-…) dan ditulis ulang dengan angka yang sama; bila angkanya berubah sesudahnya, terbitkan laporan pengganti.</source>
        <translation>For BAZNAS&apos;s zakat distribution records: per mustahik, the contributions paid for them (by the payments recorded in this date range), with their asnaf. Saved as Excel. A period&apos;s record is issued once with its number (LP-…) and written again with the same figures; if its figures change afterwards, issue a replacement record.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="652"/>
        <source>&amp;Dari tanggal</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="653"/>
        <source>&amp;Sampai tanggal</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="654"/>
        <source>Terbitkan laporan &amp;pengganti bila angkanya berubah sejak terbit</source>
        <translation>Issue a &amp;replacement record if its figures changed since it was issued</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="659"/>
        <source>&amp;Simpan laporan…</source>
        <translation>&amp;Save report…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="675"/>
        <location filename="../../desktop/gui/membership_window.py" line="685"/>
        <source>Tanggal akhir sebelum tanggal awal.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="677"/>
        <source>Simpan laporan penyaluran BAZNAS</source>
        <translation>Save the BAZNAS distribution report</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="692"/>
        <source>Laporan penyaluran BAZNAS {number}: {count} mustahik, {total}, disimpan ke {path}.</source>
        <translation>BAZNAS distribution record {number}: {count} mustahik, {total}, saved to {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="695"/>
        <source>Menggantikan {number}.</source>
        <translation>Replaces {number}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="697"/>
        <source>Terbit {date}; ditulis ulang dengan angka yang sama.</source>
        <translation>Issued {date}; written again with the same figures.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="700"/>
        <source>Angka periode ini berubah sejak {number} terbit: centang &quot;Terbitkan laporan pengganti&quot; lalu simpan lagi.</source>
        <translation>The figures of this period changed since {number} was issued: tick &quot;Issue a replacement record&quot; and save again.</translation>
    </message>
</context>
<context>
    <name>BillDialog</name>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="712"/>
        <source>Rekonsiliasi tagihan BPJS</source>
        <translation>BPJS bill reconciliation</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="713"/>
        <source>Bandingkan tagihan yang dikirim BPJS dengan bulan kepesertaan yang dibayar BAZNAS: siapa dan bulan apa yang ditagih padahal tidak diharapkan, yang diharapkan tetapi tidak ditagih, dan selisih harga. Rinciannya disimpan sebagai Excel.</source>
        <translation>Compare the bill BPJS sent with the months of membership BAZNAS paid for: who and which months were charged though not expected, expected but not charged, and price differences. The details are saved as Excel.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="718"/>
        <source>Periode tagihan</source>
        <translation>Bill period</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="718"/>
        <source>Baris dibandingkan</source>
        <translation>Rows compared</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="719"/>
        <source>Ditagih BPJS</source>
        <translation>Charged by BPJS</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="719"/>
        <source>Diharapkan (buku dana)</source>
        <translation>Expected (ledger)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="720"/>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="720"/>
        <source>Ditagih, tidak diharapkan</source>
        <translation>Charged, not expected</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="721"/>
        <source>Diharapkan, tidak ditagih</source>
        <translation>Expected, not charged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="721"/>
        <source>Selisih harga</source>
        <translation>Price differences</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="722"/>
        <source>Baris tidak terbaca</source>
        <translation>Rows not read</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="728"/>
        <source>&amp;Pilih tagihan BPJS…</source>
        <translation>&amp;Choose BPJS bill…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="739"/>
        <source>Pilih berkas tagihan BPJS</source>
        <translation>Choose the BPJS bill file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="740"/>
        <source>Tagihan BPJS (*.xlsx *.xls *.ods *.csv)</source>
        <translation>BPJS bill (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="743"/>
        <source>Simpan rincian rekonsiliasi</source>
        <translation>Save the reconciliation details</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="756"/>
        <source>{count} ({amount})</source>
        <translation>{count} ({amount})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="760"/>
        <source>{first} s.d. {last}</source>
        <translation>{first} to {last}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="770"/>
        <source>baris {row}: {problem}</source>
        <translation>row {row}: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="774"/>
        <source>lebih banyak ditagih</source>
        <translation>charged more</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="774"/>
        <source>lebih sedikit ditagih</source>
        <translation>charged less</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="777"/>
        <source>Sesuai: ditagih sama dengan yang diharapkan.</source>
        <translation>Matches: charged the same as expected.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="778"/>
        <source>Rincian ditulis ke {path}.</source>
        <translation>Details written to {path}.</translation>
    </message>
</context>
<context>
    <name>Claims</name>
    <message>
        <location filename="../../desktop/domain/claims.py" line="80"/>
        <source>Aturan klaim {rule} baru berlaku sejak {first}; kejadian tanggal {day} tidak dapat dinilai. Tanyakan ke kantor cabang BPJS Ketenagakerjaan.</source>
        <translation>The claim rule {rule} applies only from {first}; an incident on {day} cannot be judged. Ask the BPJS Ketenagakerjaan branch office.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="180"/>
        <source>Meninggal dunia</source>
        <translation>Death</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="181"/>
        <source>Kecelakaan kerja</source>
        <translation>Work accident</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="182"/>
        <source>Penyakit akibat kerja</source>
        <translation>Work-related illness</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="205"/>
        <source>Jenis kejadian harus meninggal, kecelakaan, atau penyakit akibat kerja.</source>
        <translation>The kind of incident must be death, accident or work-related illness.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="207"/>
        <source>Tanggal kejadian {day} belum lewat. Periksa tanggalnya.</source>
        <translation>The incident date {day} has not come yet. Check the date.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="210"/>
        <source>Tanggal kejadian {day} sebelum program BPU berjalan. Periksa tanggalnya.</source>
        <translation>The incident date {day} is before the BPU programme began. Check the date.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="213"/>
        <source>Penyakit dicatat hanya bila akibat kerja (JKK).</source>
        <translation>An illness is recorded only when work-related (JKK).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="216"/>
        <source>Isian ini paling panjang {limit} huruf.</source>
        <translation>This field takes at most {limit} characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="218"/>
        <source>Tulis siapa yang melaporkan kejadian ini.</source>
        <translation>Write who reported this incident.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="385"/>
        <source>Pembayaran yang menanggung tanggal kejadian dicatat sesudahnya ({recorded}); BPJS dapat menolaknya.</source>
        <translation>The payment covering the incident date was recorded afterwards ({recorded}); BPJS may refuse it.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="391"/>
        <source>Tertanggung pada {day} (perlindungan {begins} s.d. {ends}).</source>
        <translation>Covered on {day} (coverage {begins} to {ends}).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="396"/>
        <source>Kejadian di luar pekerjaan yang tidak menyebabkan kematian tidak ditanggung JKK maupun JKM.</source>
        <translation>An incident away from work that did not cause death is covered by neither JKK nor JKM.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="405"/>
        <source>Tidak tertanggung pada {day}: belum menjadi peserta aktif BPJS Ketenagakerjaan (belum ada KPJ atau iuran).</source>
        <translation>Not covered on {day}: not yet an active BPJS Ketenagakerjaan member (no KPJ or contribution yet).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="410"/>
        <source>Tidak tertanggung pada {day}: perlindungan berakhir {ends} dan belum diperpanjang pada tanggal itu.</source>
        <translation>Not covered on {day}: coverage ended {ends} and had not been renewed by that date.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="412"/>
        <source>Tidak tertanggung pada {day}: perlindungan baru mulai {begins}.</source>
        <translation>Not covered on {day}: coverage only began {begins}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="424"/>
        <source>Meninggal bukan akibat kerja setelah {months} bulan kepesertaan (sejak {begins}): JKM {amount}.</source>
        <translation>Death not caused by work after {months} months of membership (since {begins}): JKM {amount}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="428"/>
        <source>Meninggal bukan akibat kerja dalam {months} bulan pertama kepesertaan (sejak {begins}; penuh mulai {full}): JKM {amount}.</source>
        <translation>Death not caused by work within the first {months} months of membership (since {begins}; in full from {full}): JKM {amount}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="433"/>
        <source>Masa iur {months} bulan: beasiswa untuk paling banyak {children} anak.</source>
        <translation>{months} months of contributions: a scholarship for up to {children} children.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="435"/>
        <source>Masa iur {months} bulan, kurang dari {needed} bulan: tidak ada beasiswa.</source>
        <translation>{months} months of contributions, fewer than {needed}: no scholarship.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="449"/>
        <source>Laporkan kecelakaan ke BPJS Ketenagakerjaan (atau klinik PLKK) paling lambat {hours} jam sejak kejadian: {day}.</source>
        <translation>Report the accident to BPJS Ketenagakerjaan (or a PLKK clinic) within {hours} hours of it: by {day}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="452"/>
        <source>Hak menuntut JKK gugur setelah {years} tahun: ajukan paling lambat {day}.</source>
        <translation>The right to claim JKK lapses after {years} years: claim by {day}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="461"/>
        <source>Meninggal akibat kecelakaan kerja: JKK membayar {multiple} × penghasilan yang dilaporkan ({multiple} × {income} = {known}) ditambah biaya pemakaman dan santunan berkala; jumlahnya dinilai BPJS.</source>
        <translation>Death from a work accident: JKK pays {multiple} × the declared income ({multiple} × {income} = {known}) plus funeral costs and periodic benefits; BPJS assesses the amount.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="467"/>
        <source>Kecelakaan atau penyakit akibat kerja: JKK menanggung perawatan sesuai kebutuhan medis dan santunan selama tidak mampu bekerja; jumlahnya dinilai BPJS.</source>
        <translation>Work accident or illness: JKK pays treatment as medically needed and benefits while unable to work; BPJS assesses the amount.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="495"/>
        <source>Perlindungan berakhir {ends}. Bila diperpanjang sesudah jeda, {months} bulan pertama dihitung ulang: kematian di masa itu hanya mendapat santunan terbatas.</source>
        <translation>Coverage ended {ends}. If renewed after a gap, the first {months} months are counted again: a death in that time receives only a limited benefit.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="499"/>
        <source>Masa iur baru {months} dari {needed} bulan untuk beasiswa; bulan tanpa perlindungan tidak dihitung.</source>
        <translation>Only {months} of the {needed} months of contributions for a scholarship; months without coverage do not count.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="504"/>
        <source>Perlindungan berakhir {ends}. Perpanjang sebelum tanggal itu: jeda membuat {months} bulan pertama dihitung ulang.</source>
        <translation>Coverage ends {ends}. Renew before that date: a gap makes the first {months} months count again.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="508"/>
        <source>Masa iur baru {months} dari {needed} bulan untuk beasiswa: jeda menundanya.</source>
        <translation>Only {months} of the {needed} months of contributions for a scholarship: a gap delays it.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="514"/>
        <source>Ada jeda perlindungan: kepesertaan dihitung ulang sejak {begins}, santunan kematian penuh baru mulai {full}.</source>
        <translation>There was a coverage gap: membership counts again from {begins}, the full death benefit only from {full}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="518"/>
        <source>Ada jeda perlindungan: masa iur {months} bulan, belum {needed} bulan untuk beasiswa walau sudah terdaftar sejak {first}.</source>
        <translation>There was a coverage gap: {months} months of contributions, not yet {needed} for a scholarship though enrolled since {first}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="533"/>
        <source>Suami/Istri</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="534"/>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="535"/>
        <source>Orang tua</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="536"/>
        <source>Cucu</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="537"/>
        <source>Kakek/Nenek</source>
        <translation>Grandparent</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="538"/>
        <source>Saudara kandung</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="539"/>
        <source>Mertua</source>
        <translation>Parent-in-law</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="540"/>
        <source>Ahli waris dalam wasiat</source>
        <translation>Heir named in a will</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="580"/>
        <source>Menurut urutan ahli waris, {relationship} didahulukan; BPJS mengikuti surat keterangan ahli waris.</source>
        <translation>By the order of heirs, the {relationship} comes first; BPJS follows the letter of heirship.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="583"/>
        <source>Ahli waris yang tercatat mengajukan klaim.</source>
        <translation>The recorded heir makes the claim.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="586"/>
        <source>Ahli waris yang tercatat tidak dapat mengajukan; menurut urutan ahli waris: {relationship}.</source>
        <translation>The recorded heir cannot claim; by the order of heirs: {relationship}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="589"/>
        <source>Tidak ada ahli waris yang dapat mengajukan: manfaat diserahkan ke Balai Harta Peninggalan.</source>
        <translation>No heir can claim: the benefit goes to the Balai Harta Peninggalan (estate office).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="606"/>
        <source>Kartu peserta BPJS Ketenagakerjaan (KPJ)</source>
        <translation>BPJS Ketenagakerjaan membership card (KPJ)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="607"/>
        <source>KTP peserta</source>
        <translation>Worker&apos;s identity card (KTP)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="608"/>
        <source>KTP ahli waris</source>
        <translation>Heir&apos;s identity card (KTP)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="609"/>
        <source>Akta kematian atau surat keterangan kematian</source>
        <translation>Death certificate or letter of death</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="610"/>
        <source>Kartu Keluarga (KK)</source>
        <translation>Family card (KK)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="611"/>
        <source>Surat keterangan ahli waris dari desa/kelurahan</source>
        <translation>Letter of heirship from the village office</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="612"/>
        <source>Buku nikah</source>
        <translation>Marriage book</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="613"/>
        <source>bila ahli waris suami/istri</source>
        <translation>if the heir is the spouse</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="614"/>
        <source>Buku tabungan atas nama ahli waris</source>
        <translation>Savings book in the heir&apos;s name</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="615"/>
        <source>Laporan kecelakaan kerja (formulir BPJS tahap I)</source>
        <translation>Work accident report (BPJS form, stage I)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="616"/>
        <source>Kronologi kejadian dengan saksi, diketahui kepala desa</source>
        <translation>Account of the incident with witnesses, acknowledged by the village head</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="617"/>
        <source>Surat keterangan dokter dan rincian biaya perawatan</source>
        <translation>Doctor&apos;s letter and the treatment costs</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="618"/>
        <source>Surat keterangan kepolisian</source>
        <translation>Police report</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="619"/>
        <source>bila kecelakaan lalu lintas</source>
        <translation>if a traffic accident</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="620"/>
        <source>Buku tabungan atas nama peserta</source>
        <translation>Savings book in the worker&apos;s name</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="648"/>
        <source>Dilaporkan</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="649"/>
        <source>Dokumen lengkap</source>
        <translation>Documents complete</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="650"/>
        <source>Diajukan ke BPJS</source>
        <translation>Submitted to BPJS</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="651"/>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="652"/>
        <source>Ditolak</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="656"/>
        <source>keluarga dan relawan: kumpulkan dokumen</source>
        <translation>family and volunteer: gather the documents</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="657"/>
        <source>kantor cabang: ajukan ke BPJS</source>
        <translation>branch office: submit to BPJS</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/claims.py" line="658"/>
        <source>BPJS Ketenagakerjaan: pembayaran</source>
        <translation>BPJS Ketenagakerjaan: payment</translation>
    </message>
</context>
<context>
    <name>ClaimsWindow</name>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="41"/>
        <source>Klaim</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="41"/>
        <source>No. Registrasi</source>
        <translation>Reg. no.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="42"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="42"/>
        <source>Kejadian</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="43"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="43"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="44"/>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="44"/>
        <source>Hak</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="45"/>
        <source>Menunggu siapa</source>
        <translation>Waiting on</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="61"/>
        <source>Klaim JKK/JKM</source>
        <translation>JKK/JKM claims</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="65"/>
        <source>Hanya yang belum selesai</source>
        <translation>Open claims only</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="89"/>
        <source>Dokumen yang sudah dilihat (Spasi mencentang):</source>
        <translation>Documents seen (Space ticks):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="95"/>
        <source>(hanya dokumen)</source>
        <translation>(documents only)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="100"/>
        <source>mis. 42.000.000</source>
        <translation>e.g. 42.000.000</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="101"/>
        <source>HH-BB-TTTT</source>
        <translation>DD-MM-YYYY</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="103"/>
        <source>&amp;Status baru:</source>
        <translation>New &amp;status:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="104"/>
        <source>&amp;Jumlah dibayar:</source>
        <translation>&amp;Amount paid:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="105"/>
        <source>&amp;Tanggal dibayar:</source>
        <translation>&amp;Date paid:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="106"/>
        <source>A&amp;lasan ditolak:</source>
        <translation>Refusal &amp;reason:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="107"/>
        <source>&amp;Catat</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="109"/>
        <source>Cetak &amp;lembar klaim…</source>
        <translation>Print claim &amp;sheet…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="136"/>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="137"/>
        <source>{days} hari</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="143"/>
        <source>{n} klaim</source>
        <translation>{n} claims</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="162"/>
        <source>Belum ada klaim. Laporkan kejadian dari daftar peserta: pilih pesertanya, lalu Data → Laporkan kematian/kecelakaan… (Ctrl+Shift+M).</source>
        <translation>No claims yet. Report an incident from the worker list: choose the worker, then Data → Report a death/accident… (Ctrl+Shift+M).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="167"/>
        <source>Perhatian: {text}</source>
        <translation>Note: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="169"/>
        <source>Dibayar {amount} pada {day}.</source>
        <translation>Paid {amount} on {day}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="172"/>
        <source>Ditolak: {reason}</source>
        <translation>Refused: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="206"/>
        <source>Tulis jumlah yang dibayar (mis. 42.000.000) dan tanggalnya (HH-BB-TTTT).</source>
        <translation>Write the amount paid (e.g. 42.000.000) and its date (DD-MM-YYYY).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="209"/>
        <source>Mencatat…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="221"/>
        <source>Tercatat.</source>
        <translation>Recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="229"/>
        <source>Simpan lembar klaim</source>
        <translation>Save the claim sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="241"/>
        <source>Lembar klaim ditulis ke {path}.</source>
        <translation>Claim sheet written to {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/claims_window.py" line="247"/>
        <source>Klaim JKK/JKM…</source>
        <translation>JKK/JKM claims…</translation>
    </message>
</context>
<context>
    <name>EnrollmentForm</name>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="95"/>
        <source>Ubah data peserta</source>
        <translation>Edit participant</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="95"/>
        <source>Pendaftaran peserta baru</source>
        <translation>New enrollment</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="142"/>
        <source>Identitas (sesuai KTP)</source>
        <translation>Identity (as on the KTP)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="143"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="143"/>
        <source>16 digit, sesuai KTP</source>
        <translation>16 digits, as on the KTP</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="146"/>
        <source>No. KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="146"/>
        <source>16 digit, Kartu Keluarga; boleh kosong</source>
        <translation>16 digits, family card (Kartu Keluarga); optional</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="147"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="147"/>
        <source>seperti tertulis di KTP</source>
        <translation>as written on the KTP</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="148"/>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="149"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="149"/>
        <source>hh-bb-tttt, mis. 17-08-1980</source>
        <translation>dd-mm-yyyy, e.g. 17-08-1980</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="150"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="152"/>
        <source>Domisili</source>
        <translation>Domicile</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="153"/>
        <source>jalan/dusun, nomor, RT/RW</source>
        <translation>street/hamlet, number, RT/RW</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="154"/>
        <source>Kabupaten/Kota</source>
        <translation>Regency/City</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="155"/>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="156"/>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="165"/>
        <source>Ahli waris (penerima santunan JKM)</source>
        <translation>Heir (receives the JKM benefit)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="166"/>
        <source>Nama ahli waris</source>
        <translation>Heir&apos;s name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="167"/>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="168"/>
        <source>No. HP ahli waris</source>
        <translation>Heir&apos;s mobile</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="168"/>
        <source>boleh kosong</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="171"/>
        <source>Pekerjaan dan kontak</source>
        <translation>Work and contact</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="172"/>
        <source>mis. 0812-3456-7890</source>
        <translation>e.g. 0812-3456-7890</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="172"/>
        <source>No. &amp;HP</source>
        <translation>Mobile &amp;phone</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="173"/>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="174"/>
        <source>Pekerjaan lainnya</source>
        <translation>Other occupation</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="174"/>
        <source>isi bila memilih Lainnya</source>
        <translation>fill in when choosing Other</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="175"/>
        <source>Penghasilan per bulan (Rp)</source>
        <translation>Monthly income (Rp)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="175"/>
        <source>mis. 1.500.000</source>
        <translation>e.g. 1.500.000</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="182"/>
        <source>Sekolah anak (bila didaftarkan lewat sekolah)</source>
        <translation>Child&apos;s school (when enrolled through a school)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="183"/>
        <source>Sekolah</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="183"/>
        <source>— tidak lewat sekolah —</source>
        <translation>— not through a school —</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="185"/>
        <source>Nama siswa</source>
        <translation>Pupil&apos;s name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="186"/>
        <source>Kelas</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="186"/>
        <source>mis. 5 atau VII A</source>
        <translation>e.g. 5 or VII A</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="188"/>
        <source>Kepesertaan</source>
        <translation>Membership</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="189"/>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="190"/>
        <source>Sumber dana</source>
        <translation>Funding</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="191"/>
        <source>Asnaf (golongan penerima zakat)</source>
        <translation>Asnaf (zakat recipient category)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="493"/>
        <source>kelurahan</source>
        <translation>kelurahan</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="493"/>
        <source>desa</source>
        <translation>village</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="494"/>
        <source>{name} ({kind}), Kec. {kecamatan}</source>
        <translation>{name} ({kind}), Kec. {kecamatan}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="584"/>
        <source>Siap disimpan (Ctrl+S).</source>
        <translation>Ready to save (Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="585"/>
        <source>Siap disimpan (Ctrl+S), dengan {n} peringatan.</source>
        <translation>Ready to save (Ctrl+S), with {n} warning(s).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="237"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="212"/>
        <source>Hapus peserta…</source>
        <translation>Delete participant…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="93"/>
        <source>Data peserta (hanya dilihat)</source>
        <translation>Participant record (view only)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="124"/>
        <source>&amp;Pulihkan isian (Alt+P)</source>
        <translation>&amp;Restore entries (Alt+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="125"/>
        <source>&amp;Buang</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="153"/>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="214"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="215"/>
        <source>Simpan (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="217"/>
        <source>Simpan data peserta (Ctrl+S)</source>
        <translation>Save the participant (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="233"/>
        <source>No. Registrasi</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="235"/>
        <source>No. KPJ</source>
        <translation>KPJ no.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="239"/>
        <source>Masa perlindungan</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="239"/>
        <source>{start} s.d. {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="276"/>
        <source>ketik untuk mencari, atau ↓</source>
        <translation>type to search, or ↓</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="280"/>
        <location filename="../../desktop/gui/enrollment_form.py" line="489"/>
        <location filename="../../desktop/gui/enrollment_form.py" line="521"/>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="440"/>
        <source>NIK terbit di: {place}</source>
        <translation>NIK issued in: {place}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="588"/>
        <source>Belum bisa disimpan: {n} isian perlu diperbaiki atau dilengkapi.</source>
        <translation>Cannot be saved yet: {n} field(s) need fixing or filling in.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="590"/>
        <source>Belum diisi: {fields}.</source>
        <translation>Not filled in: {fields}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="600"/>
        <source>{n} isian perlu diperbaiki (lihat tulisan merah).</source>
        <translation>{n} fields need correcting (see the red text).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="602"/>
        <source>{n} isian lagi perlu diisi.</source>
        <translation>{n} more fields to fill in.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="606"/>
        <source>{n} isian lagi perlu diisi. Enter: ke isian berikutnya yang belum diisi; Tab: ke isian berikutnya; Ctrl+S: simpan.</source>
        <translation>{n} more field(s) to fill. Enter: next field still to fill; Tab: next field; Ctrl+S: save.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="735"/>
        <source>Hanya dilihat: data ini didaftarkan oleh {by}, dan peran Anda tidak dapat mengubahnya. NIK, No. HP dan alamat disembunyikan.</source>
        <translation>View only: this record was enrolled by {by} and your role cannot change it. NIK, phone numbers and address are hidden.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="754"/>
        <source>Ada isian yang belum disimpan dari {when}. Lanjutkan isian itu?</source>
        <translation>There are unsaved entries from {when}. Continue with them?</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="795"/>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="831"/>
        <source>Tidak tersimpan</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="837"/>
        <source>Hapus peserta</source>
        <translation>Delete participant</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="838"/>
        <source>Alasan menghapus {name} ({regno}):</source>
        <translation>Reason for deleting {name} ({regno}):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="844"/>
        <source>Tidak terhapus</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="858"/>
        <source>Tutup formulir?</source>
        <translation>Close the form?</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="859"/>
        <source>Isian ini belum disimpan sebagai data peserta. Isian tetap tersimpan sebagai draf dan dapat dilanjutkan saat formulir dibuka lagi.</source>
        <translation>These entries are not saved as a participant yet. They stay saved as a draft and can be continued when the form is opened again.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="861"/>
        <source>Tutup, simpan draf</source>
        <translation>Close, keep draft</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="862"/>
        <source>Buang isian</source>
        <translation>Discard entries</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="863"/>
        <source>Kembali</source>
        <translation>Go back</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/gui/i18n.py" line="82"/>
        <source>Terjadi kesalahan tak terduga. Data yang sudah tersimpan aman. Coba lagi; bila terulang, laporkan ke admin cabang beserta waktunya ({time}).</source>
        <translation>An unexpected error occurred. Data already saved is safe. Try again; if it happens again, report it to the branch admin with the time ({time}).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/i18n.py" line="93"/>
        <source>tidak ada jawaban</source>
        <translation>no answer</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/i18n.py" line="95"/>
        <source>jaringan putus atau hub mati</source>
        <translation>the network is down or the hub is off</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/i18n.py" line="97"/>
        <source>sambungan terputus</source>
        <translation>the connection was cut</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/i18n.py" line="99"/>
        <source>tidak ada izin membacanya</source>
        <translation>no permission to read it</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/i18n.py" line="101"/>
        <source>tidak terbaca dari disk</source>
        <translation>unreadable from the disk</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/i18n.py" line="103"/>
        <source>isinya tidak sah</source>
        <translation>its content is not valid</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/i18n.py" line="114"/>
        <source>hub tidak menjawab</source>
        <translation>the hub does not answer</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/i18n.py" line="116"/>
        <source>hub tidak dapat dihubungi</source>
        <translation>the hub cannot be reached</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/i18n.py" line="118"/>
        <source>sambungan ke hub terputus</source>
        <translation>the connection to the hub was cut</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/i18n.py" line="121"/>
        <source>hub menjawab dengan galat {status}</source>
        <translation>the hub answered with error {status}</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../desktop/domain/labels.py" line="10"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="11"/>
        <source>No. KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="12"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="13"/>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="14"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="15"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="16"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="17"/>
        <source>Desa, kecamatan, kabupaten/kota</source>
        <translation>Village, district, regency/city</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="18"/>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="19"/>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="20"/>
        <source>Penghasilan per bulan</source>
        <translation>Monthly income</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="21"/>
        <source>Nama ahli waris</source>
        <translation>Heir</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="22"/>
        <source>Hubungan ahli waris</source>
        <translation>Heir relationship</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="23"/>
        <source>No. HP ahli waris</source>
        <translation>Heir&apos;s mobile no.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="24"/>
        <source>Sekolah (NPSN)</source>
        <translation>School (NPSN)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="25"/>
        <source>Masa perlindungan</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/labels.py" line="26"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>FileOffer</name>
    <message>
        <location filename="../../desktop/gui/files.py" line="113"/>
        <source>Buka berkas</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/files.py" line="115"/>
        <source>Buka folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/files.py" line="124"/>
        <source>Tersimpan: {name}</source>
        <translation>Saved: {name}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/gui/login.py" line="149"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="150"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="132"/>
        <source>&lt;b&gt;Selamat datang di Lindung.&lt;/b&gt;&lt;br&gt;Laptop ini belum memiliki akun, jadi datanya belum terlindungi kata sandi. Buat akun admin terlebih dahulu; admin dapat menambah akun relawan lain dari menu Akun.</source>
        <translation>&lt;b&gt;Welcome to Lindung.&lt;/b&gt;&lt;br&gt;This laptop has no account yet, so its data is not protected by a password. Create the admin account first; the admin can add other volunteers&apos; accounts from the Accounts menu.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="128"/>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="151"/>
        <source>Kata sandi (min. {n})</source>
        <translation>Password (min. {n})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="154"/>
        <source>Ulangi kata sandi</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="155"/>
        <source>Buat akun admin</source>
        <translation>Create admin account</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="159"/>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1062"/>
        <source>Riwayat kepesertaan — {name}</source>
        <translation>Membership history — {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1068"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1068"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1068"/>
        <source>Peristiwa</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1070"/>
        <source>Status, nomor KPJ dan masa perlindungan mengikuti peristiwa ini; tidak diketik. Hanya cabang yang mengajukan ke BPJS, membaca jawabannya dan mencatat pembayaran.</source>
        <translation>Status, KPJ number and coverage follow from these events; they are never typed. Only the branch submits to BPJS, reads its answers and records payments.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1077"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1088"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; · No. Registrasi {regno}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; · Registration no. {regno}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1090"/>
        <source>Status: &lt;b&gt;{status}&lt;/b&gt;</source>
        <translation>Status: &lt;b&gt;{status}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1092"/>
        <source>No. KPJ: &lt;b&gt;{kpj}&lt;/b&gt;</source>
        <translation>KPJ no.: &lt;b&gt;{kpj}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1094"/>
        <source>dilindungi {start} s.d. {end}</source>
        <translation>covered {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1097"/>
        <source>peserta sejak {start}, iuran belum dibayar</source>
        <translation>member since {start}, contributions not paid yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1100"/>
        <source>iuran {months} bulan sudah dibayar; perlindungan mulai pada tanggal kepesertaan dari BPJS</source>
        <translation>{months} months of contributions paid; coverage starts on the membership date BPJS gives</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1103"/>
        <source>alasan BPJS: {reason}</source>
        <translation>BPJS&apos;s reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1108"/>
        <source>Belum ada peristiwa: peserta ini terdaftar di Lindung tetapi belum diajukan ke BPJS.</source>
        <translation>No events yet: this worker is enrolled in Lindung but not yet submitted to BPJS.</translation>
    </message>
</context>
<context>
    <name>HubDialog</name>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="29"/>
        <source>Hub dan sinkronisasi</source>
        <translation>Hub and sync</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="36"/>
        <source>Daftarkan laptop ini ke hub cabang</source>
        <translation>Register this laptop with the branch hub</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="38"/>
        <source>Admin cabang memberi alamat hub dan kode sekali pakai untuk laptop ini.</source>
        <translation>The branch admin gives the hub address and a one-time code for this laptop.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="42"/>
        <source>mis. https://hub.cabang.id</source>
        <translation>e.g. https://hub.branch.id</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="44"/>
        <source>kode sekali pakai dari admin cabang</source>
        <translation>one-time code from the branch admin</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="46"/>
        <source>boleh kosong, mis. Laptop Sambas 1</source>
        <translation>optional, e.g. Sambas laptop 1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="47"/>
        <source>Izinkan http:// tanpa enkripsi (hanya di jaringan tertutup)</source>
        <translation>Allow http:// without encryption (closed networks only)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="49"/>
        <source>Alamat hub</source>
        <translation>Hub address</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="50"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="51"/>
        <source>Nama laptop</source>
        <translation>Laptop name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="53"/>
        <source>Daftarkan</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="58"/>
        <source>Sinkron otomatis</source>
        <translation>Automatic sync</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="60"/>
        <source>Sinkronkan sendiri setiap</source>
        <translation>Sync by itself every</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="63"/>
        <source>tidak pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="64"/>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="66"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="76"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="90"/>
        <source>Laptop ini (awalan nomor {prefix}) terdaftar di hub &lt;b&gt;{url}&lt;/b&gt;. Untuk pindah ke hub lain, daftarkan dengan kode baru di bawah.</source>
        <translation>This laptop (number prefix {prefix}) is registered with the hub &lt;b&gt;{url}&lt;/b&gt;. To move to another hub, register with a new code below.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="94"/>
        <source>Laptop ini (awalan nomor {prefix}) &lt;b&gt;belum terdaftar&lt;/b&gt; di hub cabang: data tersimpan di sini saja sampai laptop didaftarkan.</source>
        <translation>This laptop (number prefix {prefix}) is &lt;b&gt;not registered&lt;/b&gt; with the branch hub yet: its data stays here only until it is.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="104"/>
        <source>Isi alamat hub dan kode dari admin cabang.</source>
        <translation>Fill in the hub address and the code from the branch admin.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="108"/>
        <source>Menghubungi {url}…</source>
        <translation>Contacting {url}…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="115"/>
        <source>Laptop ini terdaftar di hub {url}. Sinkronisasi dimulai.</source>
        <translation>This laptop is registered with the hub {url}. Syncing now.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="129"/>
        <source>Sinkron otomatis setiap {n} menit.</source>
        <translation>Automatic sync every {n} minutes.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/hub_dialog.py" line="130"/>
        <source>Sinkron otomatis dimatikan.</source>
        <translation>Automatic sync is off.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="300"/>
        <source>Impor daftar orang tua siswa</source>
        <translation>Import pupils&apos; parents list</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="323"/>
        <source>Pilih berkas .xlsx, .xls, .ods atau .csv</source>
        <translation>Choose an .xlsx, .xls, .ods or .csv file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="325"/>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="311"/>
        <source>1. Sekolah</source>
        <translation>1. School</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="312"/>
        <source>ketik nama atau NPSN sekolah</source>
        <translation>type the school&apos;s name or NPSN</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="313"/>
        <source>— tanpa sekolah —</source>
        <translation>— no school —</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="320"/>
        <source>2. Berkas</source>
        <translation>2. File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="327"/>
        <source>Templat kosong…</source>
        <translation>Blank template…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="328"/>
        <source>Simpan templat impor resmi (.xlsx) untuk diisi sekolah</source>
        <translation>Save the official import template (.xlsx) for schools to fill in</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="332"/>
        <source>Kolom di berkas → isian Lindung</source>
        <translation>Columns in the file → Lindung fields</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="354"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="374"/>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="375"/>
        <location filename="../../desktop/gui/import_dialog.py" line="376"/>
        <source>Semua baris</source>
        <translation>All rows</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="377"/>
        <source>Perlu diperbaiki (ditolak/ganda)</source>
        <translation>Needs fixing (rejected/duplicate)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="378"/>
        <source>Dengan peringatan</source>
        <translation>With warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="379"/>
        <source>Siap disimpan</source>
        <translation>Ready to save</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="380"/>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="381"/>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="382"/>
        <source>Ganda</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="383"/>
        <source>Tidak memenuhi syarat</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="384"/>
        <source>Dilewati</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="420"/>
        <source>Klik dua kali sel untuk memperbaikinya; baris itu langsung diperiksa ulang.</source>
        <translation>Double-click a cell to correct it; the row is checked again at once.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="425"/>
        <source>Ekspor baris ditolak…</source>
        <translation>Export rejected rows…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="426"/>
        <source>Simpan baris yang tidak bisa didaftarkan, dengan kolom Keterangan, untuk diperbaiki lalu diimpor lagi</source>
        <translation>Save the rows that could not be enrolled, with a Keterangan (reason) column, to fix and import again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="430"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="431"/>
        <source>Simpan data valid</source>
        <translation>Save valid rows</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="456"/>
        <source>Pilih daftar orang tua</source>
        <translation>Choose a parents&apos; list</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="463"/>
        <source>Membaca dan memeriksa {name}…</source>
        <translation>Reading and checking {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="475"/>
        <source>Memeriksa ulang dengan kolom baru…</source>
        <translation>Checking again with the new columns…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="487"/>
        <source>Menyimpan {count} data…</source>
        <translation>Saving {count} rows…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="495"/>
        <source>Simpan baris ditolak</source>
        <translation>Save rejected rows</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="503"/>
        <source>{count} baris ditolak disimpan ke {path}.</source>
        <translation>{count} rejected rows saved to {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="513"/>
        <source>Simpan templat impor</source>
        <translation>Save import template</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="575"/>
        <source>Memeriksa {done} dari {total} orang: {valid} siap disimpan, {warning} dengan peringatan, {error} ditolak, {duplicate} ganda, {not_eligible} tidak memenuhi syarat…</source>
        <translation>Checking {done} of {total} people: {valid} ready to save, {warning} with warnings, {error} refused, {duplicate} duplicates, {not_eligible} not eligible…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="579"/>
        <source>Memeriksa {done} dari {total} baris: {valid} siap disimpan, {warning} dengan peringatan, {error} ditolak, {duplicate} ganda…</source>
        <translation>Checking {done} of {total} rows: {valid} ready to save, {warning} with warnings, {error} refused, {duplicate} duplicates…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="620"/>
        <source>Simpan {count} data valid</source>
        <translation>Save {count} valid rows</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="657"/>
        <source>Lembar dibaca: {sheet}.</source>
        <translation>Sheet read: {sheet}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="666"/>
        <source>Berkas EMIS: {pupils} siswa, {people} orang tua/wali</source>
        <translation>EMIS file: {pupils} pupils, {people} parents/guardians</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="667"/>
        <source>Berkas Dapodik: {pupils} siswa, {people} orang tua/wali</source>
        <translation>Dapodik file: {pupils} pupils, {people} parents/guardians</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="671"/>
        <source>Setiap siswa memberi ayah, ibu dan wali; tanggal lahir, jenis kelamin dan tempat lahir diambil dari NIK, kabupaten/kota dari sekolah ({kabupaten}).</source>
        <translation>Each pupil gives a father, mother and guardian; birth date, sex and birth place are taken from the NIK, the regency/city from the school ({kabupaten}).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="682"/>
        <source>{school} (NPSN {npsn}): {people} orang</source>
        <translation>{school} (NPSN {npsn}): {people} people</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="684"/>
        <source>&quot;{school}&quot;: {people} orang, sekolah belum terdaftar</source>
        <translation>&quot;{school}&quot;: {people} people, school not registered yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="686"/>
        <source>Daftar ini menyebut {count} sekolah; setiap baris masuk ke sekolah yang disebutnya: {schools}.</source>
        <translation>This list names {count} schools; each row goes to the school it names: {schools}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="689"/>
        <source>Sekolah yang belum terdaftar: admin menambahkannya dulu (Pengaturan → Sekolah…), lalu impor berkas ini lagi; yang sudah terdaftar tetap dapat disimpan.</source>
        <translation>Schools not registered yet: the admin adds them first (Settings → Schools…), then import this file again; rows for registered schools can still be saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="692"/>
        <source>{count} baris tidak menyebut sekolahnya dan tidak didaftarkan.</source>
        <translation>{count} rows do not name their school and are not enrolled.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="695"/>
        <source>Pilihan sekolah di atas tidak dipakai untuk daftar ini.</source>
        <translation>The school chosen above is not used for this list.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="717"/>
        <source>Baris {row}: {reasons}</source>
        <translation>Row {row}: {reasons}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="718"/>
        <source>Baris {row}: siap disimpan.</source>
        <translation>Row {row}: ready to save.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="726"/>
        <source>Kolom {columns} tidak dikenali. Pilih kolomnya di bagian &quot;Kolom di berkas&quot; di atas.</source>
        <translation>Columns {columns} were not recognised. Choose them under &quot;Columns in the file&quot; above.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="730"/>
        <source>{total} orang: {valid} siap disimpan, {warning} dengan peringatan, {error} ditolak, {duplicate} ganda, {not_eligible} tidak memenuhi syarat, {skipped} dilewati.</source>
        <translation>{total} people: {valid} ready to save, {warning} with warnings, {error} rejected, {duplicate} duplicates, {not_eligible} not eligible, {skipped} skipped.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="737"/>
        <source>{total} baris: {valid} siap disimpan, {warning} dengan peringatan, {error} ditolak, {duplicate} ganda.</source>
        <translation>{total} rows: {valid} ready to save, {warning} with warnings, {error} rejected, {duplicate} duplicates.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="341"/>
        <location filename="../../desktop/gui/import_dialog.py" line="747"/>
        <source>— tidak ada —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="749"/>
        <source>(kolom {n} tanpa judul)</source>
        <translation>(column {n}, no header)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="760"/>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="762"/>
        <source>{count} peserta didaftarkan. {left} baris tidak didaftarkan; ekspor untuk diperbaiki.</source>
        <translation>{count} participants enrolled. {left} rows not enrolled; export them to fix.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="764"/>
        <source>{count} peserta didaftarkan.</source>
        <translation>{count} participants enrolled.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="784"/>
        <source>Pilih sekolah asal berkas ini di kolom Sekolah di atas.</source>
        <translation>Choose this file&apos;s school in the School box above.</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="55"/>
        <source>Laporkan kematian/kecelakaan</source>
        <translation>Report a death/accident</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="58"/>
        <source>Peserta: {name} ({regno})</source>
        <translation>Worker: {name} ({regno})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="65"/>
        <source>HH-BB-TTTT</source>
        <translation>DD-MM-YYYY</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="66"/>
        <source>Terjadi saat &amp;bekerja (atau akibat pekerjaan)</source>
        <translation>Happened at &amp;work (or because of work)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="69"/>
        <source>mis. jatuh dari pohon karet</source>
        <translation>e.g. fell from a rubber tree</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="72"/>
        <source>&amp;Kejadian:</source>
        <translation>&amp;Incident:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="73"/>
        <source>&amp;Tanggal kejadian:</source>
        <translation>Incident &amp;date:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="75"/>
        <source>Tem&amp;pat:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="76"/>
        <source>&amp;Apa yang terjadi:</source>
        <translation>&amp;What happened:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="77"/>
        <source>&amp;Dilaporkan oleh:</source>
        <translation>Reported &amp;by:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="79"/>
        <source>Hak yang dinilai pada tanggal kejadian:</source>
        <translation>Benefit as judged on the incident date:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="88"/>
        <source>&amp;Simpan laporan</source>
        <translation>&amp;Save report</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="91"/>
        <source>Cetak &amp;lembar klaim…</source>
        <translation>Print claim &amp;sheet…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="93"/>
        <source>T&amp;utup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="121"/>
        <source>Tulis tanggal kejadian lengkap, mis. 03-12-2026 (HH-BB-TTTT).</source>
        <translation>Write the full incident date, e.g. 03-12-2026 (DD-MM-YYYY).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="142"/>
        <source>Tidak dapat dicatat: {reason}</source>
        <translation>Cannot be recorded: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="148"/>
        <source>Tidak tertanggung pada tanggal itu: tidak ada manfaat yang dapat diklaim.</source>
        <translation>Not covered on that date: no benefit can be claimed.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="150"/>
        <source>Tertanggung. Hak: {benefit} {amount}.</source>
        <translation>Covered. Benefit: {benefit} {amount}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="153"/>
        <source>Tertanggung. Hak: {benefit}; jumlahnya dinilai BPJS Ketenagakerjaan.</source>
        <translation>Covered. Benefit: {benefit}; BPJS Ketenagakerjaan assesses the amount.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="156"/>
        <source>Tertanggung, tetapi kejadian ini tidak ditanggung JKK maupun JKM.</source>
        <translation>Covered, but neither JKK nor JKM covers this incident.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="158"/>
        <source>Batas waktu: {text}</source>
        <translation>Deadline: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="159"/>
        <source>Perhatian: {text}</source>
        <translation>Note: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="168"/>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="180"/>
        <source>Laporan tersimpan (klaim {claim}). Cetak lembar klaim untuk ahli waris sekarang: tekan Enter. Lanjutkan klaimnya di Data → Klaim JKK/JKM.</source>
        <translation>Report saved (claim {claim}). Print the claim sheet for the heir now: press Enter. Follow the claim in Data → JKK/JKM claims.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="189"/>
        <source>Simpan lembar klaim</source>
        <translation>Save the claim sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="198"/>
        <source>Menulis lembar klaim…</source>
        <translation>Writing the claim sheet…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="204"/>
        <source>Lembar klaim ditulis ke {path}.</source>
        <translation>Claim sheet written to {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="211"/>
        <source>Laporkan kematian/kecelakaan…</source>
        <translation>Report a death/accident…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/incident_dialog.py" line="219"/>
        <source>Pilih dulu pesertanya di daftar.</source>
        <translation>First choose the worker in the list.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="50"/>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="51"/>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="66"/>
        <source>Petani</source>
        <translation>Farmer</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="67"/>
        <source>Pekebun (karet/sawit)</source>
        <translation>Smallholder (rubber/oil palm)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="68"/>
        <source>Nelayan</source>
        <translation>Fisher</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="69"/>
        <source>Peternak</source>
        <translation>Livestock farmer</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="70"/>
        <source>Pedagang kecil / kaki lima</source>
        <translation>Small trader / street vendor</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="71"/>
        <source>Pengemudi ojek</source>
        <translation>Motorbike-taxi driver</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="72"/>
        <source>Sopir / pengemudi</source>
        <translation>Driver</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="74"/>
        <source>Kurir / pengantar barang</source>
        <translation>Courier / delivery rider</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="75"/>
        <source>Buruh harian lepas</source>
        <translation>Casual day labourer</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="76"/>
        <source>Buruh tani / kebun</source>
        <translation>Farm/plantation labourer</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="77"/>
        <source>Tukang / buruh bangunan</source>
        <translation>Builder / construction labourer</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="78"/>
        <source>Pekerja rumah tangga</source>
        <translation>Domestic worker</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="79"/>
        <source>Perajin</source>
        <translation>Craftsperson</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="80"/>
        <source>Penjahit</source>
        <translation>Tailor</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="81"/>
        <source>Pemulung</source>
        <translation>Waste picker</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="82"/>
        <location filename="../../desktop/domain/enrollment.py" line="90"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="86"/>
        <source>Suami/Istri</source>
        <translation>Husband/Wife</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="87"/>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="88"/>
        <source>Orang tua</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="89"/>
        <source>Saudara kandung</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="96"/>
        <source>Terdaftar</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="97"/>
        <source>Diajukan ke BPJS</source>
        <translation>Submitted to BPJS</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="98"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="99"/>
        <source>Ditolak BPJS</source>
        <translation>Refused by BPJS</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="100"/>
        <source>Berakhir</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="101"/>
        <source>Meninggal</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="102"/>
        <source>Dihapus</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="108"/>
        <source>Fakir</source>
        <translation>Fakir (destitute)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="109"/>
        <source>Miskin</source>
        <translation>Miskin (poor)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="110"/>
        <source>Amil</source>
        <translation>Amil (zakat administrator)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="111"/>
        <source>Mualaf</source>
        <translation>Mualaf (new Muslim)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="112"/>
        <source>Riqab</source>
        <translation>Riqab (in bondage)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="113"/>
        <source>Gharimin</source>
        <translation>Gharimin (in debt)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="114"/>
        <source>Fisabilillah</source>
        <translation>Fisabilillah (in God&apos;s cause)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="115"/>
        <source>Ibnu sabil</source>
        <translation>Ibnu sabil (traveller)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="119"/>
        <source>JKK + JKM</source>
        <translation>JKK + JKM</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="123"/>
        <source>BAZNAS (dana zakat)</source>
        <translation>BAZNAS (zakat funds)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="124"/>
        <source>Donatur lain</source>
        <translation>Other donor</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="125"/>
        <source>Mandiri</source>
        <translation>Self-paid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/actors.py" line="23"/>
        <source>Relawan</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/actors.py" line="24"/>
        <source>Koordinator sekolah</source>
        <translation>School coordinator</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/actors.py" line="25"/>
        <source>Petugas cetak</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/actors.py" line="26"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="193"/>
        <source>A4, 10 kartu per lembar</source>
        <translation>A4, 10 cards a sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/services/audit.py" line="194"/>
        <source>satu kartu per halaman</source>
        <translation>one card a page</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/contributions.py" line="36"/>
        <source>Zakat</source>
        <translation>Zakat</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/contributions.py" line="37"/>
        <source>Infak</source>
        <translation>Infak (voluntary giving)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/contributions.py" line="38"/>
        <source>Sedekah</source>
        <translation>Sedekah (charity)</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../desktop/gui/lock.py" line="64"/>
        <source>Terkunci</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/lock.py" line="67"/>
        <source>&lt;b&gt;Lindung terkunci&lt;/b&gt; karena tidak dipakai {minutes} menit. Data peserta disembunyikan; pekerjaan yang terbuka tetap tersimpan.&lt;br&gt;Masukkan kata sandi {name} untuk melanjutkan.</source>
        <translation>&lt;b&gt;Lindung is locked&lt;/b&gt; after {minutes} minutes without use. Personal data is hidden; open work is kept.&lt;br&gt;Enter the password of {name} to continue.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/lock.py" line="75"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/lock.py" line="76"/>
        <source>Buka</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/gui/login.py" line="56"/>
        <source>&lt;b&gt;Masuk ke Lindung&lt;/b&gt;&lt;br&gt;Pendaftaran pekerja rentan ke JKK + JKM (BAZNAS).</source>
        <translation>&lt;b&gt;Sign in to Lindung&lt;/b&gt;&lt;br&gt;Enrolling vulnerable workers into JKK + JKM (BAZNAS).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="65"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="66"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="53"/>
        <location filename="../../desktop/gui/login.py" line="67"/>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="36"/>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="68"/>
        <source>Memeriksa kata sandi…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="74"/>
        <source>Lupa kata sandi admin…</source>
        <translation>Forgot the admin password…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="82"/>
        <source>Lupa kata sandi admin</source>
        <translation>Forgot the admin password</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="83"/>
        <source>Ketik kode pemulihan laptop ini (dicatat saat Lindung pertama kali disiapkan), nama pengguna admin, dan kata sandi barunya. Semua data tetap ada. Sesudahnya kode pemulihan baru ditampilkan.</source>
        <translation>Type this laptop&apos;s recovery code (written down when Lindung was first set up), the admin&apos;s user name and the new password. All data stays. A new recovery code is shown afterwards.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="85"/>
        <source>Atur ulang dan masuk</source>
        <translation>Reset and sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login.py" line="93"/>
        <source>Isi nama pengguna dan kata sandi.</source>
        <translation>Enter your user name and password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="64"/>
        <source>Peserta JKK + JKM (BAZNAS Kalimantan Barat)</source>
        <translation>JKK + JKM participants (BAZNAS West Kalimantan)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="96"/>
        <source>Cari nama, NIK, atau No. Registrasi…</source>
        <translation>Search name, NIK or registration number…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="102"/>
        <location filename="../../desktop/gui/main_window.py" line="103"/>
        <source>Semua kabupaten/kota</source>
        <translation>All regencies/cities</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="105"/>
        <location filename="../../desktop/gui/main_window.py" line="106"/>
        <source>Semua sekolah</source>
        <translation>All schools</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="109"/>
        <location filename="../../desktop/gui/main_window.py" line="110"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="113"/>
        <source>Berakhir dalam 30 hari</source>
        <translation>Ending within 30 days</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="117"/>
        <source>+ Peserta baru</source>
        <translation>+ New participant</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="118"/>
        <source>Daftarkan pekerja baru (Ctrl+N)</source>
        <translation>Enroll a new worker (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="120"/>
        <source>Impor…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="121"/>
        <source>Impor daftar orang tua siswa dari Excel/LibreOffice/CSV (Ctrl+I)</source>
        <translation>Import a pupils&apos; parents list from Excel/LibreOffice/CSV (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="123"/>
        <location filename="../../desktop/gui/main_window.py" line="203"/>
        <source>Cetak kartu…</source>
        <translation>Print cards…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="124"/>
        <source>Cetak kartu peserta yang tampil di daftar (Ctrl+P)</source>
        <translation>Print the cards of the participants listed (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="164"/>
        <source>Masuk sebagai {name} ({role})</source>
        <translation>Signed in as {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="167"/>
        <location filename="../../desktop/gui/main_window.py" line="184"/>
        <source>Data tersimpan di laptop ini (luring)</source>
        <translation>Data is stored on this laptop (offline)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="192"/>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="193"/>
        <source>Peserta baru…</source>
        <translation>New participant…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="195"/>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="197"/>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="199"/>
        <source>Impor daftar orang tua…</source>
        <translation>Import parents&apos; list…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="201"/>
        <source>Keluar dari Lindung</source>
        <translation>Quit Lindung</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="240"/>
        <source>Dokumen yang terbit…</source>
        <translation>Issued documents…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="405"/>
        <source>Tidak berhasil</source>
        <translation>Did not work</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="441"/>
        <source>Tersimpan: {name} ({regno}).</source>
        <translation>Saved: {name} ({regno}).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="443"/>
        <source>Ctrl+N: peserta berikutnya.</source>
        <translation>Ctrl+N: next participant.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="205"/>
        <source>Sinkronkan dengan hub</source>
        <translation>Sync with the hub</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="185"/>
        <source>Data tersimpan di laptop ini dan di hub</source>
        <translation>Data kept on this laptop and on the hub</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="207"/>
        <source>Perubahan yang ditolak hub…</source>
        <translation>Changes the hub refused…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="208"/>
        <source>Tinjau konflik dan data ganda…</source>
        <translation>Review conflicts and duplicates…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="229"/>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="232"/>
        <source>Ringkasan kepesertaan…</source>
        <translation>Enrollment summary…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="233"/>
        <source>Dampak: iuran zakat dan manfaat BPJS…</source>
        <translation>Impact: zakat contributions and BPJS benefits…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="236"/>
        <source>Tanda terima kartu sekolah terpilih…</source>
        <translation>Card receipts for the selected school…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="238"/>
        <source>Kewajiban iuran BAZNAS…</source>
        <translation>BAZNAS contributions owed…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="239"/>
        <source>Tagihan iuran satu batch…</source>
        <translation>Contribution invoice for one batch…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="245"/>
        <source>&amp;Pengaturan</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="248"/>
        <source>Hub dan sinkronisasi…</source>
        <translation>Hub and sync…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="249"/>
        <source>Sekolah…</source>
        <translation>Schools…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="250"/>
        <source>Pengaturan program…</source>
        <translation>Programme settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="252"/>
        <source>Cadangkan data…</source>
        <translation>Back up data…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="253"/>
        <source>Pulihkan dari cadangan…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="262"/>
        <source>&amp;Akun</source>
        <translation>&amp;Accounts</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="263"/>
        <source>Kelola akun…</source>
        <translation>Manage accounts…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="264"/>
        <source>Catatan audit…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="269"/>
        <source>Kode pemulihan baru…</source>
        <translation>New recovery code…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="274"/>
        <source>Ganti kata sandi…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="276"/>
        <source>Keluar akun / ganti pengguna</source>
        <translation>Sign out / switch user</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="280"/>
        <source>&amp;Bahasa</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="311"/>
        <source>{n} peserta terdaftar</source>
        <translation>{n} participants enrolled</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="313"/>
        <source>{n} peserta cocok dengan pencarian</source>
        <translation>{n} participants match the search</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="402"/>
        <source>Memproses…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="453"/>
        <source>{count} peserta diimpor.</source>
        <translation>{count} participants imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="528"/>
        <location filename="../../desktop/gui/main_window.py" line="529"/>
        <source>Simpan laporan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="532"/>
        <source>Laporan disimpan: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="552"/>
        <source>Tanda terima kartu</source>
        <translation>Card receipts</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="553"/>
        <source>Pilih dulu sekolahnya di saringan sekolah.</source>
        <translation>First choose the school in the school filter.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="562"/>
        <source>Kewajiban iuran</source>
        <translation>Contributions owed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="562"/>
        <source>Untuk berapa bulan?</source>
        <translation>For how many months?</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="589"/>
        <location filename="../../desktop/gui/main_window.py" line="592"/>
        <location filename="../../desktop/gui/main_window.py" line="608"/>
        <source>Tagihan iuran</source>
        <translation>Contribution invoice</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="590"/>
        <source>Belum ada batch pengajuan: ajukan peserta ke BPJS dulu.</source>
        <translation>No submission batch yet: submit workers to BPJS first.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="592"/>
        <source>Tagihan untuk batch:</source>
        <translation>Invoice for batch:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="601"/>
        <source>{number} diterbitkan, mengoreksi {invoice}: {path}</source>
        <translation>{number} issued, correcting {invoice}: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="603"/>
        <source>Tagihan {number} diterbitkan: {path}</source>
        <translation>Invoice {number} issued: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="605"/>
        <source>Tagihan {number} dicetak ulang seperti saat terbit: {path}</source>
        <translation>Invoice {number} reprinted as issued: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="609"/>
        <source>Angka batch {batch} tidak berubah sejak dokumen terakhir: tidak ada koreksi yang perlu diterbitkan.</source>
        <translation>Batch {batch}&apos;s figures have not changed since the last document: there is no correction to issue.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="612"/>
        <source>Angka tagihan berubah</source>
        <translation>The invoice figures have changed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="613"/>
        <source>Angka batch {batch} berubah sejak {since} (selisih {difference}). Yang disimpan tetap {number} seperti saat terbit. Terbitkan koreksinya: tagihan tambahan bila kewajiban bertambah, nota kredit bila berkurang.</source>
        <translation>Batch {batch}&apos;s figures have changed since {since} (difference {difference}). What is kept is still {number} as issued. Issue its correction: a supplementary invoice if more is owed, a credit note if less.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="619"/>
        <source>Terbitkan koreksi…</source>
        <translation>Issue correction…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="621"/>
        <source>Nanti saja</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="631"/>
        <source>tagihan</source>
        <translation>invoice</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="631"/>
        <source>tagihan tambahan</source>
        <translation>supplementary invoice</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="632"/>
        <source>nota kredit</source>
        <translation>credit note</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="632"/>
        <source>pengembalian kredit BAZNAS</source>
        <translation>BAZNAS credit refund</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="633"/>
        <source>laporan penyaluran BAZNAS</source>
        <translation>BAZNAS distribution record</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="639"/>
        <source>{number} · {kind} · {batch} · {date} · {total}</source>
        <translation>{number} · {kind} · {batch} · {date} · {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="646"/>
        <source>Dokumen yang terbit</source>
        <translation>Issued documents</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="647"/>
        <source>Belum ada dokumen yang terbit.</source>
        <translation>No documents issued yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="644"/>
        <source> · mengoreksi {number}</source>
        <translation> · correcting {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="661"/>
        <source>Belum terdaftar di hub</source>
        <translation>Not registered with the hub</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="662"/>
        <source>Laptop ini belum terdaftar di hub cabang, jadi belum bisa sinkron. Data tetap tersimpan di laptop ini. Minta admin mendaftarkannya: menu Pengaturan → Hub dan sinkronisasi.</source>
        <translation>This laptop is not registered with the branch hub yet, so it cannot sync. The data stays saved on this laptop. Ask the admin to register it: menu Settings → Hub and sync.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="700"/>
        <source>Simpan cadangan</source>
        <translation>Save backup</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="701"/>
        <location filename="../../desktop/gui/main_window.py" line="722"/>
        <source>Cadangan Lindung (*.sqlite3)</source>
        <translation>Lindung backup (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="704"/>
        <source>Mencadangkan…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="709"/>
        <source>Cadangan {count} peserta disimpan di {path} (keutuhan diperiksa).</source>
        <translation>Backup of {count} participants saved to {path} (integrity checked).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="718"/>
        <location filename="../../desktop/gui/main_window.py" line="727"/>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="719"/>
        <source>Tunggu sinkronisasi selesai, lalu coba lagi.</source>
        <translation>Wait for the sync to finish, then try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="722"/>
        <source>Pilih cadangan</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="728"/>
        <source>Semua data di laptop ini diganti dengan isi cadangan {name}. Data sekarang disimpan di samping basis data, dan yang terjadi sesudah cadangan dibuat diambil lagi dari hub saat sinkron. Lanjutkan?</source>
        <translation>All data on this laptop is replaced by the backup {name}. The current data is kept beside the database, and what happened after the backup was made comes back from the hub at the next sync. Continue?</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="749"/>
        <location filename="../../desktop/gui/main_window.py" line="751"/>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="749"/>
        <source>Ganti kata sandi akun {name}. Kata sandi baru dipakai mulai saat masuk berikutnya.</source>
        <translation>Change the password of the account {name}. The new password is used from the next sign-in.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="752"/>
        <source>Kata sandi diganti.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="761"/>
        <source>Kode pemulihan baru</source>
        <translation>New recovery code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="762"/>
        <source>Buat kode pemulihan baru? Kode yang lama tidak berlaku lagi; kode baru hanya ditampilkan sekali.</source>
        <translation>Make a new recovery code? The old code stops working; the new code is shown only once.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="789"/>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="790"/>
        <source>Bahasa akan berganti ke {language} saat Lindung dibuka lagi.</source>
        <translation>The language changes to {language} when Lindung is opened again.</translation>
    </message>
</context>
<context>
    <name>MembershipLinks</name>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1130"/>
        <source>Kepesertaan BPJS/BAZNAS…</source>
        <translation>BPJS/BAZNAS membership…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1136"/>
        <source>Riwayat kepesertaan…</source>
        <translation>Membership history…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1138"/>
        <source>BPJS dan BAZNAS: pengajuan, KPJ, pembayaran peserta terpilih</source>
        <translation>BPJS and BAZNAS: submissions, KPJ, payments of the selected worker</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="1165"/>
        <source>Pilih dulu pesertanya di daftar.</source>
        <translation>Select the worker in the list first.</translation>
    </message>
</context>
<context>
    <name>MembershipWindow</name>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="68"/>
        <source>{count} peserta berstatus {status}</source>
        <translation>{count} workers with status {status}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="77"/>
        <source>Kredit BAZNAS membayar seluruh kewajiban {credit}: tidak ada yang perlu ditransfer.</source>
        <translation>BAZNAS&apos;s credit pays all that is owed, {credit}: nothing needs to be transferred.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="81"/>
        <source>Kredit BAZNAS membayar {credit}; BAZNAS mentransfer sisanya {rest}.</source>
        <translation>BAZNAS&apos;s credit pays {credit}; BAZNAS transfers the rest, {rest}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="84"/>
        <source>Jumlah yang dibayar belum diisi: hanya kewajibannya yang dicatat.</source>
        <translation>The amount paid is not given: only what is owed is recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="88"/>
        <source>Sesuai: dibayar sama dengan kewajiban.</source>
        <translation>Matches: paid equals owed.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="90"/>
        <source>KURANG {amount} dari kewajiban: tagih kekurangannya ke BAZNAS.</source>
        <translation>{amount} SHORT of what is owed: ask BAZNAS for the rest.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="93"/>
        <source>LEBIH {amount} dari kewajiban: catat kelebihannya untuk pembayaran berikutnya.</source>
        <translation>{amount} OVER what is owed: note the surplus for the next payment.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="253"/>
        <source>Dibayar untuk</source>
        <translation>Paid for</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="254"/>
        <source>Kewajiban (tarif iuran)</source>
        <translation>Owed (contribution rates)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="255"/>
        <source>Dibayar BAZNAS</source>
        <translation>Paid by BAZNAS</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="257"/>
        <source>Dari kredit BAZNAS</source>
        <translation>From BAZNAS&apos;s credit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="258"/>
        <location filename="../../desktop/gui/membership_window.py" line="882"/>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="262"/>
        <source>{count} peserta × {months} bulan</source>
        <translation>{count} workers × {months} months</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="265"/>
        <source>Tidak ikut dibayar: {who}.</source>
        <translation>Not paid for: {who}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="270"/>
        <source>(belum diisi)</source>
        <translation>(not given yet)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="272"/>
        <source>tidak dipakai</source>
        <translation>not used</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="801"/>
        <source>Kepesertaan BPJS dan pembayaran BAZNAS</source>
        <translation>BPJS membership and BAZNAS payments</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="809"/>
        <source>Pekerjaan cabang tiap bulan: (1) ajukan peserta yang siap ke BPJS, (2) baca jawaban BPJS (nomor KPJ atau alasan penolakan), (3) catat pembayaran BAZNAS untuk batch itu, (4) perpanjang peserta yang perlindungannya segera berakhir. Status dan nomor KPJ peserta mengikuti langkah-langkah ini dan ikut tersinkron ke semua laptop.</source>
        <translation>The branch&apos;s work each month: (1) submit the workers who are ready to BPJS, (2) read BPJS&apos;s answer (KPJ numbers or reasons for refusal), (3) record BAZNAS&apos;s payment for that batch, (4) renew those whose coverage ends soon. Workers&apos; status and KPJ numbers follow these steps and sync to every laptop.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="815"/>
        <source>Menghitung…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="823"/>
        <source>1. &amp;Ajukan ke BPJS…</source>
        <translation>1. &amp;Submit to BPJS…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="824"/>
        <source>2. &amp;Baca jawaban BPJS…</source>
        <translation>2. &amp;Read BPJS&apos;s answer…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="825"/>
        <source>3. &amp;Catat pembayaran…</source>
        <translation>3. Record &amp;payment…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="826"/>
        <source>4. Pe&amp;rpanjang…</source>
        <translation>4. Re&amp;new…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="827"/>
        <source>&amp;Templat BPJS…</source>
        <translation>BPJS &amp;template…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="828"/>
        <source>&amp;Laporan penyaluran BAZNAS…</source>
        <translation>BAZNAS &amp;distribution report…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="829"/>
        <source>Kembalikan kre&amp;dit BAZNAS…</source>
        <translation>Refund BAZNAS cre&amp;dit…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="830"/>
        <source>Rekonsiliasi ta&amp;gihan BPJS…</source>
        <translation>Reconcile BPJS bi&amp;ll…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="831"/>
        <source>Tulis berkas pendaftaran kolektif untuk peserta yang siap</source>
        <translation>Write the collective registration file for the workers who are ready</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="832"/>
        <source>Terapkan nomor KPJ dan penolakan dari berkas BPJS</source>
        <translation>Apply the KPJ numbers and refusals from BPJS&apos;s file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="833"/>
        <source>Catat transfer BAZNAS untuk batch yang dipilih di tabel</source>
        <translation>Record BAZNAS&apos;s transfer for the batch selected in the table</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="834"/>
        <source>Bayar lagi untuk peserta yang perlindungannya segera berakhir</source>
        <translation>Pay again for the workers whose coverage ends soon</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="835"/>
        <source>Ikuti nama dan urutan kolom templat unggah cabang</source>
        <translation>Follow the names and order of the branch&apos;s upload template</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="836"/>
        <source>Excel per mustahik untuk catatan penyaluran zakat</source>
        <translation>Excel per recipient for the zakat distribution records</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="837"/>
        <source>Uang untuk bulan yang tidak diterima siapa pun, dikembalikan kepada BAZNAS</source>
        <translation>Money for months no one received, returned to BAZNAS</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="838"/>
        <source>Tagihan BPJS dibandingkan dengan bulan yang dibayar BAZNAS</source>
        <translation>BPJS&apos;s bill compared with the months BAZNAS paid for</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="847"/>
        <source>Riwayat &amp;jawaban BPJS…</source>
        <translation>BPJS &amp;answer history…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="848"/>
        <source>Jawaban yang sudah diterapkan; urungkan yang salah</source>
        <translation>Answers already applied; undo a wrong one</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="853"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="864"/>
        <source>&lt;b&gt;Batch pengajuan ke BPJS&lt;/b&gt; (terbaru di atas; Enter pada batch: catat pembayarannya)</source>
        <translation>&lt;b&gt;Batches submitted to BPJS&lt;/b&gt; (newest first; Enter on a batch: record its payment)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="867"/>
        <source>No. batch</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="867"/>
        <source>Dibuat</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="867"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="867"/>
        <location filename="../../desktop/gui/membership_window.py" line="881"/>
        <source>Peserta</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="868"/>
        <source>Menunggu jawaban</source>
        <translation>Awaiting answer</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="868"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="868"/>
        <source>Ditolak</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="869"/>
        <source>Berakhir</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="869"/>
        <source>Bulan dibayar</source>
        <translation>Months paid</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="870"/>
        <source>Diajukan ke BPJS, jawabannya belum dibaca</source>
        <translation>Submitted to BPJS, no answer read yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="879"/>
        <source>&lt;b&gt;Pembayaran BAZNAS&lt;/b&gt;</source>
        <translation>&lt;b&gt;BAZNAS payments&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="880"/>
        <source>No. pembayaran</source>
        <translation>Payment no.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="880"/>
        <source>Dicatat</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="880"/>
        <source>Untuk</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="881"/>
        <source>Bulan</source>
        <translation>Months</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="881"/>
        <source>Kewajiban</source>
        <translation>Owed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="881"/>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="882"/>
        <source>Referensi</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="882"/>
        <source>Sumber dana</source>
        <translation>Fund</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="933"/>
        <source>{months} bulan</source>
        <translation>{months} months</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="934"/>
        <source>belum dibayar</source>
        <translation>not paid yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="951"/>
        <source>{paid} + kredit {credit}</source>
        <translation>{paid} + credit {credit}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="953"/>
        <source>perpanjangan</source>
        <translation>renewal</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="953"/>
        <source>daftar peserta</source>
        <translation>list of workers</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="990"/>
        <source>Kredit &lt;b&gt;{credit}&lt;/b&gt; dapat dipakai pada pembayaran berikutnya (&quot;Pakai kredit BAZNAS&quot;) atau dikembalikan kepada BAZNAS.</source>
        <translation>Credit &lt;b&gt;{credit}&lt;/b&gt; can be used in the next payment (&quot;Use BAZNAS credit&quot;) or returned to BAZNAS.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="994"/>
        <source>(Sudah dipakai {moved}; dikembalikan {refunded}.)</source>
        <translation>(Already used {moved}; refunded {refunded}.)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="949"/>
        <source>(tidak diisi)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="955"/>
        <source>kurang {amount}</source>
        <translation>{amount} short</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="955"/>
        <source>lebih {amount}</source>
        <translation>{amount} over</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="973"/>
        <source>Di laptop ini: &lt;b&gt;{enrolled}&lt;/b&gt; terdaftar belum diajukan · &lt;b&gt;{submitted}&lt;/b&gt; menunggu jawaban BPJS · &lt;b&gt;{active}&lt;/b&gt; aktif (&lt;b&gt;{ending}&lt;/b&gt; berakhir dalam 30 hari) · &lt;b&gt;{refused}&lt;/b&gt; ditolak BPJS · &lt;b&gt;{ended}&lt;/b&gt; sudah berakhir</source>
        <translation>On this laptop: &lt;b&gt;{enrolled}&lt;/b&gt; enrolled, not submitted · &lt;b&gt;{submitted}&lt;/b&gt; awaiting BPJS&apos;s answer · &lt;b&gt;{active}&lt;/b&gt; active (&lt;b&gt;{ending}&lt;/b&gt; ending within 30 days) · &lt;b&gt;{refused}&lt;/b&gt; refused by BPJS · &lt;b&gt;{ended}&lt;/b&gt; ended</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="981"/>
        <source>Dana BAZNAS: dibayar &lt;b&gt;{paid}&lt;/b&gt; = untuk {months} bulan kepesertaan &lt;b&gt;{allocated}&lt;/b&gt; + kredit &lt;b&gt;{credit}&lt;/b&gt;</source>
        <translation>BAZNAS funds: paid &lt;b&gt;{paid}&lt;/b&gt; = for {months} member-months of coverage &lt;b&gt;{allocated}&lt;/b&gt; + credit &lt;b&gt;{credit}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="985"/>
        <source>(menunggu jawaban BPJS {held})</source>
        <translation>(waiting for BPJS&apos;s answer {held})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="987"/>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;kurang bayar &lt;b&gt;{owed}&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;underpaid &lt;b&gt;{owed}&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="55"/>
        <source>Kode pemulihan</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="56"/>
        <source>Nama pengguna admin</source>
        <translation>Admin&apos;s user name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="58"/>
        <source>Kata sandi lama</source>
        <translation>Old password</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="59"/>
        <source>Kata sandi baru (min. {n})</source>
        <translation>New password (min. {n})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="62"/>
        <source>Ulangi kata sandi baru</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="70"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="83"/>
        <source>Isi kode pemulihan dan nama pengguna admin.</source>
        <translation>Fill in the recovery code and the admin&apos;s user name.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="86"/>
        <source>Kedua kata sandi baru tidak sama. Ketik lagi.</source>
        <translation>The two new passwords differ. Type them again.</translation>
    </message>
</context>
<context>
    <name>PasswordHint</name>
    <message>
        <location filename="../../desktop/gui/password_hint.py" line="37"/>
        <source>Kata sandi cukup kuat.</source>
        <translation>The password is strong enough.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="380"/>
        <source>Catat pembayaran BAZNAS</source>
        <translation>Record BAZNAS&apos;s payment</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="381"/>
        <source>Catat transfer BAZNAS untuk iuran satu batch. Lindung menghitung kewajibannya dari tarif iuran yang berlaku; bila BAZNAS membayar jumlah lain, selisihnya disebut di bawah. Perlindungan peserta aktif berjalan sejak tanggal kepesertaan BPJS sepanjang bulan yang dibayar.</source>
        <translation>Record BAZNAS&apos;s transfer for one batch&apos;s contributions. Lindung works out what is owed from the contribution rates in force; when BAZNAS paid another amount, the difference is stated below. Active workers are covered from their BPJS membership date for the months paid.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="387"/>
        <source>{batch} — {count} peserta, {date}</source>
        <translation>{batch} — {count} workers, {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="392"/>
        <source>B&amp;atch</source>
        <translation>B&amp;atch</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="397"/>
        <source>&amp;Catat pembayaran</source>
        <translation>&amp;Record payment</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="403"/>
        <source>Belum ada batch pengajuan: ajukan peserta ke BPJS dulu.</source>
        <translation>No submission batch yet: submit workers to BPJS first.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="415"/>
        <source>Batch ini sudah dibayar {months} bulan sebelumnya. Pembayaran ini menambah {more} bulan lagi: catat hanya bila BAZNAS memang membayar lagi.</source>
        <translation>This batch was already paid for {months} months. This payment adds {more} more months: record it only if BAZNAS really paid again.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="443"/>
        <source>Pembayaran {number} untuk batch {batch} dicatat.</source>
        <translation>Payment {number} for batch {batch} recorded.</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="71"/>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="71"/>
        <source>Peringatan</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="71"/>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="72"/>
        <source>Ganda</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="72"/>
        <source>Tidak memenuhi syarat</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="73"/>
        <source>Dilewati</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="169"/>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="169"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="169"/>
        <source>Keterangan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="171"/>
        <source>Sekolah</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="192"/>
        <source>Tertulis: {typed}
Dibaca: {read}</source>
        <translation>Written: {typed}
Read as: {read}</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="116"/>
        <source>Cetak kartu peserta</source>
        <translation>Print membership cards</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="127"/>
        <source>Hanya yang belum pernah dicetak</source>
        <translation>Only cards never printed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="132"/>
        <source>A4, 10 kartu per lembar (tanda potong)</source>
        <translation>A4, 10 cards a sheet (crop marks)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="133"/>
        <source>Satu kartu per halaman (printer kartu)</source>
        <translation>One card a page (card printer)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="135"/>
        <source>Tata letak</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="137"/>
        <source>wajib bila mencetak ulang, mis. kartu hilang</source>
        <translation>required when re-printing, e.g. card lost</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="138"/>
        <source>Alasan cetak ulang</source>
        <translation>Reason for re-printing</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="146"/>
        <source>Sudah tercetak: catat kartu ini</source>
        <translation>Printed: log these cards</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="148"/>
        <source>Kartu dicatat sebagai dicetak baru setelah PDF-nya benar-benar dicetak</source>
        <translation>Cards are logged as printed only once their PDF has really been printed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="155"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="159"/>
        <source>Pratinjau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="160"/>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="161"/>
        <source>Menyimpan PDF belum berarti mencetak: kartu dicatat setelah Anda menandai PDF-nya sudah dicetak</source>
        <translation>Saving a PDF is not printing: cards are logged once you mark the PDF as printed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="163"/>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="164"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="191"/>
        <source>{count} kartu dipilih.</source>
        <translation>{count} cards selected.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="193"/>
        <source>Belum ada yang punya nomor KPJ</source>
        <translation>No one has a KPJ number yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="194"/>
        <source>{count} di antaranya belum punya nomor KPJ</source>
        <translation>{count} of them have no KPJ number yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="195"/>
        <source>: kartunya memuat nomor registrasi Lindung, dan dapat dicetak ulang setelah BPJS mengirim KPJ.</source>
        <translation>: their cards carry the Lindung registration number, and can be reprinted once BPJS sends the KPJ.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="197"/>
        <source>{count} di antaranya sudah pernah dicetak: isi alasan cetak ulang.</source>
        <translation>{count} of them were printed before: give a reason for re-printing.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="224"/>
        <source>Simpan kartu sebagai PDF</source>
        <translation>Save cards as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="208"/>
        <source>Isi alasan cetak ulang: {count} kartu sudah pernah dicetak.</source>
        <translation>Give a reason for re-printing: {count} cards were printed before.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="236"/>
        <source>{count} kartu disimpan ke {path}. Belum dicatat sebagai dicetak: setelah PDF ini dicetak, tekan &quot;Sudah tercetak&quot;.</source>
        <translation>{count} cards saved to {path}. Not logged as printed yet: once this PDF is printed, press &quot;Printed&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="275"/>
        <source>lembar</source>
        <translation>sheets</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="275"/>
        <source>kartu</source>
        <translation>cards</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="294"/>
        <source>{count} kartu dicatat sebagai dicetak ({path}).</source>
        <translation>{count} cards logged as printed ({path}).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="54"/>
        <source>Printer tidak dapat dibuka.</source>
        <translation>The printer cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="322"/>
        <source>{done} / {total} {unit}</source>
        <translation>{done} / {total} {unit}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="328"/>
        <source>ke printer: halaman {done} / {total}</source>
        <translation>to the printer: page {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="337"/>
        <source>menyiapkan…</source>
        <translation>preparing…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_dialog.py" line="351"/>
        <source>Dibatalkan; tidak ada yang dicatat.</source>
        <translation>Cancelled; nothing was logged.</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <location filename="../../desktop/gui/privacy.py" line="19"/>
        <source>Data pribadi</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/privacy.py" line="20"/>
        <source>Berkas ini berisi data pribadi peserta (nama, NIK, alamat) dan akan disimpan di luar folder data Lindung, tanpa enkripsi:
{path}

Simpan hanya di tempat yang aman dan hapus bila tidak diperlukan lagi (UU PDP 27/2022). Lanjutkan?</source>
        <translation>This file holds personal data of enrolled workers (names, NIKs, addresses) and will be saved outside the Lindung data folder, unencrypted:
{path}

Keep it only somewhere safe and delete it when no longer needed (UU PDP 27/2022). Continue?</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="113"/>
        <source>Kode pemulihan</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="117"/>
        <source>Tulis kode pemulihan ini di kertas dan simpan di kantor cabang, terpisah dari laptop. Kode ini hanya ditampilkan sekali. Bila kata sandi admin terlupa, kode ini mengatur ulang kata sandinya tanpa kehilangan data (di layar Masuk: Lupa kata sandi admin).</source>
        <translation>Write this recovery code on paper and keep it at the branch office, away from the laptop. It is shown only once. If the admin password is forgotten, this code resets it without losing data (on the sign-in screen: Forgot the admin password).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="127"/>
        <location filename="../../desktop/gui/password_dialog.py" line="153"/>
        <source>Laptop {laptop} (awalan No. Registrasi)</source>
        <translation>Laptop {laptop} (registration number prefix)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="130"/>
        <source>Sudah saya catat</source>
        <translation>I have written it down</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="131"/>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="151"/>
        <source>Simpan lembar ini di kantor cabang, terpisah dari laptop. Bila kata sandi admin terlupa: di layar Masuk pilih Lupa kata sandi admin, lalu ketik kode ini.</source>
        <translation>Keep this sheet at the branch office, away from the laptop. If the admin password is forgotten: on the sign-in screen choose Forgot the admin password, then type this code.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_dialog.py" line="154"/>
        <source>Kode pemulihan Lindung</source>
        <translation>Lindung recovery code</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="523"/>
        <source>Kembalikan kredit BAZNAS</source>
        <translation>Refund BAZNAS&apos;s credit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="524"/>
        <source>Kredit BAZNAS adalah uang yang dibayar untuk bulan yang tidak diterima siapa pun: peserta ditolak BPJS, atau transfer yang lebih dari kewajiban. Kredit dapat dipakai pada pembayaran berikutnya, atau dikembalikan kepada BAZNAS di sini. Kredit yang masih menunggu jawaban BPJS belum dapat dikembalikan.</source>
        <translation>BAZNAS&apos;s credit is money paid for months no one received: workers refused by BPJS, or a transfer larger than owed. Credit can be used in the next payment, or returned to BAZNAS here. Credit still waiting for BPJS&apos;s answer cannot be returned yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="527"/>
        <source>Menghitung…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="532"/>
        <source>kosongkan: seluruh kredit yang dapat dikembalikan</source>
        <translation>leave empty: all the credit that can be returned</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="534"/>
        <source>mis. nomor bukti transfer pengembalian</source>
        <translation>e.g. the refund transfer&apos;s receipt number</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="536"/>
        <source>&amp;Jumlah (Rp)</source>
        <translation>&amp;Amount (Rp)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="537"/>
        <source>&amp;Referensi</source>
        <translation>&amp;Reference</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="540"/>
        <source>&amp;Kembalikan</source>
        <translation>&amp;Refund</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="549"/>
        <source>Kredit yang dapat dikembalikan: {amount}</source>
        <translation>Credit that can be returned: {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="564"/>
        <source>Pengembalian {number} dicatat: kredit {amount} dari {count} peserta dikembalikan kepada BAZNAS.</source>
        <translation>Refund {number} recorded: credit {amount} of {count} workers returned to BAZNAS.</translation>
    </message>
</context>
<context>
    <name>RefusedDialog</name>
    <message>
        <location filename="../../desktop/gui/refused_dialog.py" line="36"/>
        <source>Perubahan yang ditolak hub</source>
        <translation>Changes the hub refused</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/refused_dialog.py" line="40"/>
        <source>Hub menolak perubahan berikut dan menyebut alasannya. Perubahan itu tetap di laptop ini dan menunggu. Bila hub benar (misalnya data itu bukan wewenang laptop ini), batalkan perubahannya: data kembali ke versi hub.</source>
        <translation>The hub refused these changes and gives its reason. They stay on this laptop, waiting. If the hub is right (for instance the record is not this laptop&apos;s to change), drop the change: the record goes back to the hub&apos;s version.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/refused_dialog.py" line="46"/>
        <source>No. Registrasi</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/refused_dialog.py" line="46"/>
        <source>Alasan hub</source>
        <translation>The hub&apos;s reason</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/refused_dialog.py" line="60"/>
        <source>Batalkan perubahan (pakai versi hub)</source>
        <translation>Drop the change (use the hub&apos;s version)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/refused_dialog.py" line="64"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/refused_dialog.py" line="81"/>
        <source>Tidak ada perubahan yang ditolak hub.</source>
        <translation>No change was refused by the hub.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/refused_dialog.py" line="82"/>
        <source>{count} perubahan ditolak hub.</source>
        <translation>{count} changes refused by the hub.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/refused_dialog.py" line="96"/>
        <source>Data ini belum ada di hub: perbaiki datanya, lalu sinkronkan lagi.</source>
        <translation>The hub does not have this record yet: correct it, then sync again.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/refused_dialog.py" line="103"/>
        <source>Mengambil versi hub…</source>
        <translation>Fetching the hub&apos;s version…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/refused_dialog.py" line="108"/>
        <source>{regno}: perubahan dibatalkan, versi hub dipakai.</source>
        <translation>{regno}: change dropped, the hub&apos;s version is used.</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="451"/>
        <source>Perpanjang kepesertaan</source>
        <translation>Renew membership</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="452"/>
        <source>Perpanjang sekaligus semua peserta aktif yang perlindungannya berakhir dalam beberapa hari ke depan (atau sudah berakhir): BAZNAS membayar lagi, perlindungan bersambung. Jumlah pesertanya tampil dulu sebelum dicatat.</source>
        <translation>Renew at once every active worker whose coverage ends within the next days (or has ended): BAZNAS pays again and coverage continues. How many is shown before anything is recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="459"/>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="460"/>
        <source>dalam </source>
        <translation>within </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="461"/>
        <source>Berakhir</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="464"/>
        <source>Menghitung…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="469"/>
        <location filename="../../desktop/gui/membership_window.py" line="482"/>
        <source>&amp;Perpanjang</source>
        <translation>Re&amp;new</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="481"/>
        <source>&amp;Perpanjang {count} peserta</source>
        <translation>Re&amp;new {count} workers</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="493"/>
        <source>{count} peserta aktif perlindungannya berakhir dalam {days} hari (sampai {date}) atau sudah berakhir.</source>
        <translation>{count} active workers&apos; coverage ends within {days} days (by {date}) or has ended.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="497"/>
        <source>Tidak ada peserta yang perlindungannya berakhir dalam {days} hari.</source>
        <translation>No worker&apos;s coverage ends within {days} days.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="512"/>
        <source>Perpanjangan {number} dicatat: perlindungan {count} peserta diperpanjang {months} bulan.</source>
        <translation>Renewal {number} recorded: {count} workers&apos; coverage extended by {months} months.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="59"/>
        <source>Tinjau konflik dan data ganda</source>
        <translation>Review conflicts and duplicates</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="70"/>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="87"/>
        <source>Klik nilai yang benar di kolom kiri atau kanan; baris kuning berbeda. Kolom Hasil menunjukkan data yang akan disimpan.</source>
        <translation>Click the correct value in the left or right column; yellow rows differ. The Result column shows what will be saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="113"/>
        <source>No. Registrasi yang dipertahankan:</source>
        <translation>Registration no. to keep:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="120"/>
        <source>Bukan orang yang sama</source>
        <translation>Not the same person</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="122"/>
        <source>Tutup pasangan ini tanpa mengubah data (misalnya NIK salah satunya sudah diperbaiki).</source>
        <translation>Close this pair without changing any record (for instance after correcting one NIK).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="144"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="135"/>
        <location filename="../../desktop/gui/review_dialog.py" line="150"/>
        <source>Mengambil dari hub…</source>
        <translation>Fetching from the hub…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="157"/>
        <source>{conflicts} konflik dan {duplicates} kemungkinan data ganda menunggu di hub; {mine} dapat Anda selesaikan.</source>
        <translation>{conflicts} conflicts and {duplicates} possible duplicates wait at the hub; you can settle {mine}.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="162"/>
        <source>Tidak ada konflik atau data ganda yang perlu Anda tinjau.</source>
        <translation>No conflicts or duplicates for you to review.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="163"/>
        <source>Tidak ada yang perlu ditinjau: semua konflik dan data ganda yang dapat Anda selesaikan sudah selesai.</source>
        <translation>Nothing to review: every conflict and possible duplicate you can settle is settled.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="179"/>
        <source>Konflik: {name}
{regno} · diubah juga di {device}</source>
        <translation>Conflict: {name}
{regno} · also changed on {device}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="181"/>
        <source>Data ganda: {a} / {b}
NIK {nik}</source>
        <translation>Duplicate: {a} / {b}
NIK {nik}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="200"/>
        <location filename="../../desktop/gui/review_dialog.py" line="209"/>
        <source>Simpan hasil</source>
        <translation>Save result</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="201"/>
        <location filename="../../desktop/gui/review_dialog.py" line="219"/>
        <source>Semua dari kiri</source>
        <translation>All from the left</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="202"/>
        <location filename="../../desktop/gui/review_dialog.py" line="220"/>
        <source>Semua dari kanan</source>
        <translation>All from the right</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="205"/>
        <source>Versi di hub</source>
        <translation>Version at the hub</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="205"/>
        <source>Versi dari {device}</source>
        <translation>Version from {device}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="206"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; ({regno}) diubah di dua tempat sekaligus. Pilih isian yang benar.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; ({regno}) was changed in two places at once. Choose the correct values.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="211"/>
        <location filename="../../desktop/gui/review_dialog.py" line="212"/>
        <source>Data {regno}</source>
        <translation>Record {regno}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="213"/>
        <source>NIK yang sama didaftarkan dua kali. Jika orangnya sama, gabungkan: satu data dipertahankan dengan isian pilihan Anda, yang lain dihapus.</source>
        <translation>The same NIK was enrolled twice. If it is the same person, merge: one record is kept with the values you choose, the other is deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="215"/>
        <source>Gabungkan</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="92"/>
        <location filename="../../desktop/gui/review_dialog.py" line="221"/>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="92"/>
        <location filename="../../desktop/gui/review_dialog.py" line="221"/>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="301"/>
        <source>Konflik diselesaikan.</source>
        <translation>Conflict settled.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="307"/>
        <source>Gabungkan data</source>
        <translation>Merge records</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="308"/>
        <source>Pertahankan {kept} dan hapus {gone}? Kartu dengan nomor {gone} tidak berlaku lagi.</source>
        <translation>Keep {kept} and delete {gone}? The card numbered {gone} will no longer be valid.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="313"/>
        <source>Data digabungkan.</source>
        <translation>Records merged.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_dialog.py" line="320"/>
        <source>Pasangan ditutup.</source>
        <translation>Pair closed.</translation>
    </message>
</context>
<context>
    <name>SchoolsDialog</name>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="29"/>
        <source>Sekolah</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="33"/>
        <location filename="../../desktop/gui/schools_dialog.py" line="60"/>
        <source>NPSN</source>
        <translation>NPSN</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="33"/>
        <location filename="../../desktop/gui/schools_dialog.py" line="61"/>
        <source>Nama sekolah</source>
        <translation>School name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="33"/>
        <location filename="../../desktop/gui/schools_dialog.py" line="62"/>
        <source>Jenjang</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="34"/>
        <location filename="../../desktop/gui/schools_dialog.py" line="63"/>
        <source>Kabupaten/Kota</source>
        <translation>Regency/City</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="34"/>
        <location filename="../../desktop/gui/schools_dialog.py" line="64"/>
        <source>Koordinator</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="50"/>
        <source>8 digit</source>
        <translation>8 digits</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="55"/>
        <source>ketik untuk mencari, atau ↓</source>
        <translation>type to search, or ↓</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="56"/>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="59"/>
        <source>nama koordinator sekolah, boleh kosong</source>
        <translation>the school coordinator&apos;s name, optional</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="70"/>
        <source>Sekolah baru</source>
        <translation>New school</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="72"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="104"/>
        <source>&lt;b&gt;Sekolah baru&lt;/b&gt;</source>
        <translation>&lt;b&gt;New school&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="105"/>
        <source>Tambah sekolah</source>
        <translation>Add school</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="119"/>
        <source>&lt;b&gt;Ubah {name}&lt;/b&gt; (NPSN tetap)</source>
        <translation>&lt;b&gt;Change {name}&lt;/b&gt; (the NPSN stays)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="120"/>
        <source>Simpan perubahan</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="142"/>
        <source>Sekolah {name} (NPSN {npsn}) ditambahkan.</source>
        <translation>School {name} (NPSN {npsn}) added.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/schools_dialog.py" line="143"/>
        <source>Sekolah {name} (NPSN {npsn}) diubah.</source>
        <translation>School {name} (NPSN {npsn}) changed.</translation>
    </message>
</context>
<context>
    <name>SearchCombo</name>
    <message>
        <location filename="../../desktop/gui/widgets.py" line="163"/>
        <source>Tidak ada yang cocok dengan “{text}”. Periksa ejaannya, atau tekan ↓ untuk melihat semua pilihan.</source>
        <translation>Nothing matches “{text}”. Check the spelling, or press ↓ to see every choice.</translation>
    </message>
</context>
<context>
    <name>Service</name>
    <message>
        <location filename="../../desktop/services/accounts.py" line="194"/>
        <source>Nama pengguna 2–32 huruf kecil, angka, titik, garis bawah atau tanda hubung.</source>
        <translation>User names are 2–32 lower-case letters, digits, dots, underscores or hyphens.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="164"/>
        <source>Kata sandi terlalu pendek: paling sedikit {n} karakter.</source>
        <translation>Password too short: at least {n} characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="63"/>
        <source>Kata sandi terlalu umum: termasuk kata sandi yang paling sering dipakai orang. Gunakan tiga atau empat kata yang tidak saling berhubungan, dipisah spasi atau tanda hubung.</source>
        <translation>The password is too common: it is one of the passwords people use most. Use three or four unrelated words, separated by spaces or hyphens.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="66"/>
        <source>Kata sandi mudah ditebak: memuat nama Anda, nama pengguna, atau kata yang dekat dengan Lindung (mis. lindung, bpjs, baznas). Gunakan tiga atau empat kata yang tidak saling berhubungan, dipisah spasi atau tanda hubung.</source>
        <translation>The password is easy to guess: it contains your name, the user name, or a word close to Lindung (e.g. lindung, bpjs, baznas). Use three or four unrelated words, separated by spaces or hyphens.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="70"/>
        <source>Kata sandi mudah ditebak: terdiri dari kata atau nama yang umum, walau ditambah angka, tanda baca atau huruf besar. Gunakan tiga atau empat kata yang tidak saling berhubungan, dipisah spasi atau tanda hubung.</source>
        <translation>The password is easy to guess: it is made of common words or names, even with digits, punctuation or capitals added. Use three or four unrelated words, separated by spaces or hyphens.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="74"/>
        <source>Kata sandi mudah ditebak: kata umum yang hurufnya diganti angka atau simbol (mis. 4 untuk a, 0 untuk o) atau dibalik tetap mudah ditebak. Gunakan tiga atau empat kata yang tidak saling berhubungan, dipisah spasi atau tanda hubung.</source>
        <translation>The password is easy to guess: a common word with letters replaced by digits or symbols (e.g. 4 for a, 0 for o), or reversed, is still easy to guess. Use three or four unrelated words, separated by spaces or hyphens.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="78"/>
        <source>Kata sandi mudah ditebak: huruf, angka atau kata yang diulang-ulang (mis. aaaa, 1111, abcabc). Gunakan tiga atau empat kata yang tidak saling berhubungan, dipisah spasi atau tanda hubung.</source>
        <translation>The password is easy to guess: repeated letters, digits or words (e.g. aaaa, 1111, abcabc). Use three or four unrelated words, separated by spaces or hyphens.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="82"/>
        <source>Kata sandi mudah ditebak: urutan huruf atau angka (mis. abcd, 1234, 9876). Gunakan tiga atau empat kata yang tidak saling berhubungan, dipisah spasi atau tanda hubung.</source>
        <translation>The password is easy to guess: a run of letters or digits (e.g. abcd, 1234, 9876). Use three or four unrelated words, separated by spaces or hyphens.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="85"/>
        <source>Kata sandi mudah ditebak: deretan tombol yang berdampingan di papan ketik (mis. qwerty, asdf, zxcv). Gunakan tiga atau empat kata yang tidak saling berhubungan, dipisah spasi atau tanda hubung.</source>
        <translation>The password is easy to guess: neighbouring keys of the keyboard (e.g. qwerty, asdf, zxcv). Use three or four unrelated words, separated by spaces or hyphens.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="89"/>
        <source>Kata sandi mudah ditebak: memuat tanggal atau tahun (mis. tanggal lahir). Gunakan tiga atau empat kata yang tidak saling berhubungan, dipisah spasi atau tanda hubung.</source>
        <translation>The password is easy to guess: it contains a date or a year (e.g. a birth date). Use three or four unrelated words, separated by spaces or hyphens.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="92"/>
        <source>Kata sandi terlalu mudah ditebak. Gunakan tiga atau empat kata yang tidak saling berhubungan, dipisah spasi atau tanda hubung.</source>
        <translation>The password is too easy to guess. Use three or four unrelated words, separated by spaces or hyphens.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="169"/>
        <source>Kata sandi tidak boleh sama dengan nama pengguna.</source>
        <translation>The password must not be the user name.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="199"/>
        <source>Akun pertama harus akun admin.</source>
        <translation>The first account must be an admin account.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="201"/>
        <source>Hanya admin yang dapat membuat akun.</source>
        <translation>Only an admin can create accounts.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="203"/>
        <source>Nama pengguna &quot;{name}&quot; sudah dipakai.</source>
        <translation>The user name &quot;{name}&quot; is taken.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="209"/>
        <source>Akun koordinator sekolah harus menyebut sekolahnya.</source>
        <translation>A school coordinator&apos;s account must name the school.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="305"/>
        <source>Akun &quot;{name}&quot; tidak ada di laptop ini.</source>
        <translation>There is no account &quot;{name}&quot; on this laptop.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="308"/>
        <source>Kata sandi baru harus berbeda dari kata sandi sekarang.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="323"/>
        <source>Hanya admin yang dapat mengatur ulang kata sandi.</source>
        <translation>Only an admin can reset a password.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="326"/>
        <source>Untuk kata sandi Anda sendiri, pakai menu Akun → Ganti kata sandi.</source>
        <translation>For your own password, use the Account menu → Change password.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="336"/>
        <source>Isi kata sandi lama.</source>
        <translation>Fill in the old password.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="341"/>
        <source>Kata sandi lama salah.</source>
        <translation>The old password is wrong.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/keys.py" line="173"/>
        <location filename="../../desktop/services/lockout.py" line="58"/>
        <source>Nama pengguna atau kata sandi salah.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="393"/>
        <source>Kunci otomatis: 0 (mati) sampai 240 menit.</source>
        <translation>Auto-lock: 0 (off) to 240 minutes.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/bulk_enroll.py" line="32"/>
        <source>NIK ini sudah terdaftar atas nama {name} (No. Registrasi {regno}).</source>
        <translation>This NIK is already enrolled for {name} (registration no. {regno}).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/enrollment.py" line="43"/>
        <source>Kolom &quot;{key}&quot; tidak dikenal.</source>
        <translation>Unknown field &quot;{key}&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/enrollment.py" line="76"/>
        <source>Setiap data harus berupa objek JSON.</source>
        <translation>Every record must be a JSON object.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/enrollment.py" line="83"/>
        <source>NIK sama dengan data ke-{other} dalam berkas yang sama.</source>
        <translation>Same NIK as record {other} in the same file.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="206"/>
        <location filename="../../desktop/services/enrollment.py" line="106"/>
        <location filename="../../desktop/services/enrollment.py" line="218"/>
        <location filename="../../desktop/services/reporting.py" line="104"/>
        <location filename="../../desktop/services/schools.py" line="64"/>
        <source>Sekolah dengan NPSN {npsn} belum terdaftar.</source>
        <translation>No school with NPSN {npsn} is registered.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/bulk_enroll.py" line="33"/>
        <source>NIK sudah terdaftar oleh proses lain; tidak ada yang disimpan.</source>
        <translation>The NIK was just enrolled by another process; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/enrollment.py" line="136"/>
        <location filename="../../desktop/services/membership/views.py" line="110"/>
        <source>Data peserta tidak ditemukan.</source>
        <translation>Participant not found.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claims.py" line="89"/>
        <source>Laporan kejadian tidak dapat dicatat: {problems}</source>
        <translation>The incident report cannot be recorded: {problems}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claims.py" line="97"/>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claims.py" line="116"/>
        <location filename="../../desktop/services/enrollment.py" line="151"/>
        <source>Tidak ada peserta dengan No. Registrasi {regno}.</source>
        <translation>No participant has registration no. {regno}.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claims.py" line="119"/>
        <source>Kematian peserta {regno} sudah dilaporkan. Lihat klaimnya di menu Data → Klaim JKK/JKM atau dengan: lindung claim list.</source>
        <translation>The death of {regno} was already reported. See its claim in Data → JKK/JKM claims or with: lindung claim list.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claims.py" line="164"/>
        <source>Klaim {claim} tidak dikenal. Lihat kodenya dengan: lindung claim list.</source>
        <translation>Claim {claim} is unknown. See the codes with: lindung claim list.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claims.py" line="176"/>
        <source>Status klaim harus salah satu dari: {states}.</source>
        <translation>The claim status must be one of: {states}.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claims.py" line="185"/>
        <source>Dokumen {keys} tidak ada dalam daftar klaim ini: {known}.</source>
        <translation>Documents {keys} are not on this claim&apos;s list: {known}.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claims.py" line="188"/>
        <source>Klaim dibayar: sebutkan jumlah (--amount) dan tanggalnya (--date).</source>
        <translation>Claim paid: give the amount (--amount) and its date (--date).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claims.py" line="190"/>
        <source>Klaim ditolak: tulis alasannya (--reason).</source>
        <translation>Claim refused: write the reason (--reason).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claims.py" line="204"/>
        <source>Tidak ada yang berubah: sebutkan --state atau dokumen baru (--document).</source>
        <translation>Nothing changes: give --state or a new document (--document).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claims.py" line="208"/>
        <source>Klaim tidak dapat diperbarui: {problems}</source>
        <translation>The claim cannot be updated: {problems}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claims.py" line="382"/>
        <source>Jumlah hari harus 0 sampai 366.</source>
        <translation>The number of days must be 0 to 366.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/permissions.py" line="40"/>
        <source>Peran Anda tidak dapat mendaftarkan peserta.</source>
        <translation>Your role cannot enroll workers.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/permissions.py" line="41"/>
        <source>Peran Anda tidak dapat mengubah data peserta.</source>
        <translation>Your role cannot change enrolled records.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/permissions.py" line="42"/>
        <source>Hanya koordinator sekolah dan admin yang dapat mengimpor daftar.</source>
        <translation>Only school coordinators and admins can import lists.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/permissions.py" line="43"/>
        <source>Hanya petugas cetak dan admin yang dapat mencetak kartu.</source>
        <translation>Only printers and admins can print cards.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/permissions.py" line="44"/>
        <source>Peran Anda tidak dapat membuat laporan.</source>
        <translation>Your role cannot produce reports.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/accounts.py" line="391"/>
        <location filename="../../desktop/services/permissions.py" line="47"/>
        <source>Hanya admin yang dapat melakukan ini.</source>
        <translation>Only an admin can do this.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/permissions.py" line="75"/>
        <source>Petugas cetak tidak dapat mengubah data peserta.</source>
        <translation>Printers cannot change participants&apos; data.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/permissions.py" line="76"/>
        <source>Data ini didaftarkan oleh {by}; Anda hanya dapat mengubah data yang Anda daftarkan sendiri.</source>
        <translation>This record was enrolled by {by}; you can only change records you enrolled yourself.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/permissions.py" line="86"/>
        <source>Koordinator hanya dapat mendaftarkan orang tua siswa sekolahnya sendiri (NPSN {npsn}).</source>
        <translation>A coordinator can only enroll parents of their own school (NPSN {npsn}).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/enrollment.py" line="184"/>
        <source>Data ini sudah diubah oleh {by} sejak dibuka. Tutup dan buka kembali, lalu ulangi perubahan.</source>
        <translation>{by} changed this record since it was opened. Close it, open it again and redo the change.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/enrollment.py" line="205"/>
        <source>Data yang sudah dihapus tidak dapat diubah.</source>
        <translation>A deleted record cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/enrollment.py" line="243"/>
        <source>Tuliskan alasan penghapusan (minimal 5 huruf).</source>
        <translation>Write the reason for deleting (at least 5 letters).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/enrollment.py" line="249"/>
        <source>Data ini sudah dihapus.</source>
        <translation>This record is already deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/enrollment.py" line="254"/>
        <source>Peserta ini sudah diajukan ke BPJS atau aktif; hanya admin cabang yang dapat menghapusnya (dengan alasan).</source>
        <translation>This worker was already submitted to BPJS or is active; only the branch admin can delete them (with a reason).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/errors.py" line="51"/>
        <source>{count} data tidak valid; tidak ada yang disimpan.</source>
        <translation>{count} record(s) invalid; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/errors.py" line="68"/>
        <source>Disk penuh: {name} tidak dapat ditulis sampai selesai. Kosongkan ruang di disk itu atau simpan ke disk lain, lalu ulangi; tidak ada berkas setengah jadi yang tertinggal.</source>
        <translation>The disk is full: {name} could not be written to the end. Free space on that disk or save to another, then try again; no half-written file was left behind.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/errors.py" line="73"/>
        <source>Folder {folder} hanya dapat dibaca (misalnya flashdisk yang dikunci): simpan {name} ke folder lain, lalu ulangi.</source>
        <translation>The folder {folder} is read-only (a locked USB stick, for example): save {name} to another folder, then try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/errors.py" line="77"/>
        <source>{name} tidak dapat ditulis: berkas itu sedang dibuka program lain (misalnya Excel), atau folder {folder} tidak boleh ditulisi. Tutup berkasnya atau simpan ke folder lain, lalu ulangi.</source>
        <translation>{name} could not be written: the file is open in another program (Excel, for example), or the folder {folder} may not be written to. Close the file or save to another folder, then try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/errors.py" line="82"/>
        <source>Folder {folder} tidak ada lagi (flashdisk dilepas?): periksa tempat penyimpanannya, lalu ulangi.</source>
        <translation>The folder {folder} is gone (USB stick removed?): check where it is saved, then try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/errors.py" line="85"/>
        <source>{folder} bukan folder (ada berkas dengan nama itu): simpan {name} ke folder lain, lalu ulangi.</source>
        <translation>{folder} is not a folder (a file has that name): save {name} to another folder, then try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/errors.py" line="89"/>
        <source>Disk tempat {name} gagal membaca atau menulis (kerusakan perangkat): periksa disk atau flashdisk itu, atau simpan ke tempat lain.</source>
        <translation>The disk holding {name} failed to read or write (a device fault): check that disk or USB stick, or save somewhere else.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/errors.py" line="92"/>
        <source>{name} tidak dapat ditulis ({code}): periksa disk dan foldernya, lalu ulangi.</source>
        <translation>{name} could not be written ({code}): check the disk and its folder, then try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/schools.py" line="27"/>
        <source>NPSN harus 8 digit angka.</source>
        <translation>The NPSN must be 8 digits.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/schools.py" line="29"/>
        <source>Nama sekolah wajib diisi.</source>
        <translation>The school&apos;s name is required.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/schools.py" line="31"/>
        <source>Jenjang sekolah harus salah satu dari {levels}.</source>
        <translation>The school level must be one of {levels}.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/schools.py" line="35"/>
        <source>Kode kabupaten/kota {code} tidak dikenal.</source>
        <translation>Unknown regency/city code {code}.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/schools.py" line="48"/>
        <source>Sekolah dengan NPSN {npsn} sudah ada.</source>
        <translation>A school with NPSN {npsn} already exists.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/region_file.py" line="23"/>
        <source>Berkas wilayah harus berkolom kode,nama,tingkat.</source>
        <translation>The region file must have the columns kode,nama,tingkat.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/region_file.py" line="26"/>
        <source>Berkas wilayah tidak dapat dibaca: {reason}</source>
        <translation>The region file cannot be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/workspace.py" line="196"/>
        <source>Daftar wilayah ditolak: {reason}</source>
        <translation>Region list refused: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/workspace.py" line="199"/>
        <source>Daftar wilayah ditolak: hanya {kab} kabupaten/kota dan {desa} desa/kelurahan Kalimantan Barat.</source>
        <translation>Region list refused: only {kab} regencies/cities and {desa} villages of West Kalimantan.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="266"/>
        <source>Sekolah dengan NPSN {npsn} belum terdaftar. Tambahkan dulu: lindung school add.</source>
        <translation>No school with NPSN {npsn} is registered. Add it first: lindung school add.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="313"/>
        <source>Berkas {name} kosong.</source>
        <translation>The file {name} is empty.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="380"/>
        <source>Berkas ini daftar {school} (NPSN {npsn}), bukan daftar sekolah yang dipilih (NPSN {chosen}). Pilih sekolah yang benar, atau kosongkan pilihan sekolah.</source>
        <translation>This file is the list of {school} (NPSN {npsn}), not of the chosen school (NPSN {chosen}). Choose the right school, or clear the school choice.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="426"/>
        <source>Isian &quot;{field}&quot; tidak dikenal. Pilih salah satu: {fields}.</source>
        <translation>Unknown field &quot;{field}&quot;. Choose one of: {fields}.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="431"/>
        <source>Kolom &quot;{column}&quot; tidak ada di baris judul berkas.</source>
        <translation>Column &quot;{column}&quot; is not in the header row of the file.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="483"/>
        <source>Berkas Dapodik: {pupils} siswa, {people} orang tua/wali dari &quot;{school}&quot;, sekolah yang belum terdaftar di sini. Pilih sekolahnya (atau tambahkan dulu) sebelum baris diperiksa.</source>
        <translation>Dapodik file: {pupils} pupils, {people} parents/guardians from &quot;{school}&quot;, a school not registered here. Choose the school (or add it first) before the rows are checked.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="487"/>
        <source>Berkas Dapodik: {pupils} siswa, {people} orang tua/wali. Berkas tidak menyebut sekolahnya: pilih sekolahnya sebelum baris diperiksa.</source>
        <translation>Dapodik file: {pupils} pupils, {people} parents/guardians. The file does not name its school: choose the school before the rows are checked.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="528"/>
        <source>Kolom berkas Dapodik dikenali sendiri; tidak perlu dipetakan.</source>
        <translation>A Dapodik file&apos;s columns are recognised by themselves; they need no mapping.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="679"/>
        <source>Kolom {field} tidak dapat diubah di sini.</source>
        <translation>Column {field} cannot be changed here.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="687"/>
        <source>Baris {row} tidak ada di pratinjau.</source>
        <translation>Row {row} is not in the preview.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="697"/>
        <source>Koordinator hanya dapat mengimpor daftar sekolahnya sendiri (NPSN {npsn}).</source>
        <translation>A coordinator can only import their own school&apos;s lists (NPSN {npsn}).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="709"/>
        <source>Daftar ini menyebut beberapa sekolah; koordinator hanya dapat mengimpor daftar sekolahnya sendiri (NPSN {npsn}). Minta admin mengimpornya.</source>
        <translation>This list names several schools; a coordinator can only import their own school&apos;s list (NPSN {npsn}). Ask an admin to import it.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/spreadsheets.py" line="37"/>
        <source>Dibatalkan; tidak ada yang disimpan.</source>
        <translation>Cancelled; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/spreadsheets.py" line="64"/>
        <source>Lembar &quot;{sheet}&quot; kosong.</source>
        <translation>Sheet &quot;{sheet}&quot; is empty.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/spreadsheets.py" line="65"/>
        <source>Lembar &quot;{sheet}&quot; tersembunyi; tidak dibaca. Tampilkan lembarnya di Excel bila datanya ada di sana.</source>
        <translation>Sheet &quot;{sheet}&quot; is hidden; not read. Unhide the sheet in Excel if the data is there.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/spreadsheets.py" line="67"/>
        <source>Lembar &quot;{sheet}&quot; berisi grafik, bukan tabel; tidak dibaca.</source>
        <translation>Sheet &quot;{sheet}&quot; holds a chart, not a table; not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/spreadsheets.py" line="68"/>
        <source>Lembar &quot;{sheet}&quot; tidak dibaca: tidak ada kepala kolom yang dikenal di 20 baris pertamanya.</source>
        <translation>Sheet &quot;{sheet}&quot; not read: no known column header in its first 20 rows.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/spreadsheets.py" line="70"/>
        <source>Lembar &quot;{sheet}&quot; tidak dibaca: hanya lembar pertama yang berisi data yang dibaca. Pindahkan datanya ke berkas tersendiri.</source>
        <translation>Sheet &quot;{sheet}&quot; not read: only the first sheet with data is read. Move its data to a file of its own.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/spreadsheets.py" line="76"/>
        <source>Berkas {name} tidak dapat dibaca: {reason}</source>
        <translation>The file {name} cannot be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/spreadsheets.py" line="342"/>
        <source>Berkas {name} tidak dapat dibaca: baris {row} berisi isian lebih dari {limit} karakter (satu sel lembar kerja paling banyak 32.767). Periksa tanda petik (&quot;) yang tidak ditutup di baris itu, atau bagi isiannya.</source>
        <translation>File {name} cannot be read: row {row} holds a field longer than {limit} characters (a spreadsheet cell holds at most 32,767). Look for a quotation mark (&quot;) left open in that row, or split the field.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/spreadsheets.py" line="347"/>
        <source>Berkas {name} tidak dapat dibaca: baris {row} bukan baris CSV yang benar. Simpan ulang berkasnya sebagai CSV dari program lembar kerja.</source>
        <translation>File {name} cannot be read: row {row} is not a proper CSV row. Save the file as CSV again from a spreadsheet program.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/backup.py" line="43"/>
        <source>Cadangan {name} rusak (pemeriksaan keutuhan gagal).</source>
        <translation>The backup {name} is damaged (integrity check failed).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/backup.py" line="40"/>
        <location filename="../../desktop/services/backup.py" line="46"/>
        <source>{name} bukan cadangan basis data Lindung.</source>
        <translation>{name} is not a backup of a Lindung database.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/backup.py" line="70"/>
        <location filename="../../desktop/services/spreadsheets.py" line="122"/>
        <source>Berkas {name} tidak ditemukan.</source>
        <translation>The file {name} was not found.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/spreadsheets.py" line="124"/>
        <source>Jenis berkas {suffix} tidak didukung. Gunakan .xlsx, .xls, .ods atau .csv.</source>
        <translation>Files of type {suffix} are not supported. Use .xlsx, .xls, .ods or .csv.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/cards.py" line="56"/>
        <source>{count} kartu di antaranya sudah pernah dicetak. Cetak ulang harus disertai alasan.</source>
        <translation>{count} of these cards were printed before. Re-printing needs a reason.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/cards.py" line="100"/>
        <source>Kunci publik tidak dikenali (bentuk: ed25519:ID:KUNCI).</source>
        <translation>Public key not recognised (form: ed25519:ID:KEY).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/cards.py" line="244"/>
        <source>Tata letak {layout} tidak dikenal: pilih a4 atau card.</source>
        <translation>Unknown layout {layout}: choose a4 or card.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/cards.py" line="251"/>
        <source>Tidak ada peserta yang cocok dengan pilihan ini.</source>
        <translation>No participant matches this selection.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reporting.py" line="55"/>
        <source>Target harus lebih dari 0.</source>
        <translation>The target must be more than 0.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reporting.py" line="134"/>
        <source>Jumlah bulan harus 1 sampai 60.</source>
        <translation>The number of months must be 1 to 60.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reporting.py" line="276"/>
        <source>Tagihan batch {batch} sudah terbit sebagai {number} untuk {months} bulan. Cetak ulang tanpa menyebut jumlah bulan.</source>
        <translation>Batch {batch}&apos;s invoice was already issued as {number} for {months} months. Reprint it without giving the number of months.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reporting.py" line="310"/>
        <source>{count} peserta</source>
        <translation>{count} workers</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reporting.py" line="313"/>
        <source>periode {first} s.d. {last}</source>
        <translation>period {first} to {last}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/reporting.py" line="314"/>
        <source>batch {batch}</source>
        <translation>batch {batch}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="98"/>
        <source>Hub {hub} tidak dapat dihubungi ({reason}); data tetap aman di laptop dan dikirim pada sinkronisasi berikutnya.</source>
        <translation>The hub {hub} cannot be reached ({reason}); the data stays safe on this laptop and goes at the next sync.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="107"/>
        <source>Hub menolak laptop ini: {detail}</source>
        <translation>The hub refused this laptop: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="109"/>
        <source>Hub menjawab dengan galat {status}.</source>
        <translation>The hub answered with error {status}.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="141"/>
        <source>Alamat hub {hub} tidak sah; contoh: https://hub.cabang.id</source>
        <translation>The hub address {hub} is not valid; for example: https://hub.branch.id</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="143"/>
        <source>Alamat hub {hub} memakai http:// tanpa enkripsi: kredensial laptop akan terkirim terbuka. Gunakan https:// (hub di balik proxy TLS), atau --allow-http bila jaringannya memang tertutup.</source>
        <translation>The hub address {hub} uses http:// without encryption: the laptop&apos;s credential would travel in clear. Use https:// (the hub behind a TLS proxy), or --allow-http if the network really is closed.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="157"/>
        <source>Laptop ini terdaftar di hub {registered}; kredensialnya tidak dikirim ke {hub}. Untuk pindah hub, daftarkan ulang laptop dengan kode baru.</source>
        <translation>This laptop is registered with the hub {registered}; its credential is not sent to {hub}. To move to another hub, register the laptop again with a new code.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="178"/>
        <source>Pendaftaran ke hub ditolak: {detail}</source>
        <translation>Registration with the hub refused: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="213"/>
        <source>Sinkron otomatis: 0 (mati) sampai 1440 menit.</source>
        <translation>Automatic sync: 0 (off) to 1440 minutes.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="398"/>
        <source>Hub tidak memegang data ini; perbaiki datanya lalu kirim ulang.</source>
        <translation>The hub does not hold this record; correct it and send it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="403"/>
        <source>Data ini tidak ada di laptop.</source>
        <translation>This record is not on this laptop.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="155"/>
        <location filename="../../desktop/sync/client.py" line="234"/>
        <source>Laptop ini belum terdaftar di hub: lindung register --hub URL --code KODE.</source>
        <translation>This laptop is not registered with a hub: lindung register --hub URL --code CODE.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/permissions.py" line="45"/>
        <source>Hanya koordinator sekolah dan admin yang dapat menyelesaikan konflik dan data ganda.</source>
        <translation>Only school coordinators and admins can settle conflicts and duplicates.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/review.py" line="93"/>
        <location filename="../../desktop/sync/review.py" line="98"/>
        <source>Hub menolak: {detail}</source>
        <translation>The hub refused: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/review.py" line="116"/>
        <location filename="../../desktop/sync/review.py" line="128"/>
        <location filename="../../desktop/sync/review.py" line="141"/>
        <source>Data ini bukan dari sekolah Anda.</source>
        <translation>This record is not from your school.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/keys.py" line="79"/>
        <source>Berkas kunci {path} rusak atau tidak terbaca ({reason}).</source>
        <translation>The key file {path} is damaged or unreadable ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/keys.py" line="82"/>
        <source>Berkas kunci {path} bukan milik Lindung.</source>
        <translation>The key file {path} does not belong to Lindung.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/keys.py" line="190"/>
        <location filename="../../desktop/services/keys.py" line="293"/>
        <source>Berkas kunci basis data ({path}) tidak ada; pulihkan dari cadangan bersama basis datanya.</source>
        <translation>The database key file ({path}) is missing; restore it from the backup together with its database.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/keys.py" line="252"/>
        <source>Laptop ini belum punya kode pemulihan. Minta admin membuatnya: menu Akun → Kode pemulihan baru.</source>
        <translation>This laptop has no recovery code yet. Ask an admin to make one: Account menu → New recovery code.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/keys.py" line="261"/>
        <source>Kode pemulihan salah. Periksa huruf dan angkanya seperti tertulis saat dibuat.</source>
        <translation>Wrong recovery code. Check its letters and digits as written when it was made.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/keys.py" line="291"/>
        <source>Basis data ini terkunci: masuk dengan akun untuk membukanya.</source>
        <translation>This database is locked: sign in with an account to open it.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/lockout.py" line="108"/>
        <source>Sandi belum dapat diperiksa: berkas {name} dipegang proses lain. Coba lagi sebentar lagi.</source>
        <translation>The password cannot be checked yet: file {name} is held by another process. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/lockout.py" line="169"/>
        <source>Akun ini dikunci sementara karena {failures} kali salah kata sandi berturut-turut. Coba lagi dalam {minutes} menit.</source>
        <translation>This account is locked for now after {failures} wrong passwords in a row. Try again in {minutes} minutes.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/lockout.py" line="197"/>
        <source>Nama pengguna atau kata sandi salah. Karena sudah {failures} kali salah berturut-turut, akun ini dikunci {minutes} menit.</source>
        <translation>Wrong user name or password. After {failures} wrong attempts in a row this account is locked for {minutes} minutes.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/sheet_limits.py" line="91"/>
        <source>Berkas {name} tidak dapat dibaca: lebih dari {limit} baris. Bagi menjadi beberapa berkas.</source>
        <translation>The file {name} cannot be read: more than {limit} rows. Split it into several files.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/sheet_limits.py" line="97"/>
        <source>Berkas {name} tidak dapat dibaca: lebih dari {limit} kolom. Hapus kolom yang tidak dipakai.</source>
        <translation>The file {name} cannot be read: more than {limit} columns. Delete the columns that are not used.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/sheet_limits.py" line="103"/>
        <source>Berkas {name} tidak dapat dibaca: lebih dari {limit} sel. Bagi menjadi beberapa berkas.</source>
        <translation>The file {name} cannot be read: more than {limit} cells. Split it into several files.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/sheet_limits.py" line="109"/>
        <source>Berkas {name} tidak dapat dibaca: teksnya lebih dari {limit} MB. Bagi menjadi beberapa berkas.</source>
        <translation>The file {name} cannot be read: its text is over {limit} MB. Split it into several files.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/sheet_limits.py" line="115"/>
        <source>Berkas {name} tidak dapat dibaca: isinya membengkak menjadi lebih dari {limit} MB saat dibuka; ini bukan lembar kerja yang wajar.</source>
        <translation>The file {name} cannot be read: its contents swell to more than {limit} MB when unpacked; this is not an ordinary spreadsheet.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/sheet_limits.py" line="122"/>
        <source>Berkas {name} tidak dapat dibaca: berisi lebih dari {limit} bagian; ini bukan lembar kerja yang wajar.</source>
        <translation>The file {name} cannot be read: it has more than {limit} parts; this is not an ordinary spreadsheet.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/sheet_limits.py" line="841"/>
        <source>Berkas {name} tidak dapat dibaca: lembar kerja .xls lebih dari {limit} MB. Simpan sebagai .xlsx, atau bagi menjadi beberapa berkas.</source>
        <translation>File {name} cannot be read: the .xls workbook is over {limit} MB. Save it as .xlsx, or split it into several files.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/bpjs.py" line="200"/>
        <source>NIK tidak terbaca (harus 16 digit, disimpan sebagai teks).</source>
        <translation>The NIK cannot be read (it must be 16 digits, stored as text).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/bpjs.py" line="207"/>
        <source>Nomor KPJ harus 11 digit.</source>
        <translation>A KPJ number has 11 digits.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/bpjs.py" line="210"/>
        <source>Tanggal kepesertaan (TMT) kosong atau tidak terbaca.</source>
        <translation>The membership date (TMT) is empty or cannot be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/bpjs.py" line="217"/>
        <source>Tanpa nomor KPJ dan tanpa alasan penolakan.</source>
        <translation>No KPJ number and no reason for refusal.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/bpjs.py" line="240"/>
        <source>Tanggal kepesertaan (TMT) dapat dibaca dua cara (hari/bulan atau bulan/hari) dan kolom tanggalnya bercampur; tulis tanggalnya seperti 01-12-2026 lalu baca lagi.</source>
        <translation>The membership date (TMT) can be read two ways (day/month or month/day) and the date column is mixed; write the date like 01-12-2026 and read the file again.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/submissions.py" line="86"/>
        <source>menunggu tinjauan di hub (konflik atau data ganda)</source>
        <translation>waiting for review at the hub (conflict or duplicate)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/submissions.py" line="87"/>
        <source>kemungkinan data ganda di hub</source>
        <translation>possible duplicate at the hub</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/submissions.py" line="88"/>
        <source>ditolak BPJS dan belum diperbaiki</source>
        <translation>refused by BPJS and not corrected yet</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/submissions.py" line="89"/>
        <source>data belum lengkap atau tidak sah</source>
        <translation>data incomplete or not valid</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/submissions.py" line="116"/>
        <source>Baris judul templat BPJS tidak ditemukan di {name}: tidak ada kolom NIK, Nama, Tanggal Lahir dan sejenisnya.</source>
        <translation>No BPJS template header row found in {name}: no NIK, Name, Date of birth or similar columns.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/submissions.py" line="121"/>
        <source>Templat BPJS harus memiliki kolom NIK.</source>
        <translation>The BPJS template must have a NIK column.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/payments.py" line="249"/>
        <location filename="../../desktop/services/membership/submissions.py" line="183"/>
        <source>Jumlah bulan harus 1 sampai {max}.</source>
        <translation>The number of months must be 1 to {max}.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/submissions.py" line="185"/>
        <source>Batas jumlah peserta harus 1 atau lebih.</source>
        <translation>The limit on workers must be 1 or more.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/submissions.py" line="223"/>
        <source>Tidak ada peserta yang siap diajukan ke BPJS{detail}.</source>
        <translation>No worker is ready to be submitted to BPJS{detail}.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="253"/>
        <source>NIK tidak ada di antara peserta yang diajukan.</source>
        <translation>This NIK is not among the submitted workers.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="80"/>
        <source>Berkas {name} tidak memuat kolom nomor KPJ, jadi tidak ada yang diterapkan (tanpa KPJ berkas ini tidak dapat dibaca sebagai jawaban BPJS, juga tidak sebagai daftar penolakan). Kolom yang terbaca: {columns}. Beri judul kolom nomornya &quot;No KPJ&quot; lalu baca lagi.</source>
        <translation>File {name} has no KPJ number column, so nothing was applied (without KPJ this file cannot be read as a BPJS answer, nor as a list of refusals). Columns read: {columns}. Give the number column the header &quot;No KPJ&quot; and read it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="84"/>
        <source>Berkas {name} bukan jawaban BPJS yang dikenal: tidak ada lembar dengan kolom NIK dan kolom KPJ (No KPJ, Nomor Peserta) di 20 baris pertamanya. Lembar yang ada: {sheets}.</source>
        <translation>{name} is not a BPJS answer Lindung knows: no sheet has a NIK column and a KPJ column (No KPJ, Nomor Peserta) in its first 20 rows. Sheets in the file: {sheets}.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="87"/>
        <source>Berkas {name} berubah sejak pratinjau dibuat. Baca pratinjaunya lagi sebelum menerapkan.</source>
        <translation>File {name} has changed since the preview was made. Preview it again before applying.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="89"/>
        <source>Tanggal kepesertaan (TMT) lebih dari sebulan sebelum batch peserta ini ditulis; tidak diterapkan. Periksa tanggal di berkas (hari dan bulan tertukar?).</source>
        <translation>The membership date (TMT) is more than a month before this worker&apos;s batch was written; not applied. Check the date in the file (day and month swapped?).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="92"/>
        <source>Tanggal kepesertaan (TMT) lebih dari tiga bulan setelah hari ini; tidak diterapkan. Periksa tanggal di berkas (hari dan bulan tertukar?).</source>
        <translation>The membership date (TMT) is more than three months after today; not applied. Check the date in the file (day and month swapped?).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="95"/>
        <source>Nama di berkas tidak sama dengan nama peserta ber-NIK ini; tidak diterapkan. Periksa NIK dan nama di berkas BPJS.</source>
        <translation>The name in the file differs from the name of the worker with this NIK; not applied. Check the NIK and the name in the BPJS file.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="98"/>
        <source>Peserta ini sudah aktif dengan nomor KPJ ini tetapi dengan tanggal kepesertaan (TMT) lain; tidak diubah. Bila tanggal yang tercatat salah, urungkan jawaban yang menerapkannya lalu baca lagi.</source>
        <translation>This worker is already active with this KPJ number but with another membership date (TMT); not changed. If the recorded date is wrong, undo the answer that applied it and read the file again.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="101"/>
        <source>NIK ini mendapat dua jawaban berbeda dalam berkas ini (nomor KPJ atau TMT lain); tidak diterapkan.</source>
        <translation>This NIK gets two different answers in this file (another KPJ number or TMT); not applied.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="103"/>
        <source>NIK ini ditolak di baris ini setelah diberi nomor KPJ di baris sebelumnya; tidak diterapkan. Tanyakan ke BPJS mana yang benar.</source>
        <translation>This NIK is refused in this row after getting a KPJ number in an earlier row; not applied. Ask BPJS which is right.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="158"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="158"/>
        <source>nomor KPJ</source>
        <translation>KPJ number</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="159"/>
        <source>tanggal kepesertaan (TMT)</source>
        <translation>membership date (TMT)</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="160"/>
        <source>keterangan</source>
        <translation>reason</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="160"/>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="161"/>
        <source>nama</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="267"/>
        <source>Peserta ini sudah aktif dengan nomor KPJ lain.</source>
        <translation>This worker is already active with another KPJ number.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="275"/>
        <source>Nomor KPJ ini sudah dipakai peserta lain.</source>
        <translation>This KPJ number is already held by another worker.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="293"/>
        <source>Peserta ini sudah aktif; penolakan tidak diterapkan.</source>
        <translation>This worker is already active; the refusal was not applied.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="376"/>
        <source>Peserta ini sudah ditolak; ajukan lagi setelah diperbaiki.</source>
        <translation>This worker was already refused; submit again once corrected.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/answers.py" line="377"/>
        <source>Peserta ini belum diajukan ke BPJS.</source>
        <translation>This worker has not been submitted to BPJS.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/payments.py" line="131"/>
        <source>Tidak ada peserta yang dapat dibayar: hanya peserta yang sudah diajukan atau aktif.</source>
        <translation>No worker can be paid for: only submitted or active workers.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/payments.py" line="138"/>
        <source>Tidak ada kredit BAZNAS yang dapat dipakai (kredit yang menunggu jawaban BPJS belum dapat dipakai).</source>
        <translation>There is no BAZNAS credit to use (credit waiting for BPJS&apos;s answer cannot be used yet).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/payments.py" line="203"/>
        <source>Tidak ada kredit BAZNAS yang dapat dikembalikan (kredit yang menunggu jawaban BPJS belum dapat dikembalikan).</source>
        <translation>There is no BAZNAS credit to return (credit waiting for BPJS&apos;s answer cannot be returned yet).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/payments.py" line="207"/>
        <source>Kredit BAZNAS yang dapat dikembalikan {usable}: jumlah {amount} tidak dapat dikembalikan.</source>
        <translation>BAZNAS credit that can be returned: {usable}; {amount} cannot be returned.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/payments.py" line="230"/>
        <source>Sumber dana {fund} tidak dikenal: pilih zakat, infak atau sedekah.</source>
        <translation>Unknown fund {fund}: choose zakat, infak or sedekah.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/payments.py" line="238"/>
        <source>Jumlah pembayaran tidak boleh negatif.</source>
        <translation>The amount paid cannot be negative.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/payments.py" line="240"/>
        <source>Jumlah pembayaran paling banyak {max}: lebih dari iuran seluruh peserta cabang selama 60 bulan. Periksa angkanya (kelebihan digit?).</source>
        <translation>A payment is at most {max}: more than the contributions of every worker of the branch for 60 months. Check the figure (a digit too many?).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/payments.py" line="253"/>
        <source>Jumlah hari harus 0 sampai {max}: masa perlindungan paling lama 5 tahun ke depan.</source>
        <translation>The number of days must be 0 to {max}: coverage runs at most 5 years ahead.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/payments.py" line="276"/>
        <location filename="../../desktop/services/membership/payments.py" line="338"/>
        <source>Sebutkan batch atau daftar No. Registrasi yang dibayar.</source>
        <translation>Name the batch or the registration numbers paid for.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/ledger.py" line="126"/>
        <location filename="../../desktop/services/membership/payments.py" line="261"/>
        <location filename="../../desktop/services/reporting.py" line="130"/>
        <source>Batch {batch} tidak dikenal.</source>
        <translation>Batch {batch} is unknown.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/payments.py" line="125"/>
        <source>Transfer {reference} sudah dicatat sebagai pembayaran {payment}; satu transfer dicatat sekali. Periksa daftar pembayaran, atau tulis referensi transfer yang lain.</source>
        <translation>Transfer {reference} is already recorded as payment {payment}; a transfer is recorded once. Check the payments, or enter another transfer reference.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/payments.py" line="286"/>
        <source>{n} No. Registrasi tidak dikenal.</source>
        <translation>{n} registration numbers are unknown.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/payments.py" line="309"/>
        <source>Tidak ada peserta yang perlindungannya berakhir dalam {days} hari.</source>
        <translation>No worker&apos;s coverage ends within {days} days.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/baznas.py" line="61"/>
        <source>Tanggal laporan harus antara {first} dan {last}.</source>
        <translation>Report dates must be between {first} and {last}.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/baznas.py" line="75"/>
        <source>Tidak ada pembayaran BAZNAS antara {start} dan {end}.</source>
        <translation>No BAZNAS payment between {start} and {end}.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/settings.py" line="37"/>
        <source>Pengaturan tidak boleh bernilai negatif.</source>
        <translation>Settings cannot be negative.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/settings.py" line="39"/>
        <source>Umur minimal harus lebih kecil dari umur maksimal.</source>
        <translation>The minimum age must be below the maximum age.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/settings.py" line="41"/>
        <source>Lama perlindungan: 1 sampai 120 bulan.</source>
        <translation>Coverage: 1 to 120 months.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/settings.py" line="43"/>
        <source>Umur maksimal paling banyak 120 tahun.</source>
        <translation>The maximum age is at most 120 years.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/settings.py" line="45"/>
        <source>Batas penghasilan wajar harus 1 sampai {max} rupiah.</source>
        <translation>The plausible income limit must be 1 to {max} rupiah.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/settings.py" line="48"/>
        <source>Upah yang dilaporkan untuk JKK harus kelipatan Rp 100.000 dari {low} sampai {high} (tingkat penghasilan peserta BPU di BPJS Ketenagakerjaan).</source>
        <translation>The wage reported for JKK must be a multiple of Rp 100.000 from {low} to {high} (the income levels for BPU members at BPJS Ketenagakerjaan).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/events.py" line="87"/>
        <source>Peristiwa kepesertaan tidak sah: {problems}</source>
        <translation>Invalid membership event: {problems}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/undo.py" line="76"/>
        <source>data sudah dihapus; riwayatnya tetap seperti saat dihapus</source>
        <translation>the record was deleted; its history stays as it was when deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/undo.py" line="77"/>
        <source>sudah diajukan lagi dalam batch baru setelah jawaban ini; tetap seperti sekarang</source>
        <translation>submitted again in a new batch after this answer; stays as it is</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/undo.py" line="134"/>
        <source>Kode jawaban BPJS &quot;{answer}&quot; tidak sah: tulis kodenya seperti di daftar jawaban (lindung bpjs answers), paling sedikit {count} karakter.</source>
        <translation>The BPJS answer code &quot;{answer}&quot; is not valid: write the code as in the list of answers (lindung bpjs answers), at least {count} characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/undo.py" line="144"/>
        <source>Kode {answer} cocok dengan {count} jawaban BPJS; tulis kodenya lebih panjang.</source>
        <translation>Code {answer} matches {count} BPJS answers; write more of the code.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/undo.py" line="151"/>
        <source>Tidak ada jawaban BPJS dengan kode {answer} di laptop ini; lihat daftarnya dengan lindung bpjs answers (atau sinkronkan dulu bila jawaban dibaca di laptop cabang lain).</source>
        <translation>No BPJS answer with code {answer} on this laptop; see the list with lindung bpjs answers (or sync first if the answer was read on another branch laptop).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/undo.py" line="194"/>
        <source>Jawaban BPJS {file} ({answer}) sudah diurungkan pada {at} oleh {by}; tidak ada yang diubah.</source>
        <translation>BPJS answer {file} ({answer}) was already undone on {at} by {by}; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/undo.py" line="199"/>
        <source>Jawaban BPJS {file} tidak dapat diurungkan: semua {count} pesertanya sudah diajukan lagi dalam batch baru atau sudah dihapus setelah jawaban ini. Tidak ada yang diubah.</source>
        <translation>BPJS answer {file} cannot be undone: all {count} of its workers were submitted again in a new batch or deleted after this answer. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/rates.py" line="21"/>
        <source>Berkas tarif iuran {name} salah di baris {row}: {reason}</source>
        <translation>The contribution rates file {name} is wrong at row {row}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/rates.py" line="22"/>
        <source>Berkas tarif iuran {name} tidak dapat dibaca: {reason}</source>
        <translation>The contribution rates file {name} cannot be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/bpjs_bill.py" line="66"/>
        <source>Berkas {name} bukan tagihan iuran BPJS yang dikenal: tidak ada lembar dengan kolom NIK atau No KPJ, kolom periode (Periode, Bulan Iuran) dan kolom jumlah iuran (Jumlah Iuran, atau Iuran JKK dan Iuran JKM) di 20 baris pertamanya. Lembar yang ada: {sheets}.</source>
        <translation>File {name} is not a BPJS contribution bill Lindung knows: no sheet has a NIK or KPJ column, a period column (Periode, Bulan Iuran) and a contribution amount column (Jumlah Iuran, or Iuran JKK and Iuran JKM) in its first 20 rows. Sheets in the file: {sheets}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/bpjs_bill.py" line="70"/>
        <source>NIK dan nomor KPJ tidak terbaca (NIK 16 digit atau KPJ 11 digit).</source>
        <translation>Neither the NIK nor the KPJ number can be read (a NIK has 16 digits, a KPJ 11).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/bpjs_bill.py" line="71"/>
        <source>Periode tidak terbaca; tulis bulannya seperti 12-2026, Desember 2026 atau 01-2027 s/d 12-2027.</source>
        <translation>The period cannot be read; write the month like 12-2026, Desember 2026 or 01-2027 s/d 12-2027.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/bpjs_bill.py" line="73"/>
        <source>Periode lebih dari 60 bulan atau berakhir sebelum mulainya; periksa periodenya.</source>
        <translation>The period is longer than 60 months or ends before it begins; check the period.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/bpjs_bill.py" line="75"/>
        <source>Jumlah iuran kosong atau tidak terbaca (rupiah bulat, tidak negatif).</source>
        <translation>The contribution amount is empty or unreadable (whole rupiah, not negative).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/bill.py" line="42"/>
        <source>Peserta tidak ada di Lindung (NIK dan nomor KPJ tidak dikenal).</source>
        <translation>The worker is not in Lindung (NIK and KPJ number unknown).</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/bill.py" line="43"/>
        <source>Peserta belum aktif, ditolak BPJS atau dihapus di Lindung: BAZNAS tidak membayar bulan ini.</source>
        <translation>The worker is not active yet, was refused by BPJS or was deleted in Lindung: BAZNAS did not pay for this month.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/bill.py" line="45"/>
        <source>Bulan ini tidak dibayar BAZNAS untuk peserta ini.</source>
        <translation>BAZNAS did not pay this month for this worker.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/bill.py" line="46"/>
        <source>Bulan ini ditagih lebih dari sekali dalam tagihan ini.</source>
        <translation>This month is charged more than once in this bill.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/bill.py" line="47"/>
        <source>Bulan ini dibayar BAZNAS tetapi tidak ada di tagihan BPJS.</source>
        <translation>BAZNAS paid this month but it is not on BPJS&apos;s bill.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/membership/bill.py" line="48"/>
        <source>Jumlah yang ditagih berbeda dengan iuran bulan itu.</source>
        <translation>The amount charged differs from that month&apos;s contribution.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/recovery.py" line="45"/>
        <source>Hanya admin yang dapat membuat kode pemulihan.</source>
        <translation>Only an admin can make a recovery code.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/recovery.py" line="63"/>
        <source>&quot;{name}&quot; bukan akun admin di laptop ini. Kode pemulihan hanya mengatur ulang kata sandi admin; admin yang masuk lalu mengatur ulang akun lain.</source>
        <translation>&quot;{name}&quot; is not an admin account on this laptop. A recovery code resets only an admin password; the admin then signs in and resets other accounts.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claim_rules.py" line="22"/>
        <source>Berkas aturan klaim {name} salah di baris {row}: {reason}</source>
        <translation>The claim rules file {name} is wrong at row {row}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/services/claim_rules.py" line="23"/>
        <source>Berkas aturan klaim {name} tidak dapat dibaca: {reason}</source>
        <translation>The claim rules file {name} cannot be read: {reason}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="26"/>
        <source>Pengaturan program</source>
        <translation>Programme settings</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="39"/>
        <location filename="../../desktop/gui/settings_dialog.py" line="40"/>
        <source> tahun</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="41"/>
        <source> bulan</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="48"/>
        <source>Tingkat penghasilan yang dikirim ke BPJS untuk setiap peserta; iuran JKK 1% darinya (Rp 1.000.000 → Rp 10.000). Penghasilan asli peserta tetap tersimpan. Pengajuan dan pembayaran yang sudah dicatat tidak berubah.</source>
        <translation>The income level sent to BPJS for every worker; the JKK contribution is 1% of it (Rp 1.000.000 → Rp 10.000). Each worker&apos;s actual income stays on record. Submissions and payments already recorded do not change.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="51"/>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="52"/>
        <source>tidak pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="53"/>
        <source>Umur minimal peserta</source>
        <translation>Minimum age of participants</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="54"/>
        <source>Umur maksimal (di bawah umur ini)</source>
        <translation>Maximum age (under this age)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="55"/>
        <source>Lama perlindungan</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="56"/>
        <source>Penghasilan di atas ini diberi peringatan</source>
        <translation>Incomes above this get a warning</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="57"/>
        <source>Upah yang dilaporkan untuk JKK</source>
        <translation>Wage reported for JKK</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="58"/>
        <source>Kunci jendela bila tidak dipakai</source>
        <translation>Lock the window when idle for</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="65"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="66"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/settings_dialog.py" line="93"/>
        <source>Pengaturan disimpan.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="112"/>
        <source>Ajukan ke BPJS</source>
        <translation>Submit to BPJS</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="113"/>
        <source>Lindung menulis berkas pendaftaran kolektif (Excel) untuk peserta yang siap: data lengkap dan sah, tidak menunggu tinjauan di hub, belum pernah diajukan (atau ditolak BPJS lalu sudah diperbaiki). Unggah berkas itu ke BPJS Ketenagakerjaan; peserta di dalamnya menjadi &quot;Diajukan ke BPJS&quot;.</source>
        <translation>Lindung writes the collective registration file (Excel) for the workers who are ready: complete and valid data, not waiting for review at the hub, never submitted (or refused by BPJS and corrected since). Upload that file to BPJS Ketenagakerjaan; the workers in it become &quot;Submitted to BPJS&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="117"/>
        <location filename="../../desktop/gui/membership_window.py" line="118"/>
        <source>Semua kabupaten/kota</source>
        <translation>All regencies/cities</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="121"/>
        <location filename="../../desktop/gui/membership_window.py" line="122"/>
        <source>Semua sekolah</source>
        <translation>All schools</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="126"/>
        <source>nama, NIK atau No. Registrasi (boleh kosong)</source>
        <translation>name, NIK or registration no. (may be empty)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="130"/>
        <source>semua yang siap</source>
        <translation>all who are ready</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="131"/>
        <source>&amp;Kabupaten/kota</source>
        <translation>&amp;Regency/city</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="132"/>
        <source>&amp;Sekolah</source>
        <translation>&amp;School</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="133"/>
        <source>&amp;Cari</source>
        <translation>S&amp;earch</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="134"/>
        <source>Bulan &amp;dibayar BAZNAS</source>
        <translation>Months &amp;paid by BAZNAS</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="135"/>
        <source>&amp;Paling banyak</source>
        <translation>At &amp;most</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="137"/>
        <source>Menghitung peserta yang siap…</source>
        <translation>Counting the workers who are ready…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="148"/>
        <source>&amp;Tulis berkas pengajuan…</source>
        <translation>&amp;Write the submission file…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="186"/>
        <source>{count} peserta siap diajukan ke BPJS.</source>
        <translation>{count} workers are ready to be submitted to BPJS.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="188"/>
        <source>Tidak ada peserta yang siap diajukan dengan saringan ini.</source>
        <translation>No worker is ready to be submitted with these filters.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="191"/>
        <source>Belum siap: {reasons}. Perbaiki datanya dari daftar peserta (saringan status &quot;Ditolak BPJS&quot; menunjukkan yang ditolak); yang ditolak BPJS siap lagi setelah datanya diubah.</source>
        <translation>Not ready: {reasons}. Correct their data from the list of workers (the status filter &quot;Refused by BPJS&quot; shows the refused ones); those refused by BPJS are ready again once their data changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="202"/>
        <source>&amp;Tulis berkas pengajuan ({count} peserta)…</source>
        <translation>&amp;Write the submission file ({count} workers)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="207"/>
        <source>Simpan berkas pengajuan BPJS</source>
        <translation>Save the BPJS submission file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="220"/>
        <source>Batch {batch}: {count} peserta ditulis ke {name}. Unggah berkas ini ke BPJS; bila jawabannya datang, pilih &quot;Baca jawaban BPJS…&quot;.</source>
        <translation>Batch {batch}: {count} workers written to {name}. Upload this file to BPJS; when the answer comes, choose &quot;Read BPJS&apos;s answer…&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="230"/>
        <source>Tidak ada peserta yang siap diajukan ke BPJS.</source>
        <translation>No worker is ready to be submitted to BPJS.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="232"/>
        <source>Belum siap: {reasons}.</source>
        <translation>Not ready: {reasons}.</translation>
    </message>
</context>
<context>
    <name>SyncControl</name>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="63"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="119"/>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="122"/>
        <source>Sinkron terakhir: {last} · {count} menunggu dikirim</source>
        <translation>Last sync: {last} · {count} waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="125"/>
        <source>{count} perlu ditinjau</source>
        <translation>{count} to review</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="129"/>
        <location filename="../../desktop/gui/sync_control.py" line="189"/>
        <source>belum terdaftar di hub</source>
        <translation>not registered with the hub</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="143"/>
        <source>Menyinkronkan…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="151"/>
        <source>mengirim</source>
        <translation>sending</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="151"/>
        <source>mengambil</source>
        <translation>fetching</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="152"/>
        <source>Menyinkronkan: {what} {count}…</source>
        <translation>Syncing: {what} {count}…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="164"/>
        <source>terkirim {pushed}, diterima {pulled}, konflik {conflicts}</source>
        <translation>sent {pushed}, received {pulled}, conflicts {conflicts}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="167"/>
        <source>{count} data dari hub disisihkan</source>
        <translation>{count} records from the hub set aside</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="168"/>
        <source>Data dari hub dengan NIK atau nomor registrasi yang sama dengan data di laptop ini disisihkan; hub menandainya untuk ditinjau.</source>
        <translation>Records from the hub with the same NIK or registration number as a record on this laptop were set aside; the hub flags them for review.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="171"/>
        <source>{count} NIK sudah terdaftar di wilayah lain</source>
        <translation>{count} NIKs already enrolled in another area</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="172"/>
        <source>NIK ini sudah terdaftar di wilayah lain: {numbers}. Hub menandainya untuk ditinjau.</source>
        <translation>These NIKs are already enrolled in another area: {numbers}. The hub flags them for review.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="175"/>
        <source>{count} data ditolak hub (Data → Perubahan yang ditolak hub)</source>
        <translation>{count} records refused by the hub (Data → Changes the hub refused)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="177"/>
        <source>Alasan hub: {reason}</source>
        <translation>The hub says: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="179"/>
        <source>catatan audit ditolak hub, hubungi admin cabang</source>
        <translation>audit log refused by the hub, contact the branch admin</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="188"/>
        <source>Admin mendaftarkan laptop ini di menu Pengaturan → Hub dan sinkronisasi.</source>
        <translation>The admin registers this laptop in the menu Settings → Hub and sync.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="193"/>
        <source>gagal: {reason}; dicoba lagi dalam {s} detik</source>
        <translation>failed: {reason}; retrying in {s} seconds</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sync_control.py" line="197"/>
        <source>gagal: {reason}</source>
        <translation>failed: {reason}</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="585"/>
        <source>Templat berkas pengajuan BPJS</source>
        <translation>BPJS submission file template</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="586"/>
        <source>Bila cabang memakai templat unggah BPJS sendiri, muat berkas templatnya (cukup baris judulnya): berkas pengajuan lalu memakai nama dan urutan kolom templat itu. Kolom yang tidak dikenal dibiarkan kosong.</source>
        <translation>When the branch uses its own BPJS upload template, load the template file (its header row is enough): submission files then use that template&apos;s column names and order. Columns Lindung does not know are left empty.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="592"/>
        <source>Kolom di berkas pengajuan</source>
        <translation>Column in the submission file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="592"/>
        <source>Diisi Lindung dengan</source>
        <translation>Lindung fills it with</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="594"/>
        <source>&amp;Muat templat cabang…</source>
        <translation>&amp;Load the branch&apos;s template…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="595"/>
        <source>&amp;Pakai kolom bawaan Lindung</source>
        <translation>&amp;Use Lindung&apos;s own columns</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="606"/>
        <source>Sekarang: kolom bawaan Lindung ({count} kolom).</source>
        <translation>Now: Lindung&apos;s own columns ({count} columns).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="607"/>
        <source>Sekarang: templat cabang, {count} kolom ({filled} diisi Lindung).</source>
        <translation>Now: the branch&apos;s template, {count} columns ({filled} filled by Lindung).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="614"/>
        <source>(dibiarkan kosong)</source>
        <translation>(left empty)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="618"/>
        <source>Pilih templat BPJS cabang</source>
        <translation>Choose the branch&apos;s BPJS template</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="625"/>
        <source>Templat {name} dimuat: {count} kolom.</source>
        <translation>Template {name} loaded: {count} columns.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="631"/>
        <source>Berkas pengajuan kembali memakai kolom bawaan Lindung.</source>
        <translation>Submission files use Lindung&apos;s own columns again.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="231"/>
        <source>Nama wajib diisi.</source>
        <translation>The name is required.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="232"/>
        <source>No. KK ini tidak disimpan; peserta tetap didaftarkan. Perbaiki No. KK dari Kartu Keluarga bila sudah ada.</source>
        <translation>This family card number is not saved; the participant is still enrolled. Correct the number from the Kartu Keluarga when it is at hand.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="250"/>
        <source>Nama terlalu panjang (maksimal 100 huruf).</source>
        <translation>The name is too long (100 letters at most).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="252"/>
        <source>Nama tidak boleh berisi angka.</source>
        <translation>A name cannot contain digits.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="254"/>
        <source>Nama hanya boleh berisi huruf, spasi, titik, koma, tanda hubung dan apostrof.</source>
        <translation>A name may only contain letters, spaces, dots, commas, hyphens and apostrophes.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="266"/>
        <source>Tanggal wajib diisi.</source>
        <translation>The date is required.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="270"/>
        <source>Tanggal &quot;{text}&quot; tidak dapat dibaca. Tulis seperti 17-08-1980.</source>
        <translation>The date &quot;{text}&quot; cannot be read. Write it like 17-08-1980.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="281"/>
        <source>Pilih salah satu.</source>
        <translation>Choose one.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="283"/>
        <source>Pilihan &quot;{value}&quot; tidak dikenal.</source>
        <translation>Unknown choice &quot;{value}&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="349"/>
        <source>NIK sama dengan No. KK: yang tertulis di kolom NIK adalah nomor Kartu Keluarga. Isi NIK dari KTP.</source>
        <translation>NIK equals the family card number: the NIK column holds the Kartu Keluarga number. Enter the NIK from the ID card (KTP).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="362"/>
        <source>Tempat lahir wajib diisi.</source>
        <translation>The place of birth is required.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="368"/>
        <source>Tanggal lahir tidak boleh di masa depan.</source>
        <translation>The date of birth cannot be in the future.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="372"/>
        <source>Umur {age} tahun: peserta minimal berumur {min} tahun.</source>
        <translation>Age {age}: participants must be at least {min}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="374"/>
        <source>Umur {age} tahun: peserta harus berumur di bawah {max} tahun.</source>
        <translation>Age {age}: participants must be under {max}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="378"/>
        <source>Tanggal lahir tidak cocok dengan NIK (NIK menunjukkan {nikdate}). Periksa keduanya; mungkin yang diketik No. KK?</source>
        <translation>The date of birth does not match the NIK (the NIK says {nikdate}). Check both; was the family-card number typed instead?</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="382"/>
        <source>Jenis kelamin tidak cocok dengan NIK: tanggal pada NIK ({day}) menunjukkan {sex}.</source>
        <translation>The sex does not match the NIK: the day in the NIK ({day}) means {sex}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="388"/>
        <source>Alamat wajib diisi.</source>
        <translation>The address is required.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="390"/>
        <source>Alamat terlalu panjang (maksimal 200 huruf).</source>
        <translation>The address is too long (200 letters at most).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="305"/>
        <source>Pilih kabupaten/kota.</source>
        <translation>Choose the regency/city.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="306"/>
        <source>Pilih kecamatan.</source>
        <translation>Choose the district.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="307"/>
        <source>Pilih desa/kelurahan.</source>
        <translation>Choose the village.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="320"/>
        <source>Kode wilayah {code} tidak ada di Kalimantan Barat.</source>
        <translation>Region code {code} does not exist in West Kalimantan.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="322"/>
        <source>{name} tidak berada di wilayah yang dipilih di atasnya.</source>
        <translation>{name} does not lie in the region chosen above it.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="403"/>
        <source>Tanpa No. HP peserta sulit dihubungi saat klaim.</source>
        <translation>Without a mobile number the participant is hard to reach for a claim.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="419"/>
        <source>Tuliskan pekerjaannya bila memilih &quot;Lainnya&quot;.</source>
        <translation>Write the occupation when choosing &quot;Other&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="429"/>
        <source>Penghasilan per bulan wajib diisi.</source>
        <translation>The monthly income is required.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="431"/>
        <source>Penghasilan harus berupa angka rupiah, misalnya 1.500.000.</source>
        <translation>The income must be an amount in rupiah, e.g. 1.500.000.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="433"/>
        <source>Penghasilan di atas Rp {limit} tidak lazim untuk pekerja rentan. Periksa kembali.</source>
        <translation>An income above Rp {limit} is unusual for a vulnerable worker. Please check.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="437"/>
        <source>Nama ahli waris wajib diisi (penerima santunan JKM).</source>
        <translation>The heir&apos;s name is required (they receive the JKM benefit).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="439"/>
        <source>Ahli waris sama dengan nama peserta. Isi nama anggota keluarga yang menerima santunan.</source>
        <translation>The heir has the participant&apos;s own name. Enter the family member who would receive the benefit.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="447"/>
        <source>NPSN harus 8 digit angka.</source>
        <translation>The NPSN must be 8 digits.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/enrollment.py" line="451"/>
        <source>Pilih sekolah siswa, atau kosongkan nama siswa dan kelas.</source>
        <translation>Choose the pupil&apos;s school, or leave the pupil&apos;s name and class empty.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="92"/>
        <source>NIK wajib diisi.</source>
        <translation>The NIK is required.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="94"/>
        <source>NIK hanya boleh berisi angka.</source>
        <translation>A NIK contains digits only.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="97"/>
        <source>NIK harus 16 digit (sekarang {n} digit).</source>
        <translation>A NIK has 16 digits (this one has {n}).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="103"/>
        <source>Kode provinsi {code} pada NIK tidak ada.</source>
        <translation>Province code {code} in the NIK does not exist.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="105"/>
        <source>Kode kabupaten/kota {code} pada NIK tidak ada.</source>
        <translation>Regency/city code {code} in the NIK does not exist.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="107"/>
        <source>Kode kecamatan pada NIK tidak boleh 00.</source>
        <translation>The district code in a NIK cannot be 00.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="111"/>
        <source>Tanggal lahir pada NIK ({ddmmyy}) bukan tanggal yang ada.</source>
        <translation>The birth date in the NIK ({ddmmyy}) is not a real date.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="113"/>
        <source>Nomor urut NIK tidak boleh 0000.</source>
        <translation>The NIK&apos;s serial cannot be 0000.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="123"/>
        <source>NIK diterbitkan di luar Kalimantan Barat ({province}). Pastikan NIK benar.</source>
        <translation>The NIK was issued outside West Kalimantan ({province}). Make sure it is right.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="126"/>
        <source>Kode kabupaten/kota {code} pada NIK tidak ada di Kalimantan Barat.</source>
        <translation>Regency/city code {code} in the NIK does not exist in West Kalimantan.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="130"/>
        <source>Kode kecamatan {code} pada NIK tidak ada dalam daftar wilayah terbaru.</source>
        <translation>District code {code} in the NIK is not in the current region list.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="142"/>
        <source>No. KK hanya boleh berisi angka.</source>
        <translation>The family card number may contain digits only.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="144"/>
        <source>No. KK harus 16 digit (sekarang {n} digit).</source>
        <translation>The family card number must have 16 digits (now {n}).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="149"/>
        <source>Kode provinsi {code} pada No. KK tidak ada.</source>
        <translation>Province code {code} in the family card number does not exist.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="151"/>
        <source>Kode kabupaten/kota {code} pada No. KK tidak ada.</source>
        <translation>Regency/city code {code} in the family card number does not exist.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="153"/>
        <source>Kode kecamatan pada No. KK tidak boleh 00.</source>
        <translation>The district code in the family card number cannot be 00.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="156"/>
        <source>Tanggal terbit pada No. KK ({ddmmyy}) bukan tanggal yang ada; mungkin yang diketik NIK?</source>
        <translation>The issue date in the family card number ({ddmmyy}) is not a real date; was a NIK typed instead?</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="160"/>
        <source>Nomor urut No. KK tidak boleh 0000.</source>
        <translation>The serial of the family card number cannot be 0000.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="164"/>
        <source>No. KK diterbitkan di luar Kalimantan Barat ({province}). Pastikan nomornya benar.</source>
        <translation>The family card was issued outside West Kalimantan ({province}). Make sure the number is right.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/nik.py" line="167"/>
        <source>Kode kabupaten/kota {code} pada No. KK tidak ada di Kalimantan Barat.</source>
        <translation>Regency/city code {code} in the family card number does not exist in West Kalimantan.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/phone.py" line="50"/>
        <source>No. HP tidak dapat dibaca. Tulis seperti 0812-3456-7890 atau +62 812-3456-7890.</source>
        <translation>The mobile number cannot be read. Write it like 0812-3456-7890 or +62 812-3456-7890.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/phone.py" line="52"/>
        <source>No. HP harus nomor Indonesia (+62).</source>
        <translation>The mobile number must be Indonesian (+62).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/phone.py" line="62"/>
        <source>No. HP tidak valid: periksa jumlah digit (08xx, 10–13 digit).</source>
        <translation>Invalid mobile number: check the digits (08xx, 10–13 digits).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/phone.py" line="64"/>
        <source>Nomor ini bukan nomor HP (seluler). Isi nomor HP yang diawali 08.</source>
        <translation>This is not a mobile number. Enter a mobile number starting with 08.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/importing.py" line="174"/>
        <source>NIK tersimpan sebagai angka di Excel, sehingga digit terakhirnya hilang (Excel hanya menyimpan 15 digit). Ubah format kolom NIK menjadi Teks lalu ketik ulang NIK dari KTP.</source>
        <translation>The NIK was stored as a number in Excel, so its last digit was lost (Excel keeps only 15 digits). Format the NIK column as Text and type the NIK again from the ID card.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/importing.py" line="180"/>
        <source>No. KK tersimpan sebagai angka di Excel, sehingga digit terakhirnya hilang (Excel hanya menyimpan 15 digit); peserta tetap didaftarkan tanpa No. KK. Ubah format kolom No. KK menjadi Teks lalu ketik ulang nomornya dari Kartu Keluarga.</source>
        <translation>The family card number was stored as a number in Excel, so its last digit was lost (Excel keeps only 15 digits); the participant is still enrolled, without a family card number. Format the family card number column as Text and type the number again from the Kartu Keluarga.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/importing.py" line="206"/>
        <source>NIK tersimpan sebagai angka; simpan kolom NIK sebagai Teks agar tidak rusak.</source>
        <translation>The NIK was stored as a number; keep the NIK column as Text so it is not damaged.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/importing.py" line="561"/>
        <source>Isi kabupaten/kota: kecamatan &quot;{name}&quot; tidak bisa dipastikan tanpanya.</source>
        <translation>Fill in the regency/city: district &quot;{name}&quot; cannot be identified without it.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/importing.py" line="582"/>
        <source>Kabupaten/kota &quot;{name}&quot; tidak ada di Kalimantan Barat.</source>
        <translation>Regency/city &quot;{name}&quot; is not in West Kalimantan.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/importing.py" line="584"/>
        <source>Kecamatan &quot;{name}&quot; tidak ditemukan di {within}.</source>
        <translation>District &quot;{name}&quot; was not found in {within}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/importing.py" line="586"/>
        <source>Desa/kelurahan &quot;{name}&quot; tidak ditemukan di Kecamatan {within}.</source>
        <translation>Village &quot;{name}&quot; was not found in district {within}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/importing.py" line="590"/>
        <source>Kabupaten/kota &quot;{name}&quot; tidak ada di Kalimantan Barat. Maksudnya {suggestion}?</source>
        <translation>Regency/city &quot;{name}&quot; is not in West Kalimantan. Did you mean {suggestion}?</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/importing.py" line="591"/>
        <source>Kecamatan &quot;{name}&quot; tidak ditemukan di {within}. Maksudnya {suggestion}?</source>
        <translation>District &quot;{name}&quot; was not found in {within}. Did you mean {suggestion}?</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/importing.py" line="592"/>
        <source>Desa/kelurahan &quot;{name}&quot; tidak ditemukan di Kecamatan {within}. Maksudnya {suggestion}?</source>
        <translation>Village &quot;{name}&quot; was not found in district {within}. Did you mean {suggestion}?</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/importing.py" line="632"/>
        <source>Tahun lahir {year} tidak cocok dengan NIK (lahir {nikdate}); tanggal lahir diambil dari NIK. Periksa NIK-nya.</source>
        <translation>Year of birth {year} does not match the NIK (born {nikdate}); the birth date is taken from the NIK. Check the NIK.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/importing.py" line="683"/>
        <source>Penghasilan &quot;{bracket}&quot;: Rp 5 juta sebulan atau lebih, hampir tidak termasuk pekerja rentan. Periksa kembali.</source>
        <translation>Income &quot;{bracket}&quot;: Rp 5 million a month or more, hardly a vulnerable worker. Please check.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="336"/>
        <source>Sekolah &quot;{school}&quot; belum terdaftar di Lindung, jadi baris ini belum bisa didaftarkan. Admin menambahkannya (Pengaturan → Sekolah…, atau lindung school add), lalu impor berkas ini lagi.</source>
        <translation>School &quot;{school}&quot; is not registered in Lindung yet, so this row cannot be enrolled yet. The admin adds it (Settings → Schools…, or lindung school add), then import this file again.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="339"/>
        <source>Baris ini tidak menyebut sekolahnya, padahal daftar ini menyebut sekolah di setiap baris. Isi kolom {column}, lalu impor lagi.</source>
        <translation>This row does not name its school, yet this list names a school on every row. Fill in the {column} column, then import again.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="614"/>
        <source>Data tidak lengkap.</source>
        <translation>Incomplete data.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="626"/>
        <source>NIK sama dengan baris {row} di berkas ini; hanya baris {row} yang didaftarkan.</source>
        <translation>Same NIK as row {row} of this file; only row {row} is enrolled.</translation>
    </message>
    <message>
        <location filename="../../desktop/services/importing.py" line="627"/>
        <source>NIK sama dengan {person} di baris {row} berkas ini, tetapi namanya lain; hanya yang di baris {row} yang didaftarkan. Periksa NIK-nya.</source>
        <translation>Same NIK as the {person} in row {row} of this file, but a different name; only the one in row {row} is enrolled. Check the NIK.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/dapodik.py" line="451"/>
        <source>Data {person} kosong di berkas.</source>
        <translation>No data for the {person} in the file.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/dapodik.py" line="454"/>
        <source>Status {person} di berkas: &quot;{status}&quot; (sudah meninggal); tidak didaftarkan.</source>
        <translation>The {person}&apos;s status in the file: &quot;{status}&quot; (deceased); not enrolled.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/dapodik.py" line="471"/>
        <source>&quot;{job}&quot; di Dapodik: pastikan pekerjaannya dan bahwa ia pekerja rentan, lalu perbaiki di sini bila perlu.</source>
        <translation>&quot;{job}&quot; in Dapodik: confirm the occupation and that this is a vulnerable worker, and correct it here if needed.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/dapodik.py" line="475"/>
        <source>NIK {person} tidak ada di berkas. Minta NIK dari KTP atau Kartu Keluarga, lalu isi.</source>
        <translation>The {person}&apos;s NIK is not in the file. Ask for it from the ID card or family card and enter it.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/dapodik.py" line="481"/>
        <source>NIK ini milik {sex}, padahal tercatat sebagai {person}. Periksa NIK-nya.</source>
        <translation>This NIK belongs to a {sex} person, yet recorded as the {person}. Check the NIK.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/dapodik.py" line="485"/>
        <source>Ahli waris {person} tidak diketahui dari Dapodik: isi Nama Ahli Waris dan Hubungan Ahli Waris.</source>
        <translation>The {person}&apos;s heir is not known from Dapodik: enter the heir&apos;s name and relationship.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/eligibility.py" line="121"/>
        <source>Sudah meninggal (pekerjaan tertulis &quot;{job}&quot;): tidak didaftarkan.</source>
        <translation>Deceased (occupation given as &quot;{job}&quot;): not enrolled.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/eligibility.py" line="124"/>
        <source>Pekerjaan &quot;{job}&quot;: tidak bekerja, jadi tidak ada pekerjaan yang dilindungi JKK; program ini untuk pekerja rentan yang bekerja. Bila ia bekerja (mis. berdagang, bertani), tulis pekerjaan itu.</source>
        <translation>Occupation &quot;{job}&quot;: not working, so there is no work for JKK to cover; this programme is for vulnerable workers who work. If they do work (e.g. trading, farming), write that occupation.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/eligibility.py" line="129"/>
        <source>Pekerjaan &quot;{job}&quot;: penerima upah (pegawai, karyawan, pensiunan), bukan pekerja rentan bukan penerima upah (BPU) yang dibiayai program ini; tidak didaftarkan.</source>
        <translation>Occupation &quot;{job}&quot;: a wage earner (employee, staff, pensioner), not a vulnerable non-wage earner (BPU) this programme pays for; not enrolled.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/eligibility.py" line="133"/>
        <source>Pekerjaan &quot;{job}&quot; tidak menyebut pekerjaan apa pun. Tanyakan pekerjaannya (mis. petani, nelayan, pedagang kecil), lalu isi kolom Pekerjaan.</source>
        <translation>Occupation &quot;{job}&quot; names no occupation. Ask what their work is (e.g. farmer, fisher, small trader), then fill in the Occupation column.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/eligibility.py" line="136"/>
        <source>Pekerjaan &quot;{job}&quot;: pastikan ia pekerja rentan (penghasilan kecil, tanpa upah tetap) sebelum didaftarkan; perbaiki pekerjaannya bila perlu.</source>
        <translation>Occupation &quot;{job}&quot;: make sure this is a vulnerable worker (small income, no fixed wage) before enrolling; correct the occupation if needed.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="46"/>
        <source>Isi nama siswa yang didaftarkan lewat sekolah ini, atau kosongkan Sekolah.</source>
        <translation>Fill in the pupil&apos;s name enrolled through this school, or clear School.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="47"/>
        <source>Isi kelas siswa, mis. 5 atau VII A.</source>
        <translation>Fill in the pupil&apos;s class, e.g. 5 or VII A.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="49"/>
        <source>“{text}” tidak ada di daftar, jadi tidak dipakai. Periksa ejaannya, atau tekan ↓ untuk melihat semua pilihan.</source>
        <translation>“{text}” is not in the list, so it is not used. Check the spelling, or press ↓ to see every choice.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrollment_form.py" line="50"/>
        <source>“{text}” tidak ada di desa/kelurahan {kabupaten}. Bila tinggal di kabupaten/kota lain, ubah Kabupaten/Kota dulu.</source>
        <translation>“{text}” is not a village of {kabupaten}. If they live in another kabupaten/city, change Kabupaten/City first.</translation>
    </message>
</context>
<context>
    <name>WorkerTableModel</name>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="44"/>
        <source>No. Registrasi</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="44"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="44"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="44"/>
        <source>Tgl lahir</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="45"/>
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="45"/>
        <source>Kabupaten/Kota</source>
        <translation>Regency/City</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="45"/>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="45"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="46"/>
        <source>No. KPJ</source>
        <translation>KPJ no.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="46"/>
        <source>Dilindungi s.d.</source>
        <translation>Covered until</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="48"/>
        <source>L</source>
        <comment>laki-laki</comment>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="48"/>
        <source>P</source>
        <comment>perempuan</comment>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="119"/>
        <source>Dilindungi sampai {date}</source>
        <translation>Covered until {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="121"/>
        <source>Perlindungan berakhir {date}</source>
        <translation>Coverage ended {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="123"/>
        <source>Hak manfaat terancam:</source>
        <translation>Benefits at risk:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/worker_model.py" line="130"/>
        <source>Hak manfaat terancam</source>
        <translation>Benefits at risk</translation>
    </message>
</context>
<context>
    <name>_PaymentStep</name>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="283"/>
        <source>mis. nomor bukti transfer BAZNAS</source>
        <translation>e.g. BAZNAS&apos;s transfer receipt number</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="286"/>
        <source>yang ditransfer BAZNAS, mis. 5.000.000 (boleh kosong)</source>
        <translation>what BAZNAS transferred, e.g. 5.000.000 (may be empty)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="290"/>
        <source>Dana BAZNAS yang membayar iuran ini: zakat, infak atau sedekah.</source>
        <translation>The BAZNAS fund that pays these contributions: zakat, infak or sedekah.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="291"/>
        <source>&amp;Bulan dibayar</source>
        <translation>&amp;Months paid</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="292"/>
        <source>Sumber &amp;dana</source>
        <translation>&amp;Fund</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="293"/>
        <source>&amp;Referensi</source>
        <translation>&amp;Reference</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="294"/>
        <source>&amp;Jumlah dibayar (Rp)</source>
        <translation>&amp;Amount paid (Rp)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="297"/>
        <source>Menghitung kredit BAZNAS…</source>
        <translation>Counting BAZNAS&apos;s credit…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="298"/>
        <source>Uang BAZNAS untuk bulan yang tidak diterima siapa pun (peserta ditolak, kelebihan transfer) membayar sisa kewajiban, kredit terlama dulu.</source>
        <translation>BAZNAS&apos;s money for months no one received (refused workers, a transfer larger than owed) pays the rest of what is owed, oldest credit first.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="306"/>
        <location filename="../../desktop/gui/membership_window.py" line="331"/>
        <source>Kewajiban dan pembayaran</source>
        <translation>Owed and paid</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="318"/>
        <source>Pakai &amp;kredit BAZNAS (dapat dipakai {amount})</source>
        <translation>Use BAZNAS &amp;credit ({amount} available)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="319"/>
        <source>Tidak ada kredit BAZNAS yang dapat dipakai</source>
        <translation>No BAZNAS credit to use</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="352"/>
        <source>&quot;{text}&quot; bukan jumlah rupiah. Tulis seperti 5.000.000.</source>
        <translation>&quot;{text}&quot; is not an amount in rupiah. Write it like 5.000.000.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/membership_window.py" line="364"/>
        <source>Dicatat: {number}</source>
        <translation>Recorded: {number}</translation>
    </message>
</context>
<context>
    <name>_Step</name>
    <message>
        <location filename="../../desktop/gui/steps.py" line="104"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/steps.py" line="145"/>
        <source>&quot;{text}&quot; bukan jumlah rupiah. Tulis seperti 5.000.000; tidak ada yang dicatat.</source>
        <translation>&quot;{text}&quot; is not an amount in rupiah. Write it like 5.000.000; nothing was recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/steps.py" line="154"/>
        <source> bulan</source>
        <translation> months</translation>
    </message>
</context>
</TS>
