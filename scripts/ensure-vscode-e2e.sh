#!/usr/bin/env bash
# Install what the VS Code extension's build and tests need, when it is missing:
#
# - Debian packages: Chromium (the end-to-end test's browser), ripgrep (VS Code's file
#   search), and what code-server's native modules build with (libkrb5-dev, pkg-config, g++,
#   make);
# - npm packages, exactly as the lock files pin them: editors/vscode (the extension's
#   build, test and packaging tools) and editors/vscode/e2e (code-server 4.100.3, which
#   needs Node.js 20, and playwright-core).
#
# Safe to run concurrently (a lock serializes runs) and fast when everything is installed
# (each node_modules remembers the hash of the lock file it was installed from).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXTENSION="${ROOT}/editors/vscode"
E2E="${EXTENSION}/e2e"
# code-server 4.100.3 pins @vscode/ripgrep 1.15.11, whose install script downloads this
# ripgrep build from GitHub; it is seeded from Debian's ripgrep instead.
RIPGREP_CACHE="vscode-ripgrep-cache-1.15.11"
RIPGREP_BUILD="ripgrep-v13.0.0-10"

REQUIRED=(
  "chromium chromium"
  "rg ripgrep"
  "krb5-config libkrb5-dev"
  "pkg-config pkg-config"
  "g++ g++"
  "make make"
)

exec 9>"${TMPDIR:-/tmp}/portalis-ensure-vscode-e2e.lock"
flock 9

install_apt_packages() {
  local missing=() entry cmd pkg
  for entry in "${REQUIRED[@]}"; do
    read -r cmd pkg <<<"${entry}"
    command -v "${cmd}" >/dev/null 2>&1 || missing+=("${pkg}")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "ensure-vscode-e2e: installing ${missing[*]}" >&2
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "ensure-vscode-e2e: need root to run: apt-get install ${missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

require_node_20() {
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [[ "${major}" -lt 20 ]]; then
    echo "ensure-vscode-e2e: Node.js 20 or newer is needed (found: $(node --version 2>&1))" >&2
    exit 1
  fi
}

lock_hash() {
  sha256sum "$1/package-lock.json" | cut -d' ' -f1
}

# Did $1's node_modules come from its current package-lock.json?
up_to_date() {
  local stamp="$1/node_modules/.portalis-lock.sha256"
  [[ -f "${stamp}" && "$(cat "${stamp}")" == "$(lock_hash "$1")" ]]
}

npm_ci() {
  echo "ensure-vscode-e2e: npm ci in ${1#"${ROOT}"/}" >&2
  (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
  lock_hash "$1" >"$1/node_modules/.portalis-lock.sha256"
}

# A private TMPDIR holding the ripgrep archive that @vscode/ripgrep's install looks for.
seed_ripgrep() {
  local tmp="$1" arch archive staging
  case "$(uname -m)" in
    x86_64) arch="x86_64-unknown-linux-musl" ;;
    aarch64) arch="aarch64-unknown-linux-musl" ;;
    *) echo "ensure-vscode-e2e: no ripgrep build name for $(uname -m)" >&2; exit 1 ;;
  esac
  mkdir -p "${tmp}/${RIPGREP_CACHE}"
  archive="${tmp}/${RIPGREP_CACHE}/${RIPGREP_BUILD}-${arch}.tar.gz"
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "${staging}/rg"
  tar -czf "${archive}" -C "${staging}" rg
  rm -rf "${staging}"
}

install_apt_packages
require_node_20
up_to_date "${EXTENSION}" || npm_ci "${EXTENSION}"
if ! up_to_date "${E2E}"; then
  npm_tmp="$(mktemp -d)"
  trap 'rm -rf "${npm_tmp}"' EXIT
  seed_ripgrep "${npm_tmp}"
  # code-server's install script refuses to run as root without npm's old unsafe-perm flag;
  # node-pty's runs `npx node-gyp`, which must not stop to ask before fetching node-gyp.
  (export TMPDIR="${npm_tmp}" npm_config_unsafe_perm=true npm_config_yes=true &&
    npm_ci "${E2E}")
fi
