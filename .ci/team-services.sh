#!/usr/bin/env bash
# What tests/team and bench/team need besides our venv: PostgreSQL (Debian's package, with
# pg_trgm) and LibreTranslate from PyPI in its own venv (its exact pins — numpy<2,
# requests 2.31, flask 2.2 — clash with ours). Safe to repeat; the tests start the servers.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
LT_VENV=${HANBIT_LT_VENV:-.venv-team}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "Please install PostgreSQL (Debian: apt-get install postgresql)" >&2
    exit 1
  fi
fi

if [ ! -x "$LT_VENV/bin/libretranslate" ] || ! "$LT_VENV/bin/python" -c "import onnx" 2>/dev/null; then
  [ -x "$LT_VENV/bin/python" ] || "$PY" -m venv "$LT_VENV"
  # onnx writes the tiny rule-based MiniSBD sentence splitter the tests give each package
  # (LibreTranslate downloads its real splitters at run time; the tests run offline).
  # onnx 1.16 is the last that needs no ml_dtypes (which wants numpy 2, LibreTranslate pins <2).
  "$LT_VENV/bin/pip" install -q --disable-pip-version-check "libretranslate==1.9.6" "onnx==1.16.2" "numpy<2"
fi
echo "team services ready: $(ls -d /usr/lib/postgresql/*/bin | tail -1), $LT_VENV/bin/libretranslate"
