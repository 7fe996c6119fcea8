# syntax=docker/dockerfile:1
# Portalis on NVIDIA Triton Inference Server. Build from the repository root:
#   docker build -t REGISTRY/portalis-triton:0.1.0 .
# See docs/deploy.md for pushing it and running it on Kubernetes.

# NVIDIA's image: Ubuntu 24.04 with Python 3.12, tritonserver 2.53 and its Python backend.
ARG TRITON_IMAGE=nvcr.io/nvidia/tritonserver:24.12-py3

# --- stage 1: the portalis wheel (pure Python; its dependencies are pinned in pyproject.toml)
FROM python:3.12.8-slim-bookworm AS wheel
WORKDIR /src
COPY pyproject.toml README.md ./
COPY backend/ backend/
COPY lsp_server/ lsp_server/
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /dist .

# --- stage 2: the server
FROM ${TRITON_IMAGE} AS runtime

# rustc and rustfmt: every translation is formatted and compiled before it is returned.
RUN apt-get update \
    && apt-get install -y --no-install-recommends rustc rustfmt python3-venv \
    && rm -rf /var/lib/apt/lists/*

# The model runs inside Triton's Python-backend stub, which imports from the `python3` it
# finds on PATH: the virtual environment below comes first on PATH. numpy is what the stub
# itself needs.
ENV PORTALIS_VENV=/opt/portalis/venv
ENV PATH=/opt/portalis/venv/bin:${PATH}
ARG NUMPY_VERSION=1.26.4
COPY --from=wheel /dist/ /tmp/dist/
RUN python3 -m venv "${PORTALIS_VENV}" \
    && pip install --no-cache-dir /tmp/dist/*.whl "numpy==${NUMPY_VERSION}" \
    && rm -rf /tmp/dist

COPY triton_models/ /opt/portalis/triton_models/
COPY docker/entrypoint.sh /usr/local/bin/portalis-entrypoint

# A numeric, unprivileged user: Kubernetes' runAsNonRoot can check it. The root filesystem
# is read-only in the cluster; HOME and temporary files (rustc's work dirs) go to /tmp.
RUN groupadd --gid 10001 portalis \
    && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /tmp \
       --shell /usr/sbin/nologin portalis \
    && find /opt/portalis/triton_models -name __pycache__ -prune -exec rm -rf {} +
ENV HOME=/tmp
USER 10001:10001

EXPOSE 8000 8001 8002
ENTRYPOINT ["/usr/local/bin/portalis-entrypoint"]
