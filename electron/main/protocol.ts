// Serves the built renderer from app://zwxx/ (not file://), refusing any path outside the renderer folder.
import { net, protocol } from 'electron';
import { normalize, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rootDir: string): void {
  const root = resolve(rootDir);
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    const path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const target = normalize(resolve(root, `.${path}`));
    const rel = relative(root, target);
    if (rel.startsWith('..') || rel.includes(`..${sep}`) || url.host !== 'zwxx') return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(target).toString());
  });
}
