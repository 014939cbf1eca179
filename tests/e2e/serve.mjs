// A static server for the end-to-end tests and the bench: serves tests/pages/ and records
// every request it receives. Routes:
//   /gov/…        the fixture pages as they are
//   /csp/…        the same pages under a strict Content-Security-Policy (no inline script or
//                 style, no eval, nothing from elsewhere)
//   /hostile/…    hand-written hostile pages (tests/pages/hostile/)
//   /generated/…  pages built on request (genPages), e.g. a 200,000-cell table
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.pdf': 'application/pdf', '.xls': 'application/vnd.ms-excel', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export function serve(dir, generated = {}) {
  const root = path.resolve(dir);
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url, host: req.headers.host, at: Date.now() });
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    const parts = decodeURIComponent(url.pathname).split('/').filter(Boolean);
    const route = parts.shift();
    const headers = {};
    if (route === 'csp') headers['content-security-policy'] = STRICT_CSP;
    if (route === 'generated') {
      const make = generated[parts.join('/')];
      if (!make) {
        res.writeHead(404);
        return res.end('not found');
      }
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      return res.end(make());
    }
    const sub = route === 'csp' ? 'gov' : route;
    const file = path.join(root, sub ?? '', ...parts);
    if (!file.startsWith(root)) {
      res.writeHead(403);
      return res.end();
    }
    fs.readFile(file, (err, buf) => {
      if (err) {
        res.writeHead(404);
        return res.end('not found');
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(buf);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, requests, port: server.address().port })));
}
