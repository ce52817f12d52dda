#!/usr/bin/env bash
# The system packages the tests drive for real. Installs them with apt when run as root and
# they are missing; otherwise says exactly what to install.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)      # end-to-end tests
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils) # reading generated PDFs back
command -v scanimage >/dev/null 2>&1 || missing+=(sane-utils)    # the desk scanner (SANE test backend)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Paket sistem belum terpasang / missing system packages: ${missing[*]}" >&2
  echo "Pasang dengan / install with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
