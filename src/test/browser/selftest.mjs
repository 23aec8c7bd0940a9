#!/usr/bin/env node
/*
 * Self-test of run.mjs: serves a few static pages on 127.0.0.1 (random port), runs run.mjs against
 * them and asserts that the accessible page passes (every check type exercised, served with a strict
 * CSP and AUI's prototyping CSS) and that each bad page fails for exactly its own reason.
 *
 *   node selftest.mjs [out-dir]      (default: a fresh temp dir; results.json and PNGs land there)
 *
 * Ends with `selftest: N passed, M failed`; exit code 0 only if every assertion held.
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const auiDir = path.join(here, 'node_modules/@atlassian/aui/dist/aui');
const outDir = process.argv[2] || fs.mkdtempSync(path.join(os.tmpdir(), 'browser-selftest-'));
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const doc = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="/aui/aui-prototyping.css"></head><body><main>${body}</main></body></html>`;

const served = {};
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  served[url.pathname] = (served[url.pathname] || 0) + 1;
  const html = (code, body, headers = {}) => { res.writeHead(code, { 'content-type': 'text/html; charset=utf-8', ...headers }); res.end(body); };
  if (url.pathname.startsWith('/aui/')) {
    const file = path.join(auiDir, path.normalize(url.pathname.slice(5)));
    if (!file.startsWith(auiDir) || !fs.existsSync(file)) return html(404, doc('Not found', '<h1>Not found</h1>'));
    res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'application/octet-stream' });
    return fs.createReadStream(file).pipe(res);
  }
  const csp = { 'content-security-policy': "default-src 'self'" }; // no inline script or style can run here
  switch (url.pathname) {
    case '/ok': {
      const sorted = url.searchParams.get('sort') === 'name';
      const names = ['Alpha', 'Beta', 'Gamma'];
      return html(200, doc('Portfolio', `<h1>Portfolio   overview</h1>
<table class="aui"><caption>Projects</caption><thead><tr>
<th scope="col" id="name" aria-sort="${sorted ? 'ascending' : 'none'}"><a href="/ok?sort=name">Name</a></th>
<th scope="col">Status</th></tr></thead>
<tbody>${names.map((n) => `<tr><td>${n}</td><td><span class="aui-lozenge">open</span></td></tr>`).join('')}</tbody></table>
<p class="error" hidden>Something went wrong</p>
<form id="search" action="/search" method="get" class="aui"><label for="q">Search</label>
<input id="q" name="q" class="text"><button class="aui-button" type="submit">Go</button></form>
<button class="aui-button" type="button" id="noop">Does nothing</button>`), csp);
    }
    case '/search':
      return html(200, doc('Search', `<h1>Search</h1><p id="result">Results for ${esc(url.searchParams.get('q'))}</p>`), csp);
    case '/noalt':
      return html(200, doc('No alt', '<h1>Logo</h1><img src="/aui/images/atlassian-icons.svg" width="20" height="20">'));
    case '/xss':
      return html(200, doc('XSS', '<h1>Comment</h1><p>hello</p><script>window.__xss=1</script>'));
    case '/alert':
      return html(200, doc('Alert', '<h1>Comment</h1><img src="/nope.png" alt="avatar" onerror="alert(1)">'));
    default:
      return html(404, doc('Not found', '<h1>Not found</h1>'));
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const baseUrl = `http://127.0.0.1:${server.address().port}`;

const payload = '<script>window.__xss=1</script>';
const spec = {
  baseUrl,
  timeoutSeconds: 120,
  pages: [
    { name: 'ok', path: '/ok', axe: true, checks: [
      { type: 'text', selector: 'h1', equals: 'Portfolio overview' },
      { type: 'text', selector: 'table', contains: 'Gamma' },
      { type: 'count', selector: 'tbody tr', equals: 3 },
      { type: 'count', selector: '.aui-lozenge', min: 1, max: 3 },
      { type: 'visible', selector: 'form#search' },
      { type: 'hidden', selector: '.error' },
      { type: 'attribute', selector: 'th#name', name: 'aria-sort', equals: 'none' },
      { type: 'click', label: 'no navigation', selector: '#noop' },
      { type: 'url', equals: '/ok' },
      { type: 'click', label: 'sort by name', selector: 'th#name a' },
      { type: 'url', contains: 'sort=name' },
      { type: 'attribute', selector: 'th#name', name: 'aria-sort', equals: 'ascending' },
      { type: 'attribute', selector: 'th#name', name: 'data-missing', exists: false },
      { type: 'fill', selector: '#q', value: payload },
      { type: 'submit', selector: '#q' },
      { type: 'url', equals: '/search?q=' + encodeURIComponent(payload).replace(/%20/g, '+') },
      { type: 'text', selector: '#result', contains: payload },
    ] },
    { name: 'noalt', path: '/noalt', axe: true, checks: [{ type: 'text', selector: 'h1', equals: 'Logo' }] },
    { name: 'xss', path: '/xss', axe: true, checks: [{ type: 'text', selector: 'p', equals: 'hello' }] },
    { name: 'alert', path: '/alert', axe: true, checks: [] },
    { name: 'wrong', path: '/ok', checks: [
      { type: 'count', selector: 'tbody tr', equals: 99 },
      { type: 'text', selector: 'h1', contains: 'Nope' },
      { type: 'visible', selector: '.error' },
      { type: 'click', selector: '#does-not-exist' },
      { type: 'text', selector: 'h1', contains: 'Portfolio' },
    ] },
    { name: 'missing', path: '/missing', checks: [] },
  ],
};
fs.mkdirSync(outDir, { recursive: true });
const specFile = path.join(outDir, 'spec.json');
fs.writeFileSync(specFile, JSON.stringify(spec, null, 2));

const child = spawn(process.execPath, [path.join(here, 'run.mjs'), specFile, outDir], { stdio: ['ignore', 'pipe', 'pipe'] });
let stdout = '';
child.stdout.on('data', (d) => { stdout += d; });
child.stderr.on('data', (d) => { process.stderr.write(d); });
const code = await new Promise((r) => child.on('close', r));
server.close();
// Indented so that run.mjs's own closing line is not mistaken for this script's.
for (const line of stdout.trimEnd().split('\n')) console.log('  | ' + line);

let passed = 0; let failed = 0;
const expect = (what, cond) => { if (cond) passed++; else failed++; console.log(`${cond ? 'ok  ' : 'FAIL'} ${what}`); };
const results = fs.existsSync(path.join(outDir, 'results.json')) ? JSON.parse(fs.readFileSync(path.join(outDir, 'results.json'), 'utf8')) : { pages: [] };
const page = (name) => results.pages.find((p) => p.name === name) || { checks: [], axeViolations: [], xssEvidence: [] };
const badChecks = (p) => p.checks.map((c, i) => (c.ok ? null : i)).filter((i) => i !== null).join(',');
const isPng = (f) => !!f && fs.existsSync(f) && fs.readFileSync(f).subarray(1, 4).toString() === 'PNG';

expect('run.mjs exits 1', code === 1);
expect('closing line is "browser: 1 passed, 5 failed"', stdout.trimEnd().split('\n').pop() === 'browser: 1 passed, 5 failed');
const ok = page('ok');
expect('ok: passes, all 18 checks (status included) ok, no axe violation, no xss',
  ok.ok === true && ok.checks.length === 18 && ok.checks.every((c) => c.ok) && ok.axeViolations.length === 0 && !ok.xss);
expect('ok: AUI prototyping CSS was served', served['/aui/aui-prototyping.css'] >= 1);
expect('ok: screenshot is a PNG', isPng(ok.screenshot));
const noalt = page('noalt');
expect('noalt: fails only on axe image-alt', noalt.ok === false && noalt.axeViolations.map((v) => v.id).join() === 'image-alt'
  && noalt.checks.every((c) => c.ok) && !noalt.xss);
const xss = page('xss');
expect('xss: fails only as script executed', xss.ok === false && xss.xss === true && xss.axeViolations.length === 0 && xss.checks.every((c) => c.ok));
const alert = page('alert');
expect('alert: fails as script executed (dialog)', alert.ok === false && alert.xss === true
  && alert.xssEvidence.some((e) => e.startsWith('alert(')) && alert.axeViolations.length === 0);
const wrong = page('wrong');
expect('wrong: exactly checks 1-4 fail (count, text, visible, click), 5 still runs', wrong.ok === false && badChecks(wrong) === '1,2,3,4');
const missing = page('missing');
expect('missing: fails on HTTP 404', missing.ok === false && missing.checks[0]?.detail === 'HTTP 404' && badChecks(missing) === '0');
console.log(`output in ${outDir}`);
console.log(`selftest: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
