// A small static file server for dist/: used by the README's serve command and by the browser tests.
// It can mount the app under a sub-path (--base /tools/plan-compare/) and send a Content-Security-Policy
// (--csp "..."), so that tests see the app the way a strict government host would serve it.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts serving `dir`. Resolves to { server, url } once listening.
 * `routes` maps extra absolute paths to { type, body } (e.g. a host page for embedding tests).
 */
export function serve({ dir, port = 0, host = '127.0.0.1', base = '/', csp = null, routes = {} }) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const headers = { 'cache-control': 'no-store' };
    if (csp) headers['content-security-policy'] = csp;
    if (routes[url.pathname]) {
      const route = routes[url.pathname];
      res.writeHead(200, { ...headers, 'content-type': route.type, ...(route.headers || {}) });
      res.end(route.body);
      return;
    }
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403, headers).end('forbidden');
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, headers).end('not found');
        return;
      }
      res.writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}${base}` });
    });
  });
}

// Command line: node scripts/static-server.mjs --dir dist --port 8080 [--base /sub/] [--csp "..."]
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
  );
  const dir = args.dir || 'dist';
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`error: ${dir}/index.html not found; build first with: bash scripts/build.sh`);
    process.exit(1);
  }
  const { url } = await serve({ dir, port: Number(args.port || 8080), base: args.base || '/', csp: args.csp || null });
  console.log(`Serving AI Plan Compare at ${url}  (Ctrl-C to stop)`);
}
