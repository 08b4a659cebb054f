// Shared set-up for the end-to-end tests: the real server on a fresh SQLite database, Debian's
// Chromium driven by playwright-core at phone size, axe-core, and the register read from CSV.
import { spawn } from 'node:child_process';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(ROOT, 'tools', 'package.json'));
const { chromium } = require('playwright-core');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const SERVER_BIN = process.env.DH_SERVER_BIN ?? join(ROOT, 'target', 'debug', 'deputy-homes-server');
const CHROMIUM = process.env.DH_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server on a free port (or `addr`) with its own database and the sample register
 * (or `register`, a CSV file); resolves when it listens. */
export async function startServer({
  dir = mkdtempSync(join(tmpdir(), 'dh-e2e-')),
  addr = '127.0.0.1:0',
  register = join(ROOT, 'data', 'homes.csv'),
  env = {},
} = {}) {
  const child = spawn(SERVER_BIN, ['serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DH_ADDR: addr,
      DH_DATABASE_URL: `sqlite://${join(dir, 'e2e.db')}?mode=rwc`,
      DH_DIST_DIR: join(ROOT, 'dist'),
      DH_SAMPLE_REGISTER: register,
      // The scenarios make the activities and opinions they look at; the living sample would
      // add its own to every list.
      DH_SAMPLE_DATA: '0',
      // The log sender writes each text (verification codes included) at info on `notify`.
      RUST_LOG: 'warn,notify=info',
      DH_NOTIFY_INTERVAL_SECONDS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The demo accounts' passwords, printed once by the server on its first start.
  const demoAccounts = {};
  // Every verification code texted so far, as the log sender wrote it.
  const codes = [];
  let log = '';
  child.stdout.on('data', (chunk) => {
    log += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
    let end;
    while ((end = log.indexOf('\n')) >= 0) {
      const line = log.slice(0, end);
      log = log.slice(end + 1);
      const code = line.match(/您的验证码为(\d{6})/);
      const phone = line.match(/phone=(\d{3})\*+(\d+)/);
      if (code && phone) codes.push({ head: phone[1], tail: phone[2], code: code[1] });
    }
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/serving on (http:\/\/[^\s/]+)\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
      for (const [, user, password] of out.matchAll(/demo account \(sample data only\): (\S+) \/ (\S+)/g)) {
        demoAccounts[user] = password;
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}: ${out}`)); });
  });
  return {
    url,
    dir,
    demoAccounts,
    /** The next code texted to `phone` (digits only) after `seen` codes to it; waits for it. */
    async codeFor(phone, seen = 0) {
      const mine = () => codes.filter((c) => phone.startsWith(c.head) && phone.endsWith(c.tail));
      for (let waited = 0; waited < 15_000; waited += 100) {
        const sent = mine();
        if (sent.length > seen) return sent[sent.length - 1].code;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no code texted to ${phone}`);
    },
    /** How many codes have been texted to `phone`. */
    codesSentTo(phone) {
      return codes.filter((c) => phone.startsWith(c.head) && phone.endsWith(c.tail)).length;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Launches headless Chromium. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** A fresh phone-sized page (390×844 by default) in Hohhot's time zone. */
export async function newPhonePage(browser, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options,
  });
  const page = await context.newPage();
  // The server draws the first screen of `/` and `/homes/…` into the page; the app then takes
  // it over, on such a page only when it is first needed (`src/forms.js`). A test acts on the
  // live app: after loading a page of an app, ask for it as a first use does, and wait until it
  // is live. (`first-screen.test.mjs` tests the drawn page and what starts the app.)
  if (options.javaScriptEnabled !== false) {
    for (const name of ['goto', 'reload']) {
      const load = page[name].bind(page);
      page[name] = async (...args) => {
        const response = await load(...args);
        if (response?.headers()['content-type']?.startsWith('text/html')) {
          await startApp(page);
          await page.waitForFunction(() => document.documentElement.hasAttribute('data-live'));
        }
        return response;
      };
    }
  }
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  // What the Content-Security-Policy blocked (an inline script, an image from elsewhere) is
  // reported on the console only: count it as an error of the page.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  page.jsErrors = errors;
  return page;
}

/** Asks the page's app to start, as `src/forms.js` does on its first use. */
export async function startApp(page) {
  await page.evaluate(() => {
    const html = document.documentElement;
    if (html.hasAttribute('data-start')) return;
    html.setAttribute('data-start', '');
    document.dispatchEvent(new Event('deputy-homes:start'));
  });
}

/** Signs in through the sign-in form on a fresh phone page; resolves on the account page. */
export async function signIn(browser, server, login, password) {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/sign-in');
  await page.getByLabel('用户名或手机号').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { level: 1, name: '我的账户' }).waitFor();
  return page;
}

/**
 * Types `phone` into the form whose ids start with `prefix`, asks for a text code, reads it from
 * the server's log and types it; the form's own button then verifies it. Resolves with the code.
 */
export async function typeTextCode(page, server, prefix, phone) {
  const digits = phone.replace(/\D/g, '');
  const seen = server.codesSentTo(digits);
  await page.locator(`#${prefix}-phone`).fill(phone);
  await page.locator(`#${prefix}-get-code`).click();
  const code = await server.codeFor(digits, seen);
  await page.locator(`#${prefix}-code`).fill(code);
  return code;
}

/**
 * Verifies `phone` for the page's browser through the API, as the form does (code from the
 * server's log); resolves with the session's anti-forgery token.
 */
export async function verifyByApi(page, server, phone) {
  const seen = server.codesSentTo(phone);
  const asked = await page.evaluate(async (phone) => (await fetch('/api/citizen/codes', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone }),
  })).status, phone);
  assert.equal(asked, 202, 'a code was sent');
  const code = await server.codeFor(phone, seen);
  return page.evaluate(async ({ phone, code }) => (await (await fetch('/api/citizen/session', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, code }),
  })).json()).csrf_token, { phone, code });
}

/** A real JPEG drawn by the page's canvas, as a file's bytes. */
export async function canvasJpeg(page, colour = '#3a7') {
  const dataUrl = await page.evaluate((colour) => {
    const canvas = document.createElement('canvas');
    canvas.width = 640; canvas.height = 480;
    const g = canvas.getContext('2d');
    g.fillStyle = colour; g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#fff'; g.fillRect(100, 100, 200, 120);
    return canvas.toDataURL('image/jpeg', 0.8);
  }, colour);
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/**
 * Uploads a canvas JPEG from `page` to a photo route with the anti-forgery token `csrf`;
 * resolves with the answer's status and body.
 */
export async function uploadPhoto(page, path, csrf) {
  const bytes = [...await canvasJpeg(page, '#47a')];
  return page.evaluate(async ({ path, csrf, bytes }) => {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'site.jpg');
    const r = await fetch(path, { method: 'POST', headers: { 'x-csrf-token': csrf }, body: form });
    return { status: r.status, body: await r.json() };
  }, { path, csrf, bytes });
}

/** Runs axe-core on the page and returns its violations. */
export async function axeViolations(page) {
  // Evaluated through the browser's debugging protocol: a script tag added to the page is an
  // inline script, which the Content-Security-Policy rightly refuses.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Whether the page scrolls sideways. */
export async function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Visible links, buttons, summaries and form fields smaller than `min`×`min` CSS px (44, or 60 in
 * elders' mode). A checkbox or radio inside its label is measured by the label, as a tap anywhere
 * on the label ticks it. */
export async function smallTapTargets(page, min = 44) {
  return page.evaluate((min) => [...document.querySelectorAll('a[href], button, select, input, textarea, summary')]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => ({ el, box: ((el.type === 'checkbox' || el.type === 'radio') && el.closest('label') || el).getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0 && (box.height < min || box.width < min))
    .map(({ el, box }) => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`), min);
}

/** Saves a full-page screenshot for people to look at. */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Reads data/homes.csv (RFC 4180) into objects keyed by the header. */
export function readRegister() {
  const text = readFileSync(join(ROOT, 'data', 'homes.csv'), 'utf8');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** Great-circle distance in metres (the same formula as the app's, written independently). */
export function distanceM(lat1, lon1, lat2, lon2) {
  const rad = (d) => (d * Math.PI) / 180;
  const h = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

/** Starts a server on a fresh database and a browser before a file's tests and stops both after;
 * `ready` receives them. */
export function useServerAndBrowser(ready) {
  let server, browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ready(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/** Checks a screen the way every new screen is checked: axe-core, sideways scrolling, tap
 * targets, and screenshots at 390 and 320 px wide (people look at them). */
export async function lookAt(page, name) {
  assert.deepEqual(await axeViolations(page), [], `${name}: axe`);
  assert.equal(await scrollsSideways(page), false, `${name}: scrolls sideways at 390`);
  assert.deepEqual(await smallTapTargets(page), [], `${name}: small tap targets`);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 320, height: 844 });
  assert.equal(await scrollsSideways(page), false, `${name}: scrolls sideways at 320`);
  await screenshot(page, `${name}-320`);
  await page.setViewportSize({ width: 390, height: 844 });
}
