#!/usr/bin/env node
/*
 * Browser page checks in headless Chromium (playwright-core + the machine's /usr/bin/chromium).
 *
 *   node run.mjs <spec.json> <out-dir>
 *
 * Writes <out-dir>/results.json and <out-dir>/<name>.png (full page, taken last), prints one
 * line per page and finally exactly `browser: N passed, M failed` (N, M count pages).
 * Exit code 0 only if every page passed; 1 otherwise (including a bad spec or a launch failure).
 *
 * spec.json
 *   {
 *     "baseUrl": "http://127.0.0.1:8080",      required; page paths are resolved against it
 *     "timeoutSeconds": 180,                   optional bound for the whole run (default 180)
 *     "pages": [ {
 *       "name": "portfolio",                   required, unique; [A-Za-z0-9._-] (screenshot file name)
 *       "path": "/pages/123?as=cdo",           required
 *       "status": 200,                         optional expected HTTP status; default: fail on >= 400
 *       "checks": [ ... ],                     optional, run in order (a failed check does not stop the rest)
 *       "axe": true,                           optional: true, or { "disableRules": ["rule-id", ...] }
 *       "screenshot": false,                   optional: skip the full-page screenshot (default true)
 *       "saveHtml": true                       optional: write the page's HTML as the server sent it to <name>.html
 *     } ]
 *   }
 *
 * Checks ("selector" is a Playwright selector, normally plain CSS; "label" is optional in any check
 * and only names it in the output). Text is the element's textContent with whitespace collapsed and
 * trimmed (not innerText, so CSS text-transform does not matter); text/attribute look at the FIRST match.
 *   {"type":"text",      "selector":"h1", "contains":"Portfolio"}      selector defaults to "body"
 *   {"type":"text",      "selector":"h1", "equals":"Portfolio"}        exact (after collapsing whitespace)
 *   {"type":"count",     "selector":"tbody tr", "equals":5}            or "min" and/or "max"
 *   {"type":"visible",   "selector":"#dialog"}                         waits up to 5 s for it to be visible
 *   {"type":"hidden",    "selector":".error"}                          passes if no match is visible (waits up to 5 s)
 *   {"type":"attribute", "selector":"th.name", "name":"aria-sort", "equals":"ascending"}
 *                        or "contains":"..."; or "exists": false (true) for (non-)presence
 *   {"type":"click",     "selector":"th.name a", "navigation":"auto"}
 *                        "auto" (default): if the click starts a main-frame navigation within 0.75 s,
 *                        wait for it to load (15 s); true: a navigation must follow; false: don't wait
 *   {"type":"fill",      "selector":"input[name=q]", "value":"Worms"}
 *   {"type":"select",    "selector":"select[name=phase]", "value":"operation"}   chooses an option by value
 *   {"type":"submit",    "selector":"form#search", "navigation":true}  requestSubmit() on the form (or on the
 *                        form that contains the selected element); "navigation" defaults to true here
 *   {"type":"url",       "contains":"sort=name"}                       or "equals": a full URL, or a value
 *                        starting with "/" compared with path+query+hash of the current URL
 *
 * Per page, in a fresh browser context: load (15 s navigation timeout, waits for "load"), the checks,
 * then, if "axe" is set, axe-core (node_modules/axe-core/axe.min.js) runs on the page as it is then
 * with tags wcag2a, wcag2aa, wcag21a, wcag21aa; every violation fails the page. Script execution
 * fails the page ("xss"): window.__xss truthy after the load, after each navigation, or at the end
 * (an init script also catches a set made on a page that was navigated away from), or any
 * alert/confirm/prompt dialog (dismissed and counted). Uncaught page errors and console errors are
 * recorded in results.json for information only.
 *
 * Environment: CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const NAV_TIMEOUT_MS = 15_000;
const ACTION_TIMEOUT_MS = 5_000;
const AUTO_NAV_WINDOW_MS = 750;
const DEFAULT_RUN_TIMEOUT_S = 180;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CHECK_TYPES = new Set(['text', 'count', 'visible', 'hidden', 'attribute', 'click', 'fill', 'select', 'submit', 'url']);

const require = createRequire(import.meta.url);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const squash = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
const short = (s, n = 120) => (s.length > n ? s.slice(0, n) + '…' : s);
const errMsg = (e) => squash(e && e.message ? e.message.split('\n')[0] : e);

function loadSpec(file) {
  const spec = JSON.parse(fs.readFileSync(file, 'utf8'));
  const problems = [];
  if (typeof spec.baseUrl !== 'string' || !/^https?:\/\//.test(spec.baseUrl)) problems.push('baseUrl must be an http(s) URL');
  if (!Array.isArray(spec.pages) || spec.pages.length === 0) problems.push('pages must be a non-empty array');
  const names = new Set();
  for (const [i, p] of (spec.pages || []).entries()) {
    const where = `pages[${i}]`;
    if (typeof p.name !== 'string' || !/^[A-Za-z0-9._-]+$/.test(p.name)) problems.push(`${where}.name must match [A-Za-z0-9._-]+`);
    else if (names.has(p.name)) problems.push(`${where}.name "${p.name}" is not unique`);
    names.add(p.name);
    if (typeof p.path !== 'string') problems.push(`${where}.path must be a string`);
    for (const [j, c] of (p.checks || []).entries()) {
      if (!c || !CHECK_TYPES.has(c.type)) problems.push(`${where}.checks[${j}]: unknown type ${JSON.stringify(c && c.type)}`);
      else if (c.type !== 'url' && c.type !== 'text' && typeof c.selector !== 'string') problems.push(`${where}.checks[${j}] (${c.type}) needs a selector`);
    }
  }
  if (problems.length) throw new Error('bad spec: ' + problems.join('; '));
  return spec;
}

/** Runs action(); waits for a main-frame navigation it started, per mode (true | false | "auto"). */
async function actAndSettle(page, action, mode) {
  if (mode === false) { await action(); return 'no wait'; }
  let navRequest = null;
  let committed = false;
  const onRequest = (r) => { if (r.isNavigationRequest() && r.frame() === page.mainFrame()) navRequest = r; };
  const onNavigated = (f) => { if (f === page.mainFrame()) committed = true; };
  page.on('request', onRequest);
  page.on('framenavigated', onNavigated);
  try {
    await action();
    const windowEnd = Date.now() + (mode === true ? NAV_TIMEOUT_MS : AUTO_NAV_WINDOW_MS);
    while (!navRequest && !committed && Date.now() < windowEnd) await sleep(25);
    if (!navRequest && !committed) {
      if (mode === true) throw new Error(`no navigation followed within ${NAV_TIMEOUT_MS} ms`);
      return 'no navigation';
    }
    const commitEnd = Date.now() + NAV_TIMEOUT_MS;
    while (!committed && Date.now() < commitEnd) await sleep(25);
    if (!committed) throw new Error(`navigation to ${navRequest.url()} did not commit within ${NAV_TIMEOUT_MS} ms`);
    await page.waitForLoadState('load', { timeout: NAV_TIMEOUT_MS });
    return 'navigated to ' + page.url();
  } finally {
    page.off('request', onRequest);
    page.off('framenavigated', onNavigated);
  }
}

async function firstOrThrow(page, selector) {
  const loc = page.locator(selector).first();
  if ((await page.locator(selector).count()) === 0) throw new Error(`no element matches ${selector}`);
  return loc;
}

async function runCheck(page, c) {
  switch (c.type) {
    case 'text': {
      const sel = c.selector || 'body';
      const text = squash(await (await firstOrThrow(page, sel)).textContent({ timeout: ACTION_TIMEOUT_MS }));
      if (c.equals !== undefined) {
        const ok = text === squash(c.equals);
        return [ok, ok ? `text is "${short(text)}"` : `expected "${squash(c.equals)}", got "${short(text)}"`];
      }
      const ok = text.includes(squash(c.contains));
      return [ok, ok ? `contains "${c.contains}"` : `"${c.contains}" not in "${short(text)}"`];
    }
    case 'count': {
      const n = await page.locator(c.selector).count();
      const ok = (c.equals === undefined || n === c.equals) && (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max);
      const want = [c.equals !== undefined && `= ${c.equals}`, c.min !== undefined && `>= ${c.min}`, c.max !== undefined && `<= ${c.max}`].filter(Boolean).join(', ');
      return [ok, `${n} match(es)` + (ok ? '' : `, expected ${want}`)];
    }
    case 'visible': {
      const n = await page.locator(c.selector).count();
      try {
        await page.locator(c.selector).first().waitFor({ state: 'visible', timeout: ACTION_TIMEOUT_MS });
      } catch (e) {
        return [false, n === 0 ? `no element matches ${c.selector}` : `${n} match(es), first not visible within ${ACTION_TIMEOUT_MS / 1000} s`];
      }
      return [true, 'visible'];
    }
    case 'hidden': {
      const end = Date.now() + ACTION_TIMEOUT_MS;
      for (;;) {
        const shown = await page.locator(c.selector).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
        if (shown === 0) return [true, 'not visible'];
        if (Date.now() > end) return [false, `${shown} visible match(es)`];
        await sleep(100);
      }
    }
    case 'attribute': {
      const value = await (await firstOrThrow(page, c.selector)).getAttribute(c.name, { timeout: ACTION_TIMEOUT_MS });
      const shown = value === null ? `absent` : `"${short(value)}"`;
      if (c.exists !== undefined) { const ok = (value !== null) === Boolean(c.exists); return [ok, `${c.name} ${shown}`]; }
      if (value === null) return [false, `${c.name} is absent`];
      const ok = c.equals !== undefined ? value === String(c.equals) : value.includes(String(c.contains));
      return [ok, ok ? `${c.name}=${shown}` : `${c.name}=${shown}, expected ${c.equals !== undefined ? `"${c.equals}"` : `to contain "${c.contains}"`}`];
    }
    case 'click': {
      const loc = await firstOrThrow(page, c.selector);
      const how = await actAndSettle(page, () => loc.click({ timeout: ACTION_TIMEOUT_MS }), c.navigation ?? 'auto');
      return [true, `clicked; ${how}`];
    }
    case 'fill':
      await (await firstOrThrow(page, c.selector)).fill(String(c.value ?? ''), { timeout: ACTION_TIMEOUT_MS });
      return [true, 'filled'];
    case 'select':
      await (await firstOrThrow(page, c.selector)).selectOption(String(c.value ?? ''), { timeout: ACTION_TIMEOUT_MS });
      return [true, 'selected'];
    case 'submit': {
      const loc = await firstOrThrow(page, c.selector);
      const how = await actAndSettle(page, () => loc.evaluate((el) => {
        const form = el instanceof HTMLFormElement ? el : el.form || el.closest('form');
        if (!form) throw new Error('no form for the selected element');
        form.requestSubmit();
      }), c.navigation ?? true);
      return [true, `submitted; ${how}`];
    }
    case 'url': {
      const url = page.url();
      if (c.equals !== undefined) {
        const u = new URL(url);
        const actual = String(c.equals).startsWith('/') ? u.pathname + u.search + u.hash : url;
        return [actual === c.equals, `url is ${actual}`];
      }
      return [url.includes(c.contains), `url is ${url}`];
    }
    default:
      throw new Error(`unknown check type ${c.type}`);
  }
}

// Installed before any page script: remembers a truthy window.__xss even if the page navigates away.
function xssTrap() {
  let value;
  try {
    Object.defineProperty(window, '__xss', {
      configurable: true,
      get() { return value; },
      set(v) { value = v; if (v) { try { window.__browserRunnerXss(String(v)); } catch (e) { /* binding not ready */ } } },
    });
  } catch (e) { /* ignore */ }
}

async function runPage(browser, spec, p, outDir, axeSource) {
  const result = { name: p.name, url: null, status: null, checks: [], axe: Boolean(p.axe), axeViolations: [], xss: false, xssEvidence: [],
    pageErrors: [], consoleErrors: [], screenshot: null, error: null, ok: false };
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ignoreHTTPSErrors: true });
  try {
    await context.exposeBinding('__browserRunnerXss', ({ frame }, v) => {
      result.xssEvidence.push(`window.__xss=${short(v, 60)} set on ${frame.url()}`);
    });
    await context.addInitScript(xssTrap);
    const page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);
    page.on('dialog', async (d) => {
      if (d.type() === 'beforeunload') { await d.accept().catch(() => {}); return; }
      result.xssEvidence.push(`${d.type()}("${short(d.message(), 60)}") dialog opened`);
      await d.dismiss().catch(() => {});
    });
    page.on('pageerror', (e) => result.pageErrors.push(errMsg(e)));
    page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(short(squash(m.text()), 300)); });
    const readXss = async (when) => {
      const v = await page.evaluate(() => { const x = window.__xss; return x ? String(x) : null; }).catch(() => null);
      if (v !== null) result.xssEvidence.push(`window.__xss=${short(v, 60)} ${when} (${page.url()})`);
    };

    const target = new URL(p.path, spec.baseUrl).toString();
    result.url = target;
    const response = await page.goto(target, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    result.status = response ? response.status() : null;
    if (p.saveHtml && response) {
      const html = path.join(outDir, `${p.name}.html`);
      fs.writeFileSync(html, await response.body());
      result.html = html;
    }
    const statusOk = p.status !== undefined ? result.status === p.status : (result.status === null || result.status < 400);
    result.checks.push({ type: 'status', expected: p.status ?? '< 400', ok: statusOk, detail: `HTTP ${result.status}` });
    await readXss('after load');

    for (const c of p.checks || []) {
      const urlBefore = page.url();
      let ok = false; let detail;
      try { [ok, detail] = await runCheck(page, c); } catch (e) { detail = errMsg(e); }
      result.checks.push({ ...c, ok, detail });
      if (page.url() !== urlBefore) await readXss('after navigation');
    }

    if (p.axe) {
      const disabled = (typeof p.axe === 'object' && p.axe.disableRules) || [];
      // evaluate() goes through the DevTools protocol, so a page's Content-Security-Policy does not block it.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async ({ tags, disabled }) => {
        const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => n.target) }));
      }, { tags: AXE_TAGS, disabled });
      result.axeViolations = violations;
    }

    await readXss('at the end');
    result.url = page.url();
    if (p.screenshot !== false) {
      const shot = path.join(outDir, `${p.name}.png`);
      await page.screenshot({ path: shot, fullPage: true, timeout: NAV_TIMEOUT_MS });
      result.screenshot = shot;
    }
  } catch (e) {
    result.error = errMsg(e);
  } finally {
    await context.close().catch(() => {});
  }
  result.xss = result.xssEvidence.length > 0;
  result.ok = !result.error && result.checks.every((c) => c.ok) && result.axeViolations.length === 0 && !result.xss;
  return result;
}

function describe(r) {
  if (r.ok) {
    return `PASS ${r.name}: ${r.checks.length} checks` + (r.axe ? ', axe clean' : '') + `, no script executed (${r.url}, ${r.ms} ms)`;
  }
  const why = [];
  if (r.error) why.push(`error: ${r.error}`);
  r.checks.forEach((c, i) => {
    if (!c.ok) why.push(`check ${i} ${c.label ? `"${c.label}" ` : ''}${c.type}${c.selector ? ` ${c.selector}` : ''}: ${c.detail}`);
  });
  for (const v of r.axeViolations) {
    why.push(`axe ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.join(' ')).join(', ')}`);
  }
  if (r.xss) why.push(`xss: script executed: ${r.xssEvidence.join('; ')}`);
  return `FAIL ${r.name}: ` + why.join(' | ');
}

async function main() {
  const [specFile, outDir] = process.argv.slice(2);
  if (!specFile || !outDir) {
    console.error('usage: node run.mjs <spec.json> <out-dir>');
    console.log('browser: 0 passed, 1 failed');
    return 1;
  }
  let spec;
  try { spec = loadSpec(specFile); } catch (e) {
    console.error(errMsg(e));
    console.log('browser: 0 passed, 1 failed');
    return 1;
  }
  fs.mkdirSync(outDir, { recursive: true });
  const results = [];
  const writeResults = (extra = {}) => {
    const passed = results.filter((r) => r.ok).length;
    fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify({ baseUrl: spec.baseUrl,
      passed, failed: spec.pages.length - passed, ...extra, pages: results }, null, 2));
    return passed;
  };

  let browser;
  const runTimeoutS = spec.timeoutSeconds || DEFAULT_RUN_TIMEOUT_S;
  const watchdog = setTimeout(() => {
    console.log(`FAIL run exceeded ${runTimeoutS} s; ${results.length} of ${spec.pages.length} pages done`);
    const passed = writeResults({ error: `run exceeded ${runTimeoutS} s` });
    console.log(`browser: ${passed} passed, ${spec.pages.length - passed} failed`);
    process.exit(1); // playwright-core's exit handler kills the browser process group it launched
  }, runTimeoutS * 1000);

  try {
    const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
    console.log(`chromium ${browser.version()} against ${spec.baseUrl}`);
    for (const p of spec.pages) {
      const started = Date.now();
      const r = await runPage(browser, spec, p, outDir, axeSource);
      r.ms = Date.now() - started;
      results.push(r);
      console.log(describe(r));
    }
  } catch (e) {
    console.log(`FAIL browser: ${errMsg(e)}`);
    writeResults({ error: errMsg(e) });
    console.log(`browser: ${results.filter((r) => r.ok).length} passed, ${spec.pages.length - results.filter((r) => r.ok).length} failed`);
    return 1;
  } finally {
    clearTimeout(watchdog);
    if (browser) await browser.close().catch(() => {});
  }
  const passed = writeResults();
  const failed = spec.pages.length - passed;
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  console.log('browser: 0 passed, 1 failed');
  process.exit(1);
});
