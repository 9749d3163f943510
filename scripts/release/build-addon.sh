#!/usr/bin/env bash
# Builds better-sqlite3's Linux addon from source against glibc 2.28 / GLIBCXX_3.4.25 (UOS 20 is Debian 10; Kylin V10
# has glibc 2.31), inside a manylinux_2_28 image (AlmaLinux 8 with gcc-toolset: a current compiler whose newer
# libstdc++ parts are linked statically). The release workflow runs it with `docker run --platform linux/<arch>`,
# natively on an arm runner or under QEMU on an x64 one.
#
#   bash scripts/release/build-addon.sh x64|arm64      → better_sqlite3-linux-<arch>.node in the working folder
#
# better-sqlite3's binding.gyp builds nothing when a prebuild for the host exists (the npm package ships them), so
# the build must be forced: its own build-release script, `node-gyp rebuild --release --force_build=1`.
set -euo pipefail
arch="$1"
case "$arch" in
  x64) node_arch=x64 ;;
  arm64) node_arch=arm64 ;;
  *) echo "未知的架构：$arch" >&2; exit 2 ;;
esac

# node-gyp needs a current Python 3; the manylinux images keep theirs under /opt/python (the system one may be older)
if [ -d /opt/python/cp312-cp312/bin ]; then
  PATH="/opt/python/cp312-cp312/bin:$PATH"
fi
python3 --version
python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 8) else "node-gyp 需要 Python 3.8 以上")'
export npm_config_python
npm_config_python="$(command -v python3)"
gcc --version | head -1
command -v make g++ >/dev/null

# Node.js 24 from nodejs.org, checked against the release's SHASUMS256.txt
if ! command -v node >/dev/null 2>&1 || [ "$(node -p 'process.versions.node.split(".")[0]')" != 24 ]; then
  base=https://nodejs.org/dist/latest-v24.x
  curl -fsSL "$base/SHASUMS256.txt" -o /tmp/SHASUMS256.txt
  tarball="$(grep -o "node-v24[0-9.]*-linux-${node_arch}\.tar\.xz" /tmp/SHASUMS256.txt | head -1)"
  curl -fsSL "$base/$tarball" -o "/tmp/$tarball"
  (cd /tmp && grep " ${tarball}\$" SHASUMS256.txt | sha256sum -c -)
  mkdir -p /opt/node && tar -xJf "/tmp/$tarball" -C /opt/node --strip-components=1
  PATH="/opt/node/bin:$PATH"
fi
node --version

npm ci --ignore-scripts --no-audit --no-fund
(cd node_modules/better-sqlite3 && npm run build-release)
out="better_sqlite3-linux-${arch}.node"
cp node_modules/better-sqlite3/build/Release/better_sqlite3.node "$out"

# it loads here, on glibc 2.28 (build/Release comes before the prebuilds), and asks for no newer symbol versions
node -e "const D = require('better-sqlite3'); const db = new D(':memory:'); console.log('SQLite', db.prepare('select sqlite_version() v').get().v, require.resolve('better-sqlite3'))"
node -e "const b = require('node:fs').readFileSync(process.argv[1], 'latin1'); if (!b.includes('napi_register_module_v1')) { console.error('不是 Node-API 模块'); process.exit(1); }" "$out"
npx --no-install tsx test/shell/glibc-gate.ts "$out"
