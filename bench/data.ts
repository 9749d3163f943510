// npm run bench:data -- --years N --out DIR
// Writes DIR/ledger-N.db (a realistic ledger of N office-years) and DIR/ledger-N.xlsx (the same data as an exchange
// workbook, as `export-data` writes it).
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '../electron/db/database';
import { exportData } from '../electron/exchange/export';
import { generateLedger } from './generate';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

export async function writeBenchData(years: number, out: string): Promise<{ db: string; xlsx: string }> {
  mkdirSync(out, { recursive: true });
  const db = join(out, `ledger-${years}.db`);
  const xlsx = join(out, `ledger-${years}.xlsx`);
  for (const f of [db, `${db}-wal`, `${db}-shm`, xlsx]) rmSync(f, { force: true });
  const h = openDatabase(db);
  try {
    const g = await generateLedger(h, years, { assetsDir: join(ROOT, 'assets') });
    await exportData(h, xlsx);
    console.error(`${years} 个办公年：单位 ${g.units}，信息 ${g.items}，采用 ${g.adoptions}，批示 ${g.instructions}，约稿 ${g.requests}（${g.targets} 个单位），加减分 ${g.events} → ${db}、${xlsx}`);
  } finally {
    closeDatabase(h);
  }
  return { db, xlsx };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (n: string): string | undefined => {
    const i = process.argv.indexOf(`--${n}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const years = Number(arg('years') ?? 1);
  if (!Number.isInteger(years) || years < 1 || years > 50) {
    console.error('用法：npm run bench:data -- --years N --out 文件夹（N 为 1–50）');
    process.exit(2);
  }
  await writeBenchData(years, resolve(arg('out') ?? 'bench-data'));
}
