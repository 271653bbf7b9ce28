#!/bin/sh
# deps.sh -- install the Debian 12 packages recoupe needs.
#
#   sh scripts/deps.sh                  install (apt-get) whatever is missing
#   sh scripts/deps.sh --check-or-install   same, silent when nothing is missing
#   sh scripts/deps.sh --list           print the package names
#
# Runs apt-get as root, or through sudo; says what it does and what failed.
set -u
PKGS="build-essential pkg-config libutf8proc-dev libstemmer-dev libcld2-dev libmodest-dev
libjansson-dev libxxhash-dev libmicrohttpd-dev libsqlite3-dev zlib1g-dev libuchardet-dev
sqlite3 python3 time clang libclang-rt-14-dev"
# Optional: the browser test (skipped with a message where it cannot be installed).
OPT_PKGS="chromium"

mode=${1:-install}
if [ "$mode" = "--list" ]; then echo $PKGS; exit 0; fi

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
optmissing=""
for p in $OPT_PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || optmissing="$optmissing $p"
done

if [ -z "$missing" ] && [ -z "$optmissing" ]; then
  [ "$mode" = "--check-or-install" ] || echo "deps: all packages are installed."
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"
else
  if [ -n "$missing" ]; then
    echo "deps: missing packages:$missing" >&2
    echo "deps: not root and no sudo; install them with: apt-get install$missing" >&2
    exit 1
  fi
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "deps: installing with apt-get:$missing$optmissing"
if ! $SUDO apt-get update -qq >/tmp/recoupe-apt.log 2>&1; then
  echo "deps: 'apt-get update' failed (see /tmp/recoupe-apt.log); trying the install anyway" >&2
fi
if [ -n "$missing" ]; then
  if ! $SUDO apt-get install -y -qq --no-install-recommends $missing >>/tmp/recoupe-apt.log 2>&1; then
    echo "deps: 'apt-get install$missing' failed; last lines of /tmp/recoupe-apt.log:" >&2
    tail -n 15 /tmp/recoupe-apt.log >&2
    exit 1
  fi
fi
if [ -n "$optmissing" ]; then
  if ! $SUDO apt-get install -y -qq --no-install-recommends $optmissing >>/tmp/recoupe-apt.log 2>&1; then
    echo "deps: optional packages$optmissing could not be installed; the browser test will be skipped." >&2
  fi
fi
echo "deps: done."
