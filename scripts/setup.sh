#!/usr/bin/env bash
# Installs the Debian packages FlowBook needs, once. Used by `make report` and `make test`.
#   scripts/setup.sh            — libraries for building the report
#   scripts/setup.sh --browser  — also headless Chromium, poppler and html5lib (PDF export, browser and HTML5 tests)
set -euo pipefail

packages=(pkg-config libcairo2-dev zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libopenblas-dev
  libjs-katex libjs-highlight.js fonts-dejavu-core nodejs)
if [[ "${1:-}" == "--browser" ]]; then
  packages+=(chromium poppler-utils python3-html5lib)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "FlowBook needs these Debian packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
