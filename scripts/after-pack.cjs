// electron-builder's afterPack hook, run before it flips the fuses set in electron-builder.yml (electronFuses).
// Every Electron since 12 carries a fuse wire in its executable. A stand-in distribution used to pack without
// Electron's binary (-c.electronDist=DIR, the packaging test) may not; flipping fuses there would stop the pack with
// "Could not find sentinel", so for such an executable the fuses are skipped with a warning. A real Electron always
// has the wire, and the release workflow reads the fuses back from the packed executable before anything ships.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

// @electron/fuses' marker in front of the wire
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

exports.default = async function afterPack(context) {
  const { packager, appOutDir, electronPlatformName } = context;
  if (packager.config.electronFuses == null || electronPlatformName === 'darwin' || electronPlatformName === 'mas') return;
  const name = electronPlatformName === 'win32' ? `${packager.appInfo.productFilename}.exe` : packager.executableName;
  const executable = path.join(appOutDir, name);
  if (fs.readFileSync(executable).includes(SENTINEL)) return;
  console.warn(`  • 可执行文件没有 Electron 的熔丝段（替身 Electron？），本次打包不设熔丝：${executable}`);
  packager.config.electronFuses = null;
};
