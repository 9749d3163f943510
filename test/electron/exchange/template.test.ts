import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHEETS } from '../../../electron/exchange/sheets';
import { runCli, tempDir } from '../../helpers/cli';

describe('the blank template', () => {
  it('has every sheet and header, drop-down lists for the fixed columns, and imports as nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'zwxx.db');
    const file = join(dir, '导入模板.xlsx');
    const r = runCli(['template', file, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const def of SHEETS) {
      const ws = wb.getWorksheet(def.name)!;
      expect(ws, def.name).toBeDefined();
      expect(def.columns.map((_, i) => ws.getRow(1).getCell(i + 1).value)).toEqual(def.columns.map((c) => c.header));
    }
    const adoption = wb.getWorksheet('采用')!;
    const publication = adoption.getCell('B2').dataValidation;
    expect(publication.type).toBe('list');
    expect(publication.formulae[0]).toContain('莱芜政务信息');
    expect(publication.formulae[0]).toContain('济南政务信息专报');
    expect(adoption.getCell('C300').dataValidation.formulae[0]).toBe('"单篇,综合,简讯"');
    expect(wb.getWorksheet('单位')!.getCell('B2').dataValidation.formulae[0]).toBe('"镇街,第一数量级,第二数量级,不计分"');
    expect(wb.getWorksheet('约稿')!.getCell('G2').dataValidation.formulae[0]).toBe('"已完成,已说明,未完成,待报"');
    const imported = runCli(['import', file, '--db', db]);
    expect(imported.code, imported.stdout).toBe(0);
    expect(imported.stdout).toContain('单位：新增 0，修改 0，未变 0');
  });
});
