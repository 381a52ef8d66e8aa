#!/usr/bin/env bash
# The whole BitForge test suite: installs the tools the tests need, then builds and runs every module's tests
# (unit, property, jar subprocess, cosimulation). Fails on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/install-toolchain.sh"
mvn -B verify "$@"
