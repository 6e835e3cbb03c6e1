#!/bin/sh
# Install Debian packages the tests or benchmarks need, when they are missing:
#   scripts/install-debian-packages.sh wrk redis-server chromium
# Uses apt-get as root, or through sudo without a password; refreshes the package lists only
# when a first attempt fails. Does nothing when every package is already installed.
set -eu
missing=""
for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "install-debian-packages: need root (or passwordless sudo) to install:$missing" >&2
    echo "  run: sudo apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "install-debian-packages: installing$missing" >&2
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
