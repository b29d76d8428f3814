#!/usr/bin/env bash
# Provisions what the browser tests (WebUiIT) drive: Debian's Chromium, its ChromeDriver and CJK
# fonts. Run by `mvn verify` before the integration tests; does nothing when both are installed.
set -euo pipefail

packages=(chromium chromium-driver fonts-noto-cjk)
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The browser tests need /usr/bin/chromium and /usr/bin/chromedriver; this machine has no apt-get:" >&2
  echo "install Chromium and a matching ChromeDriver there, or run the tests on Debian or Ubuntu." >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "The browser tests need ${packages[*]}; installing them needs root:" >&2
    echo "  sudo apt-get install -y ${packages[*]}" >&2
    exit 1
  fi
fi
echo "Installing ${packages[*]} for the browser tests"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q "${packages[@]}"
