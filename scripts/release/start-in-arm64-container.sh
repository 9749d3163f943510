#!/usr/bin/env bash
# Starts the packed arm64 program where no arm runner is available: the release workflow runs this inside an arm64
# Debian container under QEMU (docker run --platform linux/arm64 node:24-bookworm). Electron needs its GTK/NSS
# libraries and an X display; as root in a container it runs with --no-sandbox.
#
#   bash scripts/release/start-in-arm64-container.sh PATH/TO/zwxx-desk
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends xvfb xauth libgtk-3-0 libnss3 libxss1 libasound2 libgbm1 fonts-noto-cjk >/dev/null
# emulated arm64 is many times slower than a real one
export ZWXX_START_LIMIT_MS="${ZWXX_START_LIMIT_MS:-900000}"
xvfb-run -a node test/packaging/start-check.mjs "$1" --no-sandbox
