#!/usr/bin/env bash
# Make sure the real components the tests talk to are there: PostgreSQL on 127.0.0.1:5432,
# Debian's chromium and LibreOffice (the Word-compatible client that opens the commented .docx). Uses apt-get only when something is missing (needs root, as on CI).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "ensure_services: $* missing and not root; install it with apt-get" >&2
    return 1
  fi
  if [ -z "${_APT_UPDATED:-}" ]; then
    apt-get update -qq
    _APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v chromium >/dev/null 2>&1; then
  echo "ensure_services: installing Debian chromium for the browser tests" >&2
  apt_install chromium
fi

if ! command -v soffice >/dev/null 2>&1; then
  echo "ensure_services: installing Debian libreoffice-writer-nogui for the Word round-trip tests" >&2
  apt_install libreoffice-writer-nogui
fi

if [ -f .ci/ensure_postgres.sh ]; then
  bash .ci/ensure_postgres.sh
fi
