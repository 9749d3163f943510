// `report --period P --out DIR` and the app's 通报 page: the score workbook for P; for a quarter also the circular
// draft and the SMS list; for a year the annual circular with the person ranking. Numbers come from the engine only.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { quarterCircularText, smsLines, yearCircularText, type CircularText } from '../../shared/outputs/circular-text';
import { chineseDate, periodLabel, type Period } from '../../shared/periods';
import { formatPoints, ruleSetForQuarterOf, yearToDate } from '../../shared/scoring';
import type { PeriodScores, PersonScore } from '../../shared/scoring/types';
import { today } from '../clock';
import type { Db } from '../db/database';
import { writeAtomically, writeWorkbookAtomically } from '../exchange/write-file';
import { writeCircular, type Attachment, type TableSpec } from '../outputs/circular-docx';
import { buildScoreWorkbook } from '../outputs/score-workbook';
import { circularOf, reportSpan } from './circular';

export interface ReportFiles {
  workbook: string;
  circular?: string;
  sms?: string;
}

const NUMERALS = '一二三四五六七八九十';

/** 附件 tables: 排名 | 单位 | 报送 | 采用 | 批示 | 得分 per group (counts of items, adoptions and instructions). */
function rankingTables(s: PeriodScores): TableSpec[] {
  return s.groups.map((g, i) => ({
    heading: `${NUMERALS[i]}、${g.name}`,
    columns: [
      { header: '排名', width: 850 },
      { header: '单位', width: 3395, align: 'left' as const },
      { header: '报送', width: 1150 },
      { header: '采用', width: 1150 },
      { header: '批示', width: 1150 },
      { header: '得分', width: 1150 },
    ],
    rows: g.units.map((u) => [u.rank, u.unitName, u.counts.items, u.counts.adoptions, u.counts.instructions, formatPoints(u.total)]),
  }));
}

function personTable(persons: readonly PersonScore[]): TableSpec {
  return {
    heading: '',
    columns: [
      { header: '排名', width: 850 },
      { header: '姓名', width: 1500 },
      { header: '单位', width: 3345, align: 'left' },
      { header: '采用得分', width: 1050 },
      { header: '批示加分', width: 1050 },
      { header: '合计', width: 1050 },
    ],
    rows: persons.map((p) => [p.rank, p.name, p.unitName, formatPoints(p.adoption), formatPoints(p.instruction), formatPoints(p.total)]),
  };
}

/** A file name without characters Windows refuses. */
const safe = (name: string): string => name.replace(/[\\/:*?"<>|]/g, '_');

/** The circular's 成文日期 and 文号 number, when the clerk sets them (scores are still counted as of `asOf`). */
export interface CircularIssue {
  date?: string;
  docNo?: string;
}

export async function writeReports(db: Db, p: Period, outDir: string, asOf = today(), issue: CircularIssue = {}): Promise<ReportFiles> {
  const dated = issue.date ?? asOf;
  // a quarter's 全年累计 needs the year's earlier quarters: the whole year is loaded once
  const { rules, settings, facts, scores, circular, persons: yearPersons } = circularOf(db, p, asOf, reportSpan(p));
  const label = periodLabel(p);
  const persons = p.kind === 'year' ? yearPersons : undefined;
  const wb = buildScoreWorkbook({
    rules: ruleSetForQuarterOf(rules, p.start),
    ruleSets: rules,
    settings,
    facts,
    scores,
    circular,
    yearToDate: p.kind === 'quarter' ? yearToDate(rules, facts, p, asOf) : undefined,
    persons,
    madeOn: asOf,
  });
  const files: ReportFiles = { workbook: join(outDir, safe(`${label}政务信息计分表.xlsx`)) };
  await writeWorkbookAtomically(wb, files.workbook);
  if (p.kind === 'month') return files;

  let text: CircularText;
  const attachments: Attachment[] = [];
  if (p.kind === 'quarter') {
    text = quarterCircularText(settings, scores, circular, dated);
    attachments.push({ title: text.attachmentTitle, tables: rankingTables(scores) });
  } else {
    const year = yearCircularText(settings, scores, circular, persons!, dated);
    text = year;
    attachments.push({ title: text.attachmentTitle, tables: rankingTables(scores) });
    attachments.push({ title: `${label}政务信息先进个人候选名单`, tables: [personTable(year.advancedPersons)] });
  }
  files.circular = join(outDir, safe(`${text.title}（稿）.docx`));
  await writeCircular({ text, settings, year: Number(dated.slice(0, 4)), docNo: issue.docNo, attachments, printedOn: chineseDate(dated) }, files.circular);
  if (p.kind === 'quarter') {
    files.sms = join(outDir, safe(`${label}政务信息得分短信.txt`));
    // UTF-8 with BOM and CRLF, so Windows Notepad and the group-send system read it as written
    const body = `\uFEFF${smsLines(settings, scores).join('\r\n')}\r\n`;
    await writeAtomically(files.sms, async (tmp) => writeFileSync(tmp, body, 'utf8'));
  }
  return files;
}
