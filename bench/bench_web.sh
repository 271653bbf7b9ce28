#!/bin/sh
# bench_web.sh [DB] [N] -- web UI latency on the OrangeSum 2020 stream store
# (default build/bench-stream.db, built by bench/bench_render.sh): starts
# `recoupe serve` on 127.0.0.1 (free port), then requests, one after the
# other from one curl client, N story pages (default 200: the 40 largest
# stories and the rest spread over the list), N/4 story-list pages with
# filters and N/4 JSON API calls.  Prints mean, median, p95 and max of
# curl's time_total per kind.  Target (issue 7): a story page under 50 ms.
# Results: docs/benchmarks.md "## digests and web".
set -eu
cd "$(dirname "$0")/.."
B=${BUILD:-build}
DB=${1:-$B/bench-stream.db}
N=${2:-200}
[ -f "$DB" ] || { echo "no $DB: run bench/bench_render.sh first"; exit 0; }
command -v curl >/dev/null || { echo "no curl: skipped"; exit 0; }
make --no-print-directory all >/dev/null
T=$(mktemp -d /tmp/bench-web-XXXXXX)
"$B/recoupe" serve --db "$DB" --port 0 >"$T/serve.out" 2>"$T/serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ $i -lt 200 ] && ! grep -q "serving on" "$T/serve.out" 2>/dev/null; do sleep 0.05; i=$((i + 1)); done
url=$(sed -n 's/^serving on \(http:[^ ]*\)\/$/\1/p' "$T/serve.out")
echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); server $url; store $(du -h "$DB" | cut -f1)"
ids() { python3 -c 'import json, sys; print("\n".join(s["id"] for s in json.load(sys.stdin)))'; }
big=""
for m in 40 20 10 5 2; do
  big=$(curl -s "$url/api/stories?min_articles=$m&limit=40" | ids)
  [ "$(echo "$big" | wc -w)" -ge 10 ] && break
done
# the largest first
big=$(for s in $big; do echo "$(curl -s "$url/api/stories/$s" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["articles"]))') $s"; done | sort -rn | cut -d' ' -f2)
total=$(curl -s "$url/api/stories?limit=500" | ids | wc -l)
spread=""
k=0
while [ $k -lt $((N - 40)) ]; do
  spread="$spread $(curl -s "$url/api/stories?limit=1&page=$((k * 37 % 3000 + 1))" | ids)"
  k=$((k + 1))
done
fetch() { # FORMAT URL...: one curl process, sequential requests, keep-alive
  f=$1; shift
  a=""
  for u in "$@"; do a="$a -o /dev/null $u"; done
  curl -s -w "$f" $a
}
# the server's CPU time (user + sys, ms) so far, from /proc
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$pid/stat"; }
stats() { # label, one time (s) a line on stdin
  sort -n | awk -v l="$1" '{ t[NR] = $1 * 1000; s += $1 * 1000 } END {
    if (!NR) { print l ": no samples"; exit }
    p = int(NR * 0.95 + 0.5); if (p < 1) p = 1
    printf "%-32s n=%d mean %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms", l, NR, s / NR,
      t[int((NR + 1) / 2)], t[p], t[NR] }'
}
# timed LABEL FORMAT URL...: the requests, their latency and the server CPU
timed() {
  l=$1; f=$2; shift 2
  c0=$(cpu_ms)
  fetch "$f" "$@" > "$T/timed.txt"
  c1=$(cpu_ms)
  cut -d' ' -f2- "$T/timed.txt" | awk '{ print $NF }' | stats "$l"
  echo "$c0 $c1 $#" | awk '{ printf ", server CPU %.1f ms/request\n", ($2 - $1) / $3 }'
}
# story pages (largest first, then spread), one curl process, sequential
args=""
for s in $big $spread; do args="$args $url/stories/$s"; done
timed "story page (/stories/ID)" '%{http_code} %{time_total}\n' $args
bad=$(grep -vc '^200 ' "$T/timed.txt" || true)
[ "$bad" = 0 ] || echo "  ($bad answers were not 200)"
# the largest story alone
first=$(echo $big | cut -d' ' -f1)
if [ -n "$first" ]; then
  n=$(curl -s "$url/api/stories/$first" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["articles"]))')
  a=""; for j in 1 2 3 4 5 6 7 8 9 10; do a="$a $url/stories/$first"; done
  timed "largest story ($first, $n art.)" '%{time_total}\n' $a
fi
# story list pages with filters, and the JSON API
a=""; for j in $(seq 1 $((N / 8))); do a="$a $url/?page=$j"; done
timed "story list (/?page=N)" '%{time_total}\n' $a
for q in "lang=fr&min_sources=2" "since=2020-03-01&until=2020-03-31" "q=coronavirus" "entity=Macron" "site=actu.orange.fr"; do
  a=""; for j in 1 2 3 4 5; do a="$a $url/?$q"; done
  timed "story list (/?$q)" '%{time_total}\n' $a
done
a=""; for s in $spread; do a="$a $url/api/stories/$s"; done
timed "JSON story (/api/stories/ID)" '%{time_total}\n' $(echo $a | tr ' ' '\n' | head -n $((N / 4)))
echo "stories in store: at least $total"
