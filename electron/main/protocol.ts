// Serves the built renderer from app://zwxx/ (not file://). The handler reads the files itself and names their types,
// so what the window gets does not depend on the platform's MIME table; any path outside the renderer folder, any
// other host and anything but GET is refused.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import { APP_HOST, CONTENT_SECURITY_POLICY } from './security';

export function registerSchemes(): void {
  // must run before the app is ready (Electron refuses it afterwards)
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const refuse = (): Response => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** The file a request names inside `root`, or null when it points anywhere else. */
export function rendererFileFor(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'app:' || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const target = resolve(root, `.${path}`);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..') || resolve(root, rel) !== target) return null;
  return target;
}

export function serveRenderer(rootDir: string): void {
  const root = resolve(rootDir);
  protocol.handle('app', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse();
    const file = rendererFileFor(root, request.url);
    const type = file ? TYPES[extname(file).toLowerCase()] : undefined;
    if (!file || !type) return refuse();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse();
    }
    const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  });
}
