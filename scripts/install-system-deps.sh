#!/bin/sh
# System packages the tests need (Debian/Ubuntu): Chromium for the browser tests, npm for
# axe-core. `make system-deps` runs this; `make test` never installs system packages itself.
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install:$missing (the browser tests need /usr/bin/chromium)" >&2
  exit 1
fi
echo "Installing system packages:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
