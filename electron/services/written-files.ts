// 打开所在文件夹 after an export (docs/架构.md §3): the renderer is untrusted, so it may only ask to show a file this
// session itself just wrote where the clerk chose — never an arbitrary path. The handlers remember each file they
// write (workbooks, circulars, backups, the moved data file); `reveal` shows only those.
import { resolve } from 'node:path';
import { UserError } from '../db/errors';

/** Shows a file selected in the system's file manager: Electron's shell in the app, a recorder in the test bridge. */
export interface Shell {
  showItemInFolder(file: string): void;
}

/** How many of the latest written files may be shown: enough for one export of several files, and a few more. */
export const WRITTEN_KEPT = 20;

export interface WrittenFiles {
  /** remembers files the app has just written (the oldest are forgotten beyond WRITTEN_KEPT) */
  remember(...files: string[]): void;
  /** shows `file` in its folder, if it is one of the files remembered; otherwise refuses */
  reveal(file: string): null;
}

export function writtenFiles(shell: Shell | undefined): WrittenFiles {
  const recent: string[] = [];
  return {
    remember(...files) {
      for (const f of files.map((x) => resolve(x))) {
        const at = recent.indexOf(f);
        if (at >= 0) recent.splice(at, 1);
        recent.push(f);
      }
      recent.splice(0, Math.max(0, recent.length - WRITTEN_KEPT));
    },
    reveal(file) {
      const f = resolve(file);
      if (!recent.includes(f)) throw new UserError('只能打开本程序刚刚保存的文件所在的文件夹。');
      if (!shell) throw new UserError('打开文件夹只能在桌面程序中进行。');
      shell.showItemInFolder(f);
      return null;
    },
  };
}
