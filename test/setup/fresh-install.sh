#!/usr/bin/env bash
# Proves the README's install on a fresh clone: `npm ci` with a new, empty npm cache and no
# environment variables at all (nothing that could hide a download, such as
# ELECTRON_SKIP_BINARY_DOWNLOAD), on a machine whose only network is the npm registry.
# Usage: bash test/setup/fresh-install.sh [--in-place | REPO]
#   --in-place  install in this checkout itself (CI's clean clone: one install, not two)
#   REPO        clone REPO (default: this checkout) into a temporary folder and install there
set -euo pipefail
work="$(mktemp -d -t loket-fresh-XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/npm-cache"
if [ "${1:-}" = "--in-place" ]; then
  cd "$(dirname "$0")/../.."
else
  repo="$(cd "${1:-$(dirname "$0")/../..}" && pwd)"
  git clone --quiet --no-hardlinks "$repo" "$work/loket"
  cd "$work/loket"
fi
# env -i: no variable from this shell or CI, only PATH (to find node and npm) and HOME: the
# user's own npm and node-gyp settings are part of the machine a new developer has (on the desk
# machines ~/.npmrc names the local Node headers, nodedir=/usr, so better-sqlite3 builds offline).
env -i PATH="$PATH" HOME="$HOME" npm ci --cache "$work/npm-cache" --no-audit --no-fund
env -i PATH="$PATH" HOME="$HOME" node -e "
  const D = require('better-sqlite3');
  new D(':memory:').prepare('select 1').get();
  const fs = require('fs');
  const electron = require.resolve('electron/package.json');
  console.log('fresh npm ci: better-sqlite3 loads; electron package installed' +
    (fs.existsSync(require('path').join(require('path').dirname(electron), 'path.txt')) ? ' with its binary' : ' without its binary (npm start falls back to browser mode)'));
"
