#!/usr/bin/env bash
# Installs the Ralph LRS (ralph-malph[lrs,cli]==5.1.0, from PyPI) in a
# virtual environment for the LRS tests (tests/lrs_*.rs), and prints the
# path of its `ralph` executable. The environment is kept under
# ${XDG_CACHE_HOME:-$HOME/.cache}/headset-ralph, so a second run only checks
# it (about a second). scripts/test.sh sources the result:
#
#   export HEADSET_RALPH="$(scripts/lrs-setup.sh)"
#
# The tests start and stop Ralph themselves (tests/lrs_support/mod.rs).
set -euo pipefail

RALPH_VERSION=5.1.0
venv="${XDG_CACHE_HOME:-$HOME/.cache}/headset-ralph"
ralph="$venv/bin/ralph"
stamp="$venv/.headset-ralph-$RALPH_VERSION"

if [ -x "$ralph" ] && [ -f "$stamp" ] && "$ralph" --version >/dev/null 2>&1; then
    echo "$ralph"
    exit 0
fi

python=""
for p in python3 python; do
    if command -v "$p" >/dev/null && "$p" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; then
        python="$p"
        break
    fi
done
if [ -z "$python" ]; then
    echo "lrs-setup: Python 3.9 or newer with venv and ensurepip is needed (Debian: apt-get install python3-venv)" >&2
    exit 2
fi

echo "lrs-setup: installing ralph-malph $RALPH_VERSION in $venv" >&2
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "ralph-malph[lrs,cli]==$RALPH_VERSION" requests >&2
"$ralph" --version >/dev/null
touch "$stamp"
echo "$ralph"
