#!/usr/bin/env bash
# The system packages the tests drive for real. Installs them with apt when run as root and
# they are missing; otherwise says exactly what to install.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)      # end-to-end tests
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils) # reading generated PDFs back
command -v scanimage >/dev/null 2>&1 || missing+=(sane-utils)    # the desk scanner (SANE test backend)
command -v soxi >/dev/null 2>&1 || missing+=(sox libsox-fmt-base) # measuring the board's voice clips
rt_missing=false
[ -x /usr/sbin/rt-setup-database-5 ] || rt_missing=true          # the backend helpdesk (Request Tracker 5)
[ ${#missing[@]} -eq 0 ] && [ "$rt_missing" = false ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Paket sistem belum terpasang / missing system packages: ${missing[*]} $([ "$rt_missing" = true ] && echo request-tracker5 rt5-db-sqlite rt5-standalone)" >&2
  echo "Pasang dengan apt-get (lihat test/setup/install-system-deps.sh) / install them with apt-get." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ "$rt_missing" = true ]; then
  # Answers for RT's installer, so that it asks nothing and touches no real mail or web server.
  apt-get install -y -qq --no-install-recommends debconf-utils
  printf '%s\n' \
    'request-tracker5 request-tracker5/dbconfig-install boolean true' \
    'request-tracker5 request-tracker5/database-type select sqlite3' \
    'request-tracker5 request-tracker5/rtname string loket.test' \
    'request-tracker5 request-tracker5/organization string loket.test' \
    'request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1:8085' \
    'request-tracker5 request-tracker5/correspondaddress string rt@loket.test' \
    'request-tracker5 request-tracker5/commentaddress string rt-comment@loket.test' \
    'request-tracker5 request-tracker5/install-cronjobs boolean false' | debconf-set-selections
  apt-get install -y -qq --no-install-recommends request-tracker5 rt5-db-sqlite rt5-standalone
fi
