// The traditional Mongolian interface (issue 14) end to end in Chromium at 390×844 and 320 px:
// the choice of three languages, remembered; `lang="mn-Mong-CN"`; the Mongolian font fetched
// only for Mongolian (the Chinese first page requests no font at all) and actually loaded;
// text regions in vertical columns inside a strip that scrolls left to right, the frame
// horizontal; dates written in Mongolian; axe-core clean; nothing sideways at 320 px. The
// English and Mongolian strings are files fetched only when chosen: the Chinese page asks for none,
// and neither app's wasm holds their sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  useServerAndBrowser, newPhonePage, axeViolations, scrollsSideways, smallTapTargets, screenshot,
  startServer, ROOT, signIn,
} from './harness.mjs';

let server, browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

const MONGOLIAN = /[\u1820-\u1842]/;
const FONT_FILE = /\.(woff2?|ttf|otf)(\?|$)/;
const CATALOG_FILE = /\/public\/i18n\/(en|mn)\.txt\?v=[0-9a-f]{8}$/;
const REVIEW_ZH = '蒙古文译文有待母语译者审校。';
// "2026 ᠣᠨ ᠤ 3 ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 5 ᠡᠳᠦᠷ": year and month words with their suffixes after a narrow
// no-break space, the month's final vowel after the vowel separator.
const MONGOLIAN_DATE = /\d{4} \u1823\u1828\u202F\u1824 \d{1,2} \u1830\u1820\u1837\u180E\u1820\u202F\u1836\u1822\u1828 \d{1,2} \u1821\u1833\u1826\u1837/;

/** A phone page that records every font file and catalog file it asks for. */
async function phone(width = 390) {
  const page = await newPhonePage(browser, { viewport: { width, height: 844 } });
  page.fontRequests = [];
  page.catalogRequests = [];
  page.on('request', (r) => {
    if (FONT_FILE.test(r.url())) page.fontRequests.push(r.url());
    if (r.url().includes('/public/i18n/')) page.catalogRequests.push(r.url());
  });
  return page;
}

async function chooseMongolian(page) {
  await page.getByRole('button', { name: /切换到蒙古文/ }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'mn-Mong-CN');
}

/** The layout facts the Mongolian page must satisfy, read in the page. */
async function layout(page) {
  await page.locator('.site-nav').waitFor();
  return page.evaluate(async () => {
    await document.fonts.ready;
    const main = document.querySelector('main');
    const style = (el) => getComputedStyle(el);
    return {
      lang: document.documentElement.lang,
      fontLoaded: [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Sans Mongolian' && f.status === 'loaded'),
      mainMode: style(main).writingMode,
      headerMode: style(document.querySelector('.site-header')).writingMode,
      navMode: style(document.querySelector('.site-nav')).writingMode,
      // The strip scrolls left to right only: nothing hangs out below it.
      mainOverflowsDown: main.scrollHeight > main.clientHeight + 1,
      mainScrollsRight: style(main).overflowX,
      h1: document.querySelector('main h1')?.textContent ?? '',
    };
  });
}

test('the Chinese first page requests no font file and offers three languages named in themselves', async () => {
  const page = await phone();
  await page.goto(server.url + '/');
  await page.locator('.result-count').waitFor();
  const names = await page.locator('.lang-switch button').allTextContents();
  assert.deepEqual(names, ['中文', 'English', 'ᠮᠣᠩᠭᠣᠯ']);
  assert.equal(await page.getByRole('button', { name: '切换到中文' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: /切换到蒙古文/ }).getAttribute('lang'), 'mn-Mong-CN');
  assert.deepEqual(page.fontRequests, [], 'no font file on the Chinese page');
  assert.deepEqual(page.catalogRequests, [], 'no catalog file on the Chinese page');
  const face = await page.evaluate(() => [...document.fonts].find((f) => f.family.replace(/"/g, '') === 'Noto Sans Mongolian')?.status);
  assert.equal(face, 'unloaded');
  await screenshot(page, 'mn-chinese-switch-390');
});

test('no English or Mongolian sentence of the catalog files is compiled into either app', () => {
  // Every piece of a shipped text between its `{holes}` that has two words or more (a single
  // word may also be a Rust name, as "Progress" is): none of them is in the built wasm.
  const apps = [join(ROOT, 'dist'), join(ROOT, 'dist', 'office')].map((dir) => {
    const wasm = readdirSync(dir).find((name) => name.endsWith('_bg.wasm'));
    return readFileSync(join(dir, wasm));
  });
  for (const lang of ['en', 'mn']) {
    const file = readFileSync(join(ROOT, 'public', 'i18n', `${lang}.txt`), 'utf8');
    const pieces = file.split('\n').slice(2).flatMap((line) => {
      const text = line.slice(line.indexOf('\t') + 1);
      return text.split(/\{\w+\}|\\n/).map((piece) => piece.trim());
    }).filter((piece) => piece.includes(' ') && Buffer.byteLength(piece) >= 12);
    assert.ok(pieces.length > 500, `${lang}: ${pieces.length} pieces`);
    for (const wasm of apps) {
      const found = pieces.filter((piece) => wasm.includes(Buffer.from(piece)));
      assert.deepEqual(found, [], `${lang} text compiled into the wasm`);
    }
  }
});

test('Mongolian is chosen, laid out in vertical columns, its font loaded, and remembered', async () => {
  for (const width of [390, 320]) {
    const page = await phone(width);
    await page.goto(server.url + '/');
    await page.locator('.result-count').waitFor();
    await chooseMongolian(page);
    await page.locator('.review-notice').waitFor();
    assert.match(await page.locator('.review-notice').textContent(), new RegExp(REVIEW_ZH));
    assert.equal(page.catalogRequests.length, 1, 'the Mongolian strings are fetched once');
    assert.match(page.catalogRequests[0], CATALOG_FILE);
    assert.match(page.catalogRequests[0], /mn\.txt/);
    assert.match(await page.locator('.result-count').textContent(), MONGOLIAN);
    await page.reload();
    await page.locator('.result-count').waitFor();
    const facts = await layout(page);
    assert.equal(facts.lang, 'mn-Mong-CN', 'remembered after a reload');
    assert.equal(facts.fontLoaded, true, 'Noto Sans Mongolian is loaded');
    assert.ok(page.fontRequests.some((u) => u.endsWith('/public/fonts/noto-sans-mongolian.woff2')));
    assert.equal(facts.mainMode, 'vertical-lr');
    assert.equal(facts.headerMode, 'horizontal-tb');
    assert.equal(facts.navMode, 'horizontal-tb');
    assert.equal(facts.mainScrollsRight, 'auto');
    assert.equal(facts.mainOverflowsDown, false);
    assert.match(facts.h1, MONGOLIAN);
    assert.equal(await page.getByRole('button', { name: /切换到蒙古文/ }).getAttribute('aria-pressed'), 'true');
    assert.equal(await scrollsSideways(page), false, `the list scrolls sideways at ${width}px`);
    assert.deepEqual(page.jsErrors, []);
  }
});

test('a stored Mongolian loads before the first page is drawn, and a failed fetch keeps Chinese and says so', async () => {
  const chooser = await phone();
  await chooser.goto(server.url + '/');
  await chooseMongolian(chooser);
  // The choice is kept on the phone, and told to the server, which then leaves the first screen
  // (drawn in Chinese) to the app.
  const cookies = await chooser.context().cookies();
  assert.ok(cookies.some((c) => c.name === 'dh-lang' && c.value === 'mn-Mong-CN'), JSON.stringify(cookies));
  // The next visit on this phone: the first text drawn is already Mongolian, no Chinese
  // navigation flashes first.
  await chooser.context().addInitScript(() => {
    window.firstNav = null;
    new MutationObserver(() => {
      const nav = document.querySelector('.site-nav');
      if (nav && window.firstNav === null) window.firstNav = nav.textContent;
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await chooser.context().newPage();
  const catalogRequests = [];
  page.on('request', (r) => { if (r.url().includes('/public/i18n/')) catalogRequests.push(r.url()); });
  for (const path of ['/', '/homes/xc-01']) {
    await page.goto(server.url + path);
    await page.locator('html[data-live]').waitFor({ state: 'attached' });
    assert.match(await page.evaluate(() => window.firstNav), MONGOLIAN, path);
  }
  await page.locator('.hours').waitFor();
  assert.equal(catalogRequests.length, 2, 'one fetch of the catalog per page load');

  const offline = await phone();
  await offline.route('**/public/i18n/**', (route) => route.abort());
  await offline.goto(server.url + '/');
  await offline.locator('.result-count').waitFor();
  await offline.getByRole('button', { name: /切换到蒙古文/ }).click();
  await offline.locator('.lang-status').getByText('无法连接服务器', { exact: false }).waitFor();
  assert.equal(await offline.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await offline.getByRole('button', { name: '切换到中文' }).getAttribute('aria-pressed'), 'true');
  assert.match(await offline.locator('main h1').textContent(), /人大代表之家/);
  assert.deepEqual(await axeViolations(offline), []);
  await screenshot(offline, 'lang-failed-390');
});

test('every citizen page in Mongolian is vertical, axe-clean, with 44 px targets at 390 and 320 px', async () => {
  for (const width of [390, 320]) {
    const page = await phone(width);
    await page.goto(server.url + '/');
    await chooseMongolian(page);
    const pages = [
      ['/', page.locator('.result-count')],
      ['/homes/xc-02', page.locator('.hours')],
      ['/activities', page.locator('main h1')],
      ['/opinions/new', page.locator('form button[type=submit]')],
      ['/board', page.locator('main h1')],
    ];
    for (const [path, loaded] of pages) {
      await page.goto(server.url + path);
      await loaded.waitFor();
      const facts = await layout(page);
      assert.equal(facts.lang, 'mn-Mong-CN', path);
      assert.equal(facts.mainMode, 'vertical-lr', path);
      assert.equal(facts.fontLoaded, true, `${path}: font`);
      assert.equal(facts.mainOverflowsDown, false, `${path} overflows downwards at ${width}px`);
      assert.equal(await scrollsSideways(page), false, `${path} scrolls sideways at ${width}px`);
      assert.deepEqual(await axeViolations(page), [], `${path} at ${width}px`);
      assert.deepEqual(await smallTapTargets(page), [], `${path} at ${width}px has tap targets under 44 px`);
      const name = path === '/' ? 'list' : path.split('/').filter(Boolean).join('-');
      await screenshot(page, `mn-${name}-${width}`);
    }
    assert.deepEqual(page.jsErrors, []);
  }
});

test('times and weekdays are written in Mongolian words with Arabic digits', async () => {
  // The fresh test database has no activity or published reply, so the page with times is a
  // home's: its opening hours and status. Whole dates are covered by mn_dates' unit tests.
  const page = await phone();
  await page.goto(server.url + '/homes/xc-02');
  await page.locator('.hours').waitFor();
  await chooseMongolian(page);
  const hours = await page.locator('.hours').textContent();
  assert.match(hours, /\u182D\u1820\u1837\u1820\u182D/, 'weekdays (ᠭᠠᠷᠠᠭ) in Mongolian');
  assert.match(hours, /\d{1,2} \u1834\u1820\u182D/, 'hours as digits and ᠴᠠᠭ');
  assert.doesNotMatch(hours, /\d{2}:\d{2}/);
});

test('a home page in Mongolian shows joined letters and upright Chinese names', async () => {
  const page = await phone();
  await page.goto(server.url + '/homes/xc-02');
  await page.locator('.hours').waitFor();
  await chooseMongolian(page);
  await page.getByRole('heading', { level: 1, name: '海拉尔东路街道人大代表之家' }).waitFor();
  const facts = await page.evaluate(async () => {
    await document.fonts.ready;
    const h1 = document.querySelector('main h1');
    const hoursHeading = document.querySelector('#hours-heading');
    const box = hoursHeading.getBoundingClientRect();
    return {
      orientation: getComputedStyle(h1).textOrientation,
      // A vertical column is taller than it is wide.
      headingIsColumn: box.height > box.width,
      usesFont: document.fonts.check('16px "Noto Sans Mongolian"', hoursHeading.textContent),
    };
  });
  assert.equal(facts.orientation, 'mixed', 'Chinese upright, digits and Latin sideways');
  assert.equal(facts.headingIsColumn, true);
  assert.equal(facts.usesFont, true);
  // Looked at by eye: letters joined into words, the Chinese name upright (tests/e2e/artifacts).
  await page.locator('.hours').screenshot({ path: new URL('./artifacts/mn-home-hours.png', import.meta.url).pathname });
  await screenshot(page, 'mn-home-390');
});

// A test register: the sample one with the optional Mongolian columns, filled for xc-02 only.
// The Mongolian is a test fixture written for this test, awaiting a native speaker's review like
// the catalog (MN_AWAITING_REVIEW); the sample register itself has no Mongolian names.
const NAME_MN = 'ᠬᠠᠶᠢᠯᠠᠷ ᠵᠡᠭᠦᠨ ᠵᠠᠮ ᠤᠨ ᠵᠡᠭᠡᠯᠢ ᠶᠢᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠭᠡᠷ';
const ADDRESS_MN = 'ᠬᠠᠶᠢᠯᠠᠷ ᠵᠡᠭᠦᠨ ᠭᠤᠳᠤᠮᠵᠢ 45';

function registerWithMongolian() {
  const lines = readFileSync(join(ROOT, 'data', 'homes.csv'), 'utf8').split('\n').filter((l) => l !== '');
  const [header, ...rows] = lines;
  const withColumns = [`${header},name_mn,address_mn`, ...rows.map((row) => (row.startsWith('xc-02,') ? `${row},${NAME_MN},${ADDRESS_MN}` : `${row},,`))];
  const dir = mkdtempSync(join(tmpdir(), 'dh-e2e-mn-'));
  const file = join(dir, 'homes-mn.csv');
  writeFileSync(file, withColumns.join('\n') + '\n');
  return { dir, file };
}

test('a home with a Mongolian name shows it in Mongolian, in the Mongolian font, and Chinese where it has none', async () => {
  const { dir, file } = registerWithMongolian();
  const own = await startServer({ dir, register: file });
  try {
    for (const width of [390, 320]) {
      const page = await phone(width);
      await page.goto(own.url + '/');
      await page.locator('.result-count').waitFor();
      await chooseMongolian(page);
      const withName = page.locator('.home-card__name', { hasText: NAME_MN });
      await withName.waitFor();
      assert.equal(await withName.getAttribute('lang'), 'mn-Mong-CN');
      const without = page.locator('.home-card__name', { hasText: '新城区人大代表之家' });
      assert.equal(await without.getAttribute('lang'), 'zh-CN', 'a home without one keeps its Chinese name');
      assert.equal(await scrollsSideways(page), false, `the list scrolls sideways at ${width}px`);

      await page.goto(own.url + '/homes/xc-02');
      await page.locator('.hours').waitFor();
      const h1 = page.getByRole('heading', { level: 1, name: NAME_MN });
      await h1.waitFor();
      const facts = await page.evaluate(async () => {
        await document.fonts.ready;
        const h1 = document.querySelector('main h1');
        const address = document.querySelector('#address-heading + p');
        const box = h1.getBoundingClientRect();
        return {
          lang: h1.lang,
          font: getComputedStyle(h1).fontFamily,
          usesFont: document.fonts.check('16px "Noto Sans Mongolian"', h1.textContent),
          column: box.height > box.width,
          address: address.textContent,
          addressLang: address.lang,
          title: document.title,
        };
      });
      assert.equal(facts.lang, 'mn-Mong-CN');
      assert.match(facts.font, /Noto Sans Mongolian/);
      assert.equal(facts.usesFont, true);
      assert.equal(facts.column, true, 'the name is a vertical column');
      assert.equal(facts.address, ADDRESS_MN);
      assert.equal(facts.addressLang, 'mn-Mong-CN');
      assert.match(facts.title, new RegExp(NAME_MN.split(' ')[0]));
      assert.deepEqual(await axeViolations(page), [], `home page at ${width}px`);
      assert.equal(await scrollsSideways(page), false, `the home page scrolls sideways at ${width}px`);
      await screenshot(page, `mn-home-name-mn-${width}`);

      await page.goto(own.url + '/homes/xc-01');
      await page.locator('.hours').waitFor();
      await page.getByRole('heading', { level: 1, name: '新城区人大代表之家' }).waitFor();
      assert.equal(await page.locator('main h1').getAttribute('lang'), 'zh-CN');

      // Chinese is as before: the Chinese name, no lang of its own.
      await page.getByRole('button', { name: '切换到中文' }).click();
      await page.goto(own.url + '/homes/xc-02');
      await page.getByRole('heading', { level: 1, name: '海拉尔东路街道人大代表之家' }).waitFor();
      assert.equal(await page.locator('main h1').getAttribute('lang'), null);
      assert.deepEqual(page.jsErrors, []);
    }
  } finally {
    await own.stop();
  }
});

// The office (staff and delegates) in Mongolian: each page's text is a vertical strip that
// scrolls inside itself; nothing may push the page sideways or hang out below the strip.
const OFFICE_PAGES = {
  'demo-staff': ['/account', '/staff/accounts', '/staff/opinions', '/staff/walk-in', '/staff/outbox', '/staff/audit', '/staff/holidays', '/staff/units', '/staff/projects'],
  'demo-delegate': ['/account'],
};

test('the office pages in Mongolian do not overflow at 390 and 320 px', async () => {
  for (const [login, paths] of Object.entries(OFFICE_PAGES)) {
    const page = await signIn(browser, server, login, server.demoAccounts[login]);
    await chooseMongolian(page);
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 844 });
      for (const path of paths) {
        await page.goto(server.url + path);
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        const facts = await layout(page);
        assert.equal(facts.lang, 'mn-Mong-CN', path);
        assert.equal(facts.mainMode, 'vertical-lr', path);
        assert.equal(await scrollsSideways(page), false, `${path} scrolls sideways at ${width}px`);
        assert.equal(facts.mainOverflowsDown, false, `${path} hangs out below its strip at ${width}px`);
        await screenshot(page, `mn-office${path.replaceAll('/', '-')}-${login}-${width}`);
      }
    }
    assert.deepEqual(page.jsErrors, []);
  }
});
