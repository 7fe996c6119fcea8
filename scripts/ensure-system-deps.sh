#!/usr/bin/env bash
# Install the system tools the tests and the demo need, when they are missing.
#
# Each line below is "command apt-package". A command already on PATH (rustup's
# ~/.cargo/bin included) is left alone; missing ones are installed with apt-get, as root
# or through sudo. Add a line here when a test starts needing a new system tool.
set -euo pipefail

export PATH="${HOME}/.cargo/bin:${PATH}"

REQUIRED=(
  "rustc rustc"
  "cargo cargo"
  "rustfmt rustfmt"
  "clippy-driver rust-clippy"
)

missing=()
for entry in "${REQUIRED[@]}"; do
  read -r cmd pkg <<<"${entry}"
  if ! command -v "${cmd}" >/dev/null 2>&1; then
    missing+=("${pkg}")
  fi
done
# `python3 -m venv` needs ensurepip, which Debian ships separately.
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing+=("python3-venv")
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "ensure-system-deps: installing ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "ensure-system-deps: need root to install: ${missing[*]}" >&2
  echo "  run: apt-get install ${missing[*]}   (or install Rust with https://rustup.rs)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
