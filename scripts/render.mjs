#!/usr/bin/env node
// npm run render -- DIR: turns every .docx and .xlsx in DIR into PNG pages (DIR/render/) with LibreOffice and
// pdftoppm, so a person can look at what the app writes. Fails when a conversion fails (a file LibreOffice cannot
// open is a file WPS may refuse too). Needs: libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '');
if (!process.argv[2] || !existsSync(dir)) {
  console.error('用法：npm run render -- 文件夹');
  process.exit(2);
}
const out = join(dir, 'render');
mkdirSync(out, { recursive: true });

// The office fonts are not on Linux: map them to Noto CJK the way a PC substitutes them.
const conf = mkdtempSync(join(tmpdir(), 'zwxx-fonts-'));
const alias = (family, to) => `<alias binding="same"><family>${family}</family><prefer><family>${to}</family></prefer></alias>`;
writeFileSync(
  join(conf, 'fonts.conf'),
  `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${['仿宋_GB2312', '仿宋', '宋体', '方正小标宋简体', 'FangSong', 'SimSun'].map((f) => alias(f, 'Noto Serif CJK SC')).join('\n')}
${['黑体', '楷体_GB2312', '楷体', 'SimHei', 'KaiTi'].map((f) => alias(f, 'Noto Sans CJK SC')).join('\n')}
</fontconfig>`,
);
const env = { ...process.env, FONTCONFIG_FILE: join(conf, 'fonts.conf'), HOME: conf };

const files = readdirSync(dir).filter((f) => ['.docx', '.xlsx'].includes(extname(f)));
if (files.length === 0) {
  console.error(`${dir} 中没有 .docx 或 .xlsx 文件`);
  process.exit(1);
}
let failed = 0;
for (const f of files) {
  const stem = basename(f, extname(f));
  const pdf = join(out, `${stem}.pdf`);
  rmSync(pdf, { force: true });
  try {
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${conf}/lo`, '--convert-to', 'pdf', '--outdir', out, join(dir, f)], {
      env,
      stdio: 'pipe',
      timeout: 180_000,
    });
  } catch (e) {
    console.error(`转换失败：${f}（${e.message}）`);
    failed++;
    continue;
  }
  if (!existsSync(pdf)) {
    console.error(`转换失败：${f}（LibreOffice 没有生成 PDF）`);
    failed++;
    continue;
  }
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(out, stem)], { stdio: 'pipe' });
  const pages = readdirSync(out).filter((p) => p.startsWith(stem) && p.endsWith('.png')).length;
  console.log(`${f} → ${pages} 页`);
}
rmSync(conf, { recursive: true, force: true });
process.exit(failed > 0 ? 1 : 0);
