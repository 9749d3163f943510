// 打开所在文件夹, offered wherever the app has just written a file the clerk chose (exports, backups). Main shows
// only files it wrote itself in this session (electron/services/written-files.ts); anything else is refused.
import { Button, message } from 'antd';
import type { ReactNode } from 'react';
import { api, attempt, call } from '../api';

export function ShowInFolderButton({ file }: { file: string }) {
  return (
    <Button type="link" size="small" data-testid="show-in-folder" onClick={() => void attempt(() => call(api().app.showInFolder({ file })))}>
      打开所在文件夹
    </Button>
  );
}

/** A success message naming the written file, with 打开所在文件夹; it stays long enough to reach the button. */
export function savedMessage(text: ReactNode, file: string): void {
  void message.success({
    key: 'saved',
    duration: 10,
    content: (
      <span>
        {text}
        <ShowInFolderButton file={file} />
      </span>
    ),
  });
}
