/** An error whose message a clerk can act on (Chinese, says what to do). Front doors show `message` as it is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** errors that ended a transaction which SQLite then rolled back: only these may say “数据未被修改” */
const rolledBack = new WeakSet<object>();

/** Marks `e` as having ended a transaction that was rolled back (withSource does this for every write). */
export function markRolledBack(e: unknown): void {
  if (typeof e === 'object' && e !== null) rolledBack.add(e);
}

export const wasRolledBack = (e: unknown): boolean => typeof e === 'object' && e !== null && rolledBack.has(e);

/** SQLite's and the file system's failures in the clerk's words (never English). */
function knownFailure(code: string, kept: string): string | null {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return `磁盘空间不足，操作未完成${kept}。请清理数据文件所在的磁盘后重试。`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return `数据文件正被其他程序占用，操作未完成${kept}。请关闭其他打开此数据文件的程序后重试。`;
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return `数据文件不能写入（只读或没有权限），操作未完成${kept}。请检查数据文件夹的权限，或把数据文件夹移到本机硬盘。`;
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return `读写数据文件时磁盘出错，操作未完成${kept}。请检查磁盘或 U 盘是否正常连接后重试。`;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return '数据文件已损坏。请关闭程序后重新打开，按提示从备份恢复。';
  return null;
}

/**
 * The message a clerk sees for any error. “数据未被修改” only when a transaction was really rolled back; otherwise
 * it says what is known and what to do.
 */
export function messageOf(e: unknown): string {
  if (e instanceof UserError) return e.message;
  const rolled = wasRolledBack(e);
  const kept = rolled ? '，这次操作已撤回，数据未被修改' : '';
  if (e instanceof Error) {
    const known = knownFailure(String((e as NodeJS.ErrnoException).code ?? ''), kept);
    if (known) return known;
    return rolled
      ? `程序内部错误：${e.message}。这次操作已撤回，数据未被修改；请把这条信息告诉维护人员。`
      : `程序内部错误：${e.message}。请把这条信息告诉维护人员，并查看刚才的操作是否已经完成。`;
  }
  return `程序内部错误：${String(e)}。请把这条信息告诉维护人员，并查看刚才的操作是否已经完成。`;
}
