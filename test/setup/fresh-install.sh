#!/usr/bin/env bash
# Proves the README's install on a fresh clone: `npm ci` with a new, empty npm cache and no
# environment variables at all (nothing that could hide a download, such as
# ELECTRON_SKIP_BINARY_DOWNLOAD), on a machine whose only network is the npm registry.
# Slow (it downloads every package and builds better-sqlite3): .ci/run runs it once, before
# `npm test`; vitest does not. Usage: bash test/setup/fresh-install.sh [REPO]
set -euo pipefail
repo="$(cd "${1:-$(dirname "$0")/../..}" && pwd)"
work="$(mktemp -d -t loket-fresh-XXXXXX)"
trap 'rm -rf "$work"' EXIT

git clone --quiet --no-hardlinks "$repo" "$work/loket"
mkdir -p "$work/npm-cache"
cd "$work/loket"
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
