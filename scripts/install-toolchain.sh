#!/usr/bin/env bash
# Installs, from Debian's packages, what BitForge's tests and FPGA flow need: the open HDL tools and fonts for
# headless plots, and headless Chromium that renders the HTML report in a test. Idempotent: does nothing
# when everything is present.
set -euo pipefail
packages=(iverilog verilator yosys nextpnr-ice40 fpga-icestorm fpga-icestorm-chipdb fontconfig fonts-dejavu-core chromium)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-toolchain: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "install-toolchain: missing ${missing[*]}; run as root:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "install-toolchain: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}" >/dev/null
for tool in iverilog vvp verilator yosys nextpnr-ice40 icepack icetime fc-list chromium; do
  command -v "$tool" >/dev/null || { echo "install-toolchain: $tool still missing after install" >&2; exit 1; }
done
echo "install-toolchain: done"
