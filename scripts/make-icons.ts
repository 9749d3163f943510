// Renders assets/icon.svg into every size the installers need (run once after changing the icon; outputs are
// committed): assets/icons/NxN.png for Linux (deb, AppImage), assets/icon.png (512) and assets/icon.ico (Windows:
// 16–256 in one file, PNG-compressed entries as Windows Vista+ reads them). Uses Debian's Chromium for the CJK glyph.
//   npx tsx scripts/make-icons.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../test/e2e/browser';

const ASSETS = resolve(fileURLToPath(import.meta.url), '../../assets');
const svg = readFileSync(join(ASSETS, 'icon.svg'), 'utf8');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const browser = await launch();
const png = new Map<number, Buffer>();
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`)}</body></html>`);
    png.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    await page.close();
  }
} finally {
  await browser.close();
}
for (const size of SIZES) writeFileSync(join(ASSETS, 'icons', `${size}x${size}.png`), png.get(size)!);
writeFileSync(join(ASSETS, 'icon.png'), png.get(512)!);
// ICO: ICONDIR, one ICONDIRENTRY per size, then the PNG images
const ico = [16, 24, 32, 48, 64, 128, 256];
const header = Buffer.alloc(6 + 16 * ico.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(ico.length, 4);
let offset = header.length;
ico.forEach((size, i) => {
  const data = png.get(size)!;
  const e = 6 + 16 * i;
  header.writeUInt8(size >= 256 ? 0 : size, e);
  header.writeUInt8(size >= 256 ? 0 : size, e + 1);
  header.writeUInt16LE(1, e + 4);
  header.writeUInt16LE(32, e + 6);
  header.writeUInt32LE(data.length, e + 8);
  header.writeUInt32LE(offset, e + 12);
  offset += data.length;
});
writeFileSync(join(ASSETS, 'icon.ico'), Buffer.concat([header, ...ico.map((s) => png.get(s)!)]));
console.log(`已生成图标：${SIZES.join('、')} 像素 PNG，icon.ico（${ico.join('、')}）`);
