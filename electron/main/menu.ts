import { Menu, shell, type BrowserWindow } from 'electron';

/** Chinese menus; pages are reached from the side bar, the menu holds the window and help commands. */
export function installMenu(win: BrowserWindow, dataDir: string, showAbout: () => void): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: '文件',
        submenu: [
          { label: '打开数据文件夹', click: () => void shell.openPath(dataDir) },
          { type: 'separator' },
          { label: '退出', role: 'quit' },
        ],
      },
      {
        label: '编辑',
        submenu: [
          { label: '撤销', role: 'undo' },
          { label: '重做', role: 'redo' },
          { type: 'separator' },
          { label: '剪切', role: 'cut' },
          { label: '复制', role: 'copy' },
          { label: '粘贴', role: 'paste' },
          { label: '全选', role: 'selectAll' },
        ],
      },
      {
        label: '视图',
        submenu: [
          { label: '放大', role: 'zoomIn' },
          { label: '缩小', role: 'zoomOut' },
          { label: '实际大小', role: 'resetZoom' },
          { type: 'separator' },
          { label: '全屏', role: 'togglefullscreen' },
          { label: '重新加载', click: () => win.reload() },
        ],
      },
      { label: '帮助', submenu: [{ label: '关于', click: showAbout }] },
    ]),
  );
}
