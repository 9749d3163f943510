// Where the ledger lives decides its journal mode (WAL needs shared memory, which network and removable drives do
// not give reliably). Every connection that writes — start-up, restore, the data-folder switch, the import worker,
// the command line — takes its mode from here (docs/数据文件.md).
import { existsSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type StorageKind = 'local' | 'network' | 'removable';

export interface StorageInfo {
  kind: StorageKind;
  /** why it was judged so (for the notice) */
  reason: string;
}

/** Linux statfs f_type magic numbers of network and FUSE file systems (WAL needs shared memory, which they lack). */
const NETWORK_FS: Record<number, string> = {
  0x6969: 'NFS',
  0x517b: 'SMB',
  0xff534d42: 'CIFS',
  0xfe534d42: 'SMB2',
  0x5346414f: 'AFS',
  0x73757245: 'Coda',
  0x564c: 'NCP',
  0x01021997: '9P',
  0x65735546: 'FUSE',
};
/** file systems of USB sticks and card readers */
const REMOVABLE_FS: Record<number, string> = { 0x4d44: 'FAT', 0x2011bab0: 'exFAT' };

/** Where a ledger lives, from its path and (on Linux) the file system type. Pure, so every rule is tested. */
export function storageKindOf(path: string, platform: string, fsType?: number): StorageInfo {
  if (platform === 'win32') {
    if (/^(\\\\|\/\/)(?![?.][\\/])/.test(path) || /^\\\\\?\\UNC\\/i.test(path)) return { kind: 'network', reason: '网络共享文件夹' };
    return { kind: 'local', reason: '本机磁盘' };
  }
  if (fsType !== undefined && NETWORK_FS[fsType]) return { kind: 'network', reason: `${NETWORK_FS[fsType]} 网络文件系统` };
  if (/^\/run\/user\/\d+\/gvfs\//.test(path)) return { kind: 'network', reason: '网络共享文件夹' };
  if (fsType !== undefined && REMOVABLE_FS[fsType]) return { kind: 'removable', reason: `${REMOVABLE_FS[fsType]} 格式的移动存储` };
  if (/^\/(media|run\/media|mnt)\//.test(path)) return { kind: 'removable', reason: '移动存储（U 盘或移动硬盘）' };
  return { kind: 'local', reason: '本机磁盘' };
}

export function detectStorage(file: string): StorageInfo {
  const abs = resolve(file);
  let fsType: number | undefined;
  if (process.platform !== 'win32') {
    try {
      fsType = Number(statfsSync(existsSync(abs) ? abs : dirname(abs)).type);
    } catch {
      fsType = undefined;
    }
  }
  return storageKindOf(abs, process.platform, fsType);
}

export type JournalMode = 'wal' | 'delete';

/** The journal mode for a ledger at `file`, and the notice the clerk sees when it is not the fast one. */
export function journalFor(file: string): { storage: StorageInfo; journalMode: JournalMode; notice: string | null } {
  const storage = detectStorage(file);
  if (storage.kind === 'local') return { storage, journalMode: 'wal', notice: null };
  return {
    storage,
    journalMode: 'delete',
    notice: `数据文件位于${storage.reason}上。为避免数据损坏，已改用兼容模式（不使用预写日志）；建议在“数据”页把数据文件夹移到本机硬盘。`,
  };
}
