// The preload exposes exactly the contract's methods as named functions (window.api.items.create(…)), never raw
// ipcRenderer (docs/架构.md §3).
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, type Api } from '../../shared/ipc/contract';

const api: Api = buildApi((method, args) => ipcRenderer.invoke(method, args));
contextBridge.exposeInMainWorld('api', api);
