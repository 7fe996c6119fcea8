#!/bin/sh
# Container entrypoint: run tritonserver with the Portalis model repository.
#
# Builds the same command line as `portalis serve` (backend/serve.py), with the container's
# paths and addresses. Settings come from the environment (the Kubernetes Deployment sets
# them); arguments given to the container are appended, so any tritonserver flag can be
# added or overridden (a later flag wins).
#
#   PORTALIS_MODEL_REPOSITORY   model repository         (default /opt/portalis/triton_models)
#   PORTALIS_MODEL_CONFIG_NAME  configs/<NAME>.pbtxt instead of config.pbtxt, e.g. cluster-gpu
#   PORTALIS_API_KEY_FILE       file holding the API key (default /var/run/secrets/portalis/api-key);
#                               set it to the empty string to run without a key (local trials only)
#   PORTALIS_ADDRESS            address to listen on     (default 0.0.0.0)
#   PORTALIS_HTTP_PORT / PORTALIS_GRPC_PORT / PORTALIS_METRICS_PORT   (default 8000 / 8001 / 8002)
#   PORTALIS_EXIT_TIMEOUT_SECS  time in-flight requests get after SIGTERM (default 5)
set -eu

fail() {
  echo "portalis-entrypoint: $*" >&2
  exit 64
}

model_repository="${PORTALIS_MODEL_REPOSITORY:-/opt/portalis/triton_models}"
model_config_name="${PORTALIS_MODEL_CONFIG_NAME:-}"
api_key_file="${PORTALIS_API_KEY_FILE-/var/run/secrets/portalis/api-key}"
address="${PORTALIS_ADDRESS:-0.0.0.0}"
http_port="${PORTALIS_HTTP_PORT:-8000}"
grpc_port="${PORTALIS_GRPC_PORT:-8001}"
metrics_port="${PORTALIS_METRICS_PORT:-8002}"
exit_timeout="${PORTALIS_EXIT_TIMEOUT_SECS:-5}"

[ -d "${model_repository}/rust_transpiler" ] ||
  fail "no model rust_transpiler in ${model_repository}"
if [ -n "${model_config_name}" ]; then
  [ -f "${model_repository}/rust_transpiler/configs/${model_config_name}.pbtxt" ] ||
    fail "no config variant ${model_config_name} (rust_transpiler/configs/${model_config_name}.pbtxt)"
fi

set -- \
  "--model-repository=${model_repository}" \
  "--http-address=${address}" \
  "--grpc-address=${address}" \
  "--metrics-address=${address}" \
  "--http-port=${http_port}" \
  "--grpc-port=${grpc_port}" \
  "--metrics-port=${metrics_port}" \
  --disable-auto-complete-config \
  "--exit-timeout-secs=${exit_timeout}" \
  "$@"

if [ -n "${model_config_name}" ]; then
  set -- "--model-config-name=${model_config_name}" "$@"
fi

if [ -n "${api_key_file}" ]; then
  [ -r "${api_key_file}" ] || fail "cannot read the API key file ${api_key_file}"
  api_key="$(cat "${api_key_file}")"
  case "${api_key}" in
    "" | *[[:space:],=:]*)
      fail "${api_key_file}: the API key must be one word without ',', '=' or ':'" ;;
  esac
  # Triton refuses inference calls that lack this header (health and metrics stay open).
  set -- \
    "--grpc-restricted-protocol=inference:x-api-key=${api_key}" \
    "--http-restricted-api=inference:x-api-key=${api_key}" \
    "$@"
else
  echo "portalis-entrypoint: WARNING: no API key; anyone who reaches the server may use it" >&2
fi

exec tritonserver "$@"
