// The packaging test's afterPack hook: runs the project's own hook (scripts/after-pack.cjs), then asks
// electron-builder's own Linux helper, with the real packager of this pack, for the desktop entry the deb and the
// AppImage would install, and writes it beside the packed folder. (`--dir` makes no .desktop file by itself, and
// the deb/AppImage tools cannot be downloaded here.)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const project = require('../../scripts/after-pack.cjs');

exports.default = async function probe(context) {
  await project.default(context);
  if (context.electronPlatformName !== 'linux') return;
  const builderLib = path.dirname(require.resolve('app-builder-lib/package.json'));
  const { LinuxTargetHelper } = require(path.join(builderLib, 'out/targets/LinuxTargetHelper.js'));
  const helper = new LinuxTargetHelper(context.packager);
  const options = { ...context.packager.platformSpecificBuildOptions, ...(context.packager.config.deb ?? {}) };
  const entry = await helper.computeDesktopEntry(options);
  fs.writeFileSync(path.join(context.outDir, 'desktop-entry.json'), JSON.stringify({ fileName: helper.getDesktopFileName(), entry }));
};
