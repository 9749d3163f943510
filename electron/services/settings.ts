// The 通报设置 (the circular's issuing office, contact, recipients …): read, and saved after validation by the store.
export { readSettings, writeSettings } from '../store/settings';
