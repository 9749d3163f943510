// `report --period P --out DIR` and the app's 通报 page: the score workbook for P; for a quarter also the circular
// draft and the SMS list; for a year the annual circular with the person ranking. Numbers come from the engine only.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { rankChangeText, type Comparison } from '../../shared/outputs/circular-compare';
import { quarterCircularText, smsLines, withEdits, yearCircularText, type CircularText } from '../../shared/outputs/circular-text';
import { adoptionDetails } from '../../shared/outputs/tables';
import { fill, type Settings } from '../../shared/settings';
import { chineseDate, periodLabel, type Period } from '../../shared/periods';
import { formatPoints, ruleSetForQuarterOf, yearToDate } from '../../shared/scoring';
import type { PeriodScores, PersonScore } from '../../shared/scoring/types';
import { today } from '../clock';
import type { Db } from '../db/database';
import { writeAtomically } from '../exchange/write-file';
import { circularBuffer, type Attachment, type TableSpec } from '../outputs/circular-docx';
import { keptDocuments, readCircularIssue, type KeptDocument } from '../store/circulars';
import { buildScoreWorkbook } from '../outputs/score-workbook';
import { listUnits } from '../store/units';
import { lockedAt } from '../store/locks';
import { circularOf, reportSpan, type CircularOf } from './circular';

export interface ReportFiles {
  workbook: string;
  circular?: string;
  sms?: string;
  /** the files are the ones kept when the quarter was locked */
  kept: boolean;
  /** the signed final versions the clerk attached to a locked quarter */
  signed: string[];
}

const NUMERALS = '一二三四五六七八九十';

/**
 * 附件 tables: 排名 | 单位 | 报送 | 采用 | 批示 | 得分 per group (counts of items, adoptions and instructions), and the
 * change of rank since the period before (↑3) when the ledger has that period.
 */
function rankingTables(s: PeriodScores, cmp?: Comparison): TableSpec[] {
  const withChange = cmp !== undefined && [...cmp.rankChange.values()].some((c) => c !== null);
  return s.groups.map((g, i) => ({
    heading: `${NUMERALS[i]}、${g.name}`,
    columns: [
      { header: '排名', width: 800 },
      { header: '单位', width: withChange ? 3045 : 3445, align: 'left' as const },
      { header: '报送', width: 1000 },
      { header: '采用', width: 1000 },
      { header: '批示', width: 1000 },
      { header: '得分', width: withChange ? 1200 : 1600 },
      ...(withChange ? [{ header: '升降', width: 800 }] : []),
    ],
    rows: g.units.map((u) => [
      u.rank,
      u.unitName,
      u.counts.items,
      u.counts.adoptions,
      u.counts.instructions,
      formatPoints(u.total),
      ...(withChange ? [rankChangeText(cmp.rankChange.get(u.unitId))] : []),
    ]),
  }));
}

const shortDate = (iso: string): string => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** 采用信息目录: publication, 期号, title, unit, date, points — a row per adoption and unit, by unit in roster order. */
function adoptionsAttachment(settings: Settings, label: string, c: CircularOf): Attachment {
  const rows = adoptionDetails(c.rules, c.facts, c.scores);
  return {
    title: fill(settings.templates.adoptionsAttachment, { 期间: label }),
    size: 24,
    empty: `${label}无信息被采用。`,
    tables: [
      {
        heading: '',
        columns: [
          { header: '刊物', width: 1800 },
          { header: '期号', width: 1100 },
          { header: '信息标题', width: 2145, align: 'left' },
          { header: '单位', width: 1700, align: 'left' },
          { header: '采用日期', width: 1300 },
          { header: '得分', width: 800 },
        ],
        rows: rows.map((a) => [a.publication, a.issueNo, a.title, a.unitName, shortDate(a.date), formatPoints(a.points)]),
      },
    ],
  };
}

/** 零报送单位: scored units that submitted nothing in the period. */
function zeroReportAttachment(settings: Settings, label: string, s: PeriodScores): Attachment {
  const rows = s.groups.flatMap((g) => g.units.filter((u) => u.counts.items === 0).map((u) => [g.name, u.unitName]));
  return {
    title: fill(settings.templates.zeroReportAttachment, { 期间: label }),
    empty: `${label}各单位均有信息报送。`,
    tables: [
      {
        heading: '',
        columns: [
          { header: '序号', width: 1000 },
          { header: '分组', width: 2845 },
          { header: '单位', width: 5000, align: 'left' },
        ],
        rows: rows.map((r, i) => [i + 1, ...r]),
      },
    ],
  };
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
  /** the documents are those a quarter is locked with on this day: dated so, and not 暂定 */
  lockingOn?: string;
}

export interface ReportDocument {
  kind: 'workbook' | 'circular' | 'sms';
  name: string;
  content: Buffer;
}

/**
 * The period's documents in memory: the workbook; for a quarter also the circular and the SMS list; for a year the
 * annual circular. The 成文日期, 文号 and rewritten paragraphs are the ones the clerk left for the period unless given.
 */
export async function reportDocuments(db: Db, p: Period, asOf = today(), given: CircularIssue = {}): Promise<ReportDocument[]> {
  const kept = readCircularIssue(db, p.code);
  const dated = given.date ?? kept.date ?? asOf;
  const docNo = given.docNo ?? (kept.docNo || undefined);
  // a quarter's 全年累计 needs the year's earlier quarters: the whole year is loaded once
  const of = circularOf(db, p, asOf, reportSpan(p));
  const { rules, settings, facts, scores, circular, persons: yearPersons, comparison } = of;
  const label = periodLabel(p);
  // a locked quarter's tables are dated the day it was locked, an open one the day the clerk chose
  const at = p.kind === 'quarter' ? lockedAt(db, p.code) : null;
  // the office's own day of the lock, not the UTC one
  const locked = given.lockingOn ?? (at ? today(new Date(at)) : null);
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
    madeOn: locked ?? dated,
  });
  const docs: ReportDocument[] = [
    { kind: 'workbook', name: safe(`${label}政务信息计分表.xlsx`), content: Buffer.from(await wb.xlsx.writeBuffer()) },
  ];
  if (p.kind === 'month') return docs;

  let text: CircularText;
  const attachments: Attachment[] = [];
  const chosen = (a: Settings['attachments'][number]): boolean => settings.attachments.includes(a);
  if (p.kind === 'quarter') {
    text = quarterCircularText(settings, scores, circular, dated, comparison);
    if (chosen('ranking')) attachments.push({ title: text.attachmentTitle, tables: rankingTables(scores, comparison) });
  } else {
    const year = yearCircularText(settings, scores, circular, persons!, dated, comparison);
    text = year;
    if (chosen('ranking')) attachments.push({ title: text.attachmentTitle, tables: rankingTables(scores, comparison) });
    attachments.push({ title: `${label}政务信息先进个人候选名单`, tables: [personTable(year.advancedPersons)] });
  }
  if (chosen('adoptions')) attachments.push(adoptionsAttachment(settings, label, of));
  if (chosen('zeroReport')) attachments.push(zeroReportAttachment(settings, label, scores));
  text = withEdits(text, kept.edits);
  docs.push({
    kind: 'circular',
    name: safe(`${text.title}（稿）.docx`),
    content: await circularBuffer({ text, settings, year: Number(dated.slice(0, 4)), docNo, attachments, printedOn: chineseDate(dated) }),
  });
  if (p.kind === 'quarter') {
    // UTF-8 with BOM and CRLF, so Windows Notepad and the group-send system read it as written
    const body = `\uFEFF${smsLines(settings, scores, listUnits(db), locked !== null).join('\r\n')}\r\n`;
    docs.push({ kind: 'sms', name: safe(`${label}政务信息得分短信.txt`), content: Buffer.from(body, 'utf8') });
  }
  return docs;
}

async function writeDocument(outDir: string, name: string, content: Buffer): Promise<string> {
  const file = join(outDir, name);
  await writeAtomically(file, async (tmp) => writeFileSync(tmp, content));
  return file;
}

/**
 * Writes the period's documents to `outDir`. A locked quarter gives the files it was locked with, and the signed
 * final version when the clerk attached one, so later changes to the templates never change what was sent.
 */
export async function writeReports(db: Db, p: Period, outDir: string, asOf = today(), issue: CircularIssue = {}): Promise<ReportFiles> {
  const kept = p.kind === 'quarter' && lockedAt(db, p.code) !== null ? keptDocuments(db, p.code) : [];
  const docs: (ReportDocument | (KeptDocument & { kind: 'signed' }))[] =
    kept.length > 0
      ? kept.map((d) => (d.kind === 'signed' ? { ...d, kind: 'signed' as const } : { ...d, kind: kindOfName(d.name) }))
      : await reportDocuments(db, p, asOf, issue);
  const files: ReportFiles = { workbook: '', kept: kept.length > 0, signed: [] };
  for (const d of docs) {
    const file = await writeDocument(outDir, d.kind === 'signed' ? safe(`（签发稿）${d.name}`) : d.name, d.content);
    if (d.kind === 'signed') files.signed.push(file);
    else files[d.kind] = file;
  }
  return files;
}

/** What a kept file is, by its name (the names are the ones reportDocuments gives). */
function kindOfName(name: string): ReportDocument['kind'] {
  return name.endsWith('.xlsx') ? 'workbook' : name.endsWith('.docx') ? 'circular' : 'sms';
}

/** The documents a quarter is locked with: generated before the lock's transaction, which stores them. */
export async function documentsToKeep(db: Db, p: Period, asOf = today()): Promise<KeptDocument[]> {
  const docs = await reportDocuments(db, p, asOf, { lockingOn: asOf });
  return docs.map((d) => ({ kind: 'generated', name: d.name, content: d.content }));
}
