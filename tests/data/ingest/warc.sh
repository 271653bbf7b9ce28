# warc.sh -- WARC fixtures; sourced by make.sh (cwd: tests/data/ingest).
# rec TYPE URI FILE CONTENT-TYPE [VERSION]: one record on stdout
rec() {
  printf '%s\r\nWARC-Type: %s\r\n' "${5:-WARC/1.0}" "$1"
  [ -n "$2" ] && printf 'WARC-Target-URI: %s\r\n' "$2"
  printf 'WARC-Date: 2026-10-14T08:%02d:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n' $((${#2} % 60)) ${#2}
  printf 'Content-Type: %s\r\nContent-Length: %d\r\n\r\n' "$4" "$(wc -c < "$3")"
  cat "$3"
  printf '\r\n\r\n'
}
# http STATUS CONTENT-TYPE BODY-FILE [EXTRA-HEADER]: an HTTP response on stdout
http() {
  printf 'HTTP/1.1 %s\r\nServer: test\r\n' "$1"
  [ -n "$2" ] && printf 'Content-Type: %s\r\n' "$2"
  [ -n "${4:-}" ] && printf '%s\r\n' "$4"
  printf 'Content-Length: %d\r\n\r\n' "$(wc -c < "$3")"
  cat "$3"
}
T=$(mktemp -d)
printf 'software: recoupe tests\r\nformat: WARC File Format 1.1\r\n' > $T/info
printf 'GET /crue HTTP/1.1\r\nHost: www.example.fr\r\n\r\n' > $T/req
printf '<!DOCTYPE html><html><head><title>Crue</title></head><body><p>La Loire a atteint 6,20 mètres à Orléans mardi soir.</p></body></html>\n' > $T/p1
http '200 OK' 'text/html; charset=UTF-8' $T/p1 > $T/r1
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' > $T/png
http '200 OK' 'image/png' $T/png > $T/r2
printf '<html><body>Moved</body></html>' > $T/moved
http '301 Moved Permanently' 'text/html' $T/moved 'Location: https://www.example.fr/new' > $T/r3
printf '<html><body><p>Le préfet de l’Hérault a levé l’alerte à Béziers.</p></body></html>\n' | iconv -f UTF-8 -t CP1252 > $T/p4
http '200 OK' 'text/html; charset=ISO-8859-1' $T/p4 > $T/r4
# chunked transfer coding of a gzip content coding
printf '<html><body><p>Réponse compressée et découpée : le conseil régional vote son budget.</p></body></html>\n' | gzip -n > $T/gz
n=$(wc -c < $T/gz); h=$((n / 2))
{ printf '%x\r\n' $h; head -c $h $T/gz; printf '\r\n%x\r\n' $((n - h)); tail -c $((n - h)) $T/gz; printf '\r\n0\r\n\r\n'; } > $T/chunked
{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n'; cat $T/chunked; } > $T/r5
printf 'Dépêche en texte brut : le trafic reprend sur la ligne Paris-Lyon.\n' > $T/p6
printf 'via: recoupe tests\r\n' > $T/meta
{
  rec warcinfo '' $T/info 'application/warc-fields' WARC/1.1
  rec request 'https://www.example.fr/crue' $T/req 'application/http; msgtype=request' WARC/1.1
  rec response 'https://www.example.fr/crue' $T/r1 'application/http; msgtype=response' WARC/1.1
  rec response 'https://www.example.fr/logo.png' $T/r2 'application/http; msgtype=response' WARC/1.1
  rec response 'https://www.example.fr/old' $T/r3 'application/http; msgtype=response' WARC/1.1
  rec response 'https://www.example.fr/herault' $T/r4 'application/http; msgtype=response' WARC/1.1
  rec response 'https://www.example.fr/budget' $T/r5 'application/http; msgtype=response' WARC/1.1
  rec resource 'https://www.example.fr/depeche.txt' $T/p6 'text/plain; charset=utf-8' WARC/1.1
  rec metadata 'https://www.example.fr/crue' $T/meta 'application/warc-fields' WARC/1.1
} > warc/crawl.warc

# multi-member .warc.gz: three records, the middle one malformed (no Content-Length)
printf '<html><body><p>Premier enregistrement : la neige bloque le col du Lautaret.</p></body></html>\n' > $T/m1
printf '<html><body><p>Troisième enregistrement : le col rouvre samedi.</p></body></html>\n' > $T/m3
http '200 OK' 'text/html' $T/m1 > $T/h1
http '200 OK' 'text/html' $T/m3 > $T/h3
rec response 'https://www.example.fr/m1' $T/h1 'application/http; msgtype=response' | gzip -n > warc/multi.warc.gz
{ printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://www.example.fr/m2\r\nContent-Type: application/http; msgtype=response\r\n\r\n'; cat $T/h1; printf '\r\n\r\n'; } | gzip -n >> warc/multi.warc.gz
rec response 'https://www.example.fr/m3' $T/h3 'application/http; msgtype=response' | gzip -n >> warc/multi.warc.gz

# multi-member .warc.gz whose last member is cut in half
cp warc/multi.warc.gz $T/x
rec response 'https://www.example.fr/m1' $T/h1 'application/http; msgtype=response' | gzip -n > warc/truncated.warc.gz
i=0; while [ $i -lt 40 ]; do printf '<p>Ligne %d du dernier enregistrement, coupé en deux.</p>\n' $i; i=$((i+1)); done > $T/long
http '200 OK' 'text/html' $T/long > $T/hl
rec response 'https://www.example.fr/cut' $T/hl 'application/http; msgtype=response' | gzip -n > $T/last.gz
head -c $(( $(wc -c < $T/last.gz) / 2 )) $T/last.gz >> warc/truncated.warc.gz

# garbage before the first record, then a good one; a record cut short at the end
{ printf 'this is not a WARC header\r\nnor this\r\n'; rec resource 'https://www.example.fr/ok.txt' $T/p6 'text/plain'; } > warc/badversion.warc
{ rec resource 'https://www.example.fr/ok.txt' $T/p6 'text/plain'; rec resource 'https://www.example.fr/long' $T/long 'text/html' | head -c 600; } > warc/cut.warc
rm -rf $T
