#!/usr/bin/env bash
# Install reviewer with its test dependencies into .venv and run the whole test suite (pytest).
# Works on a fresh Debian machine: starts (or installs) PostgreSQL and installs Debian's
# chromium (browser tests) and LibreOffice (Word tests) when they are missing. Extra arguments
# go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
# shellcheck disable=SC1091
. .venv/bin/activate
python -m pip install --quiet --upgrade pip
python -m pip install --quiet -e ".[test]"

bash scripts/ensure_services.sh

python -m pytest "$@"
