// Renders a .docx with LibreOffice to PDF (the office fonts mapped to Noto CJK as scripts/render.mjs does) and reads
// back what a reader of the printed pages sees: each page's text, and where on the page a line stands.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';

const alias = (family: string, to: string): string =>
  `<alias binding="same"><family>${family}</family><prefer><family>${to}</family></prefer></alias>`;

/** Converts `file` to PDF in `outDir` with a LibreOffice profile of its own (parallel runs share no lock). */
export function renderPdf(file: string, outDir: string): string {
  return renderPdfs([file], outDir)[0]!;
}

/** Converts several files in one run of LibreOffice (it starts once: much faster than one run a file). */
export function renderPdfs(files: readonly string[], outDir: string): string[] {
  const conf = mkdtempSync(join(tmpdir(), 'zwxx-pdf-'));
  writeFileSync(
    join(conf, 'fonts.conf'),
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${['仿宋_GB2312', '仿宋', '宋体', '方正小标宋简体', 'FangSong', 'SimSun'].map((f) => alias(f, 'Noto Serif CJK SC')).join('\n')}
${['黑体', '楷体_GB2312', '楷体', 'SimHei', 'KaiTi'].map((f) => alias(f, 'Noto Sans CJK SC')).join('\n')}
</fontconfig>`,
  );
  try {
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${conf}/lo`, '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      env: { ...process.env, FONTCONFIG_FILE: join(conf, 'fonts.conf'), HOME: conf },
      stdio: 'pipe',
      timeout: 180_000 + 20_000 * files.length,
    });
  } finally {
    rmSync(conf, { recursive: true, force: true });
  }
  return files.map((file) => {
    const pdf = join(outDir, `${basename(file, extname(file))}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${file}`);
    return pdf;
  });
}

export interface PdfLine {
  text: string;
  /** top of the line from the top of the page, in points */
  top: number;
}

export interface PdfPage {
  /** 1-based */
  number: number;
  height: number;
  lines: PdfLine[];
  /** all the page's text, lines joined by \n */
  text: string;
}

const decode = (s: string): string => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** The pages of a PDF with their lines, from `pdftotext -bbox-layout`. */
export function pdfPages(pdf: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages: PdfPage[] = [];
  for (const [i, m] of [...xml.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].entries()) {
    const lines: PdfLine[] = [];
    for (const l of m[2]!.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)) {
      const words = [...l[2]!.matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => decode(w[1]!));
      lines.push({ text: words.join(' '), top: Number(l[1]) });
    }
    lines.sort((a, b) => a.top - b.top);
    pages.push({ number: i + 1, height: Number(m[1]), lines, text: lines.map((l) => l.text).join('\n') });
  }
  return pages;
}
