/** An error whose message a clerk can act on (Chinese, says what to do). Front doors show `message` as it is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** What SQLite's refusals mean to a clerk (its own English never reaches one). */
const SQLITE: [RegExp, string][] = [
  [/^SQLITE_BUSY/, '数据文件正被另一个窗口或命令行写入，请稍候再试一次。数据未被修改。'],
  [/^SQLITE_LOCKED/, '数据文件正被另一个窗口或命令行写入，请稍候再试一次。数据未被修改。'],
  [/^SQLITE_CONSTRAINT_UNIQUE|^SQLITE_CONSTRAINT_PRIMARYKEY/, '与已有的记录重复（编号或名称相同），数据未被修改。请换一个编号或名称，或刷新后重试。'],
  [/^SQLITE_CONSTRAINT_FOREIGNKEY/, '这条记录还被其他记录引用（或引用的记录已不存在），数据未被修改。请刷新后检查再试。'],
  [/^SQLITE_CONSTRAINT/, '数据不符合要求（如日期、编号的格式），数据未被修改。请检查填写的内容后重试。'],
  [/^SQLITE_FULL/, '磁盘空间已满，数据未被修改。请清理磁盘或把数据文件夹移到空间充足的磁盘后重试。'],
  [/^SQLITE_READONLY/, '数据文件只能读不能写（可能在只读的 U 盘、网络盘上，或没有写入权限），数据未被修改。请检查文件夹权限。'],
  [/^SQLITE_IOERR/, '读写数据文件时出错（磁盘或网络盘不可用），数据未被修改。请检查磁盘后重试。'],
  [/^SQLITE_CORRUPT|^SQLITE_NOTADB/, '数据文件已损坏或不是本程序的数据文件。请在“备份与恢复”中从最近的备份恢复。'],
];

/**
 * The message a front door shows. A UserError says itself; SQLite's refusals are told in the office's words; anything
 * else is a fault of the program, reported without its (English) text (the front door may log it for maintainers).
 */
export function messageOf(e: unknown): string {
  if (e instanceof UserError) return e.message;
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  for (const [re, text] of SQLITE) if (re.test(code)) return text;
  return '程序内部错误，数据未被修改。请重试；仍不行，请把操作步骤和这条提示告诉维护人员。';
}
