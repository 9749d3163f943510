// A parse worker that hands the file to exceljs as it is, without cutting whole-column drop-down lists: what the
// importer did before, kept to prove that the time and memory bound holds whatever a reader library does.
import ExcelJS from 'exceljs';
import { parentPort, workerData } from 'node:worker_threads';

const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile((workerData as { file: string }).file);
parentPort!.postMessage({ ok: true, book: { format: 'xlsx', sheets: [] } });
