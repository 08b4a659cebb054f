// The first screen of `/`, `/homes/…`, `/activities`, `/board`, `/stats` and `/opinions/new` drawn
// by the server (issue 12, goal 2): the homes, a home's name, address and hours, the upcoming
// activities, the published replies, the figures, the form for an opinion are in the page the
// server sends, so they paint before the app's code has loaded (and, but for the form, work
// without it). The app then takes
// the page over from the answer the page carries: with the same markup, no layout shift, and
// without asking the server again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, readRegister, screenshot, startApp, startServer } from './harness.mjs';

let server, browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

// A server with the living sample (activities over the next four weeks, opinions along the
// handling chain, some published with replies and ratings), so the lists have something to draw.
let sample;
before(async () => { sample = await startServer({ env: { DH_SAMPLE_DATA: '1' } }); });
after(async () => { await sample?.stop(); });

const register = readRegister();

/**
 * The DOM under `#app` as a string that says what a person sees and a screen reader reads:
 * elements with their attributes (sorted), text (adjacent pieces joined), an input's or a
 * select's current value; not comments, which the app uses as markers. `skip` names elements
 * whose content is left out.
 */
function canonicalApp(skip) {
  const element = (node) => {
    // What is chosen or ticked counts, not whether markup or a script chose it.
    const state = { INPUT: ['value', 'checked'], OPTION: ['selected'] }[node.tagName] ?? [];
    const attributes = [...node.attributes]
      .filter((a) => !state.includes(a.name))
      .map((a) => `${a.name}=${JSON.stringify(a.value)}`);
    if (node.tagName === 'INPUT' || node.tagName === 'SELECT') attributes.push(`(value)=${JSON.stringify(node.value)}`);
    if (node.type === 'checkbox' || node.type === 'radio') attributes.push(`(checked)=${node.checked}`);
    let inner = '';
    if (!(skip && node.matches(skip))) {
      let text = '';
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) { text += child.data; continue; }
        if (child.nodeType !== Node.ELEMENT_NODE || child.tagName === 'SCRIPT') continue;
        if (text) { inner += JSON.stringify(text); text = ''; }
        inner += element(child);
      }
      if (text) inner += JSON.stringify(text);
    }
    return `<${node.tagName.toLowerCase()} ${attributes.sort().join(' ')}>${inner}</>`;
  };
  return element(document.getElementById('app'));
}

/** A page with the app's code off: only what the server sent. */
function withoutApp(width = 390) {
  return newPhonePage(browser, { javaScriptEnabled: false, viewport: { width, height: 844 } });
}

/** A page that records its layout shifts (from the first paint on) and its API requests. */
async function withApp(width = 390) {
  const page = await newPhonePage(browser, { viewport: { width, height: 844 } });
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.shifts.push({ value: entry.value, sources: entry.sources.map((s) => s.node?.outerHTML?.slice(0, 80)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  page.apiRequests = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api/')) page.apiRequests.push(new URL(r.url()).pathname + new URL(r.url()).search); });
  return page;
}

test('the list of homes and a home are in the page the server sends, and work without the app', async () => {
  const page = await withoutApp();
  await page.goto(server.url + '/');
  assert.equal(await page.locator('.home-card').count(), register.length);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '找到身边的人大代表之家');
  await page.getByText(`共找到 ${register.length} 个代表之家`).waitFor();
  await screenshot(page, 'first-screen-list-390');

  // A filter in the URL is drawn as the app would draw it.
  await page.goto(server.url + '/?district=saihan');
  const saihan = await (await fetch(server.url + '/api/homes?district=saihan')).json();
  assert.ok(saihan.items.length > 0 && saihan.items.length < register.length);
  assert.equal(await page.locator('.home-card').count(), saihan.items.length);
  assert.equal(await page.locator('#district').inputValue(), 'saihan');

  // A card is a plain link to the home's page, which the server draws too.
  await page.goto(server.url + '/');
  await page.locator('a[href="/homes/xc-01"]').click();
  await page.waitForURL(/\/homes\/xc-01$/);
  const home = register.find((h) => h.id === 'xc-01');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), home.name_zh);
  await page.getByText(home.address).waitFor();
  assert.equal(await page.locator('.hours tbody tr').count(), 7);
  assert.equal(await page.title(), `${home.name_zh} · 呼和浩特人大代表之家`);
  await screenshot(page, 'first-screen-home-390');

  const narrow = await withoutApp(320);
  await narrow.goto(server.url + '/homes/xc-01');
  await screenshot(narrow, 'first-screen-home-320');
  assert.equal(await narrow.evaluate(() => document.documentElement.scrollWidth), 320);
  await narrow.context().close();
  await page.context().close();
});

for (const [path, skip, carried, withSample] of [
  ['/', null, /^\/api\/homes(\?|$)/],
  ['/?type=professional&q=%E6%B3%95', null, /^\/api\/homes(\?|$)/],
  ['/homes/xc-01', null, /^\/api\/homes\/xc-01(\/activities)?$/],
  ['/activities', null, /^\/api\/activities(\?|$)/, true],
  ['/activities?kind=reception', null, /^\/api\/activities(\?|$)/, true],
  ['/board', null, /^\/api\/public\/opinions(\?|$)/, true],
  ['/board?page=2', null, /^\/api\/public\/opinions(\?|$)/, true],
  ['/stats', null, /^\/api\/public\/stats(\?|$)/, true],
  // The form for an opinion, with the register's homes to choose from and the home chosen.
  ['/opinions/new', null, /^\/api\/homes(\?|$)/],
  ['/opinions/new?home=xc-01', null, /^\/api\/homes(\?|$)/],
]) {
  test(`the app takes ${path} over with the same markup, no layout shift and no second request`, async () => {
    await takesOver((withSample ? sample : server).url + path, path, skip, carried);
  });
}

// A home with upcoming activities: the server draws them with the home, and carries both.
test('the app takes a home with activities over with the same markup, no layout shift and no second request', async () => {
  const listed = await (await fetch(sample.url + '/api/activities')).json();
  const id = listed.find((a) => !a.cancel_reason).home_id;
  const drawn = await withoutApp();
  await drawn.goto(`${sample.url}/homes/${id}`);
  assert.ok(await drawn.locator('ul.activities li.activity').count() > 0, 'its activities are drawn');
  await drawn.context().close();
  await takesOver(`${sample.url}/homes/${id}`, `/homes/${id}`, null, new RegExp(`^/api/homes/${id}(/activities)?$`));
});

/** The page at `at` as the server drew it, then taken over by the app at 390 and 320 px. */
async function takesOver(at, path, skip, carried) {
  const before = await withoutApp();
  await before.goto(at);
  const drawn = await before.evaluate(canonicalApp, skip);
  await before.context().close();

  for (const width of [390, 320]) {
    const page = await withApp(width);
    await page.goto(at);
    assert.equal(await page.evaluate(canonicalApp, skip), drawn, `${path} at ${width} px: the app draws what the server drew`);
    // Anything late has had time to arrive.
    await page.waitForLoadState('networkidle');
    const shifts = await page.evaluate(() => window.shifts);
    assert.deepEqual(shifts, [], `${path} at ${width} px shifted`);
    if (carried) assert.ok(!page.apiRequests.some((r) => carried.test(r)), `${path}: asked again: ${page.apiRequests}`);
    assert.equal(await page.locator('script[data-request]').count(), 0, 'the carried answers are used up');
    assert.deepEqual(page.jsErrors, []);
    await page.context().close();
  }
}

test('what is typed into the server-drawn search before the app is live carries over', async () => {
  const page = await newPhonePage(browser);
  // Hold the app's code back until the search box has been typed into.
  const release = await holdCode(page);
  const goto = page.goto(server.url + '/');
  await page.locator('#search').waitFor();
  await page.locator('#search').fill('法律');
  await page.locator('#search').focus();
  release();
  await goto;
  assert.match(page.url(), /\?q=%E6%B3%95%E5%BE%8B$/);
  assert.equal(await page.locator('#search').inputValue(), '法律');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
  const law = await (await fetch(server.url + '/api/homes?q=' + encodeURIComponent('法律'))).json();
  assert.ok(law.items.length >= 1 && law.items.length < register.length);
  await page.waitForFunction((n) => document.querySelectorAll('.home-card').length === n, law.items.length);
  await page.context().close();
});

test('the activities and the board are in the page the server sends, and their filters carry over', async () => {
  const page = await withoutApp();
  await page.goto(sample.url + '/activities');
  const listed = await (await fetch(sample.url + '/api/activities')).json();
  assert.ok(listed.length > 0, 'the living sample has activities');
  assert.equal(await page.locator('li.activity').count(), listed.length);
  await screenshot(page, 'first-screen-activities-390');
  await page.goto(sample.url + '/board');
  const board = await (await fetch(sample.url + '/api/public/opinions')).json();
  assert.ok(board.items.length > 0, 'the living sample has published replies');
  assert.equal(await page.locator('li.board__item').count(), board.items.length);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '公开答复');
  await screenshot(page, 'first-screen-board-390');
  const narrow = await withoutApp(320);
  for (const path of ['/activities', '/board']) {
    await narrow.goto(sample.url + path);
    await screenshot(narrow, `first-screen-${path.slice(1)}-320`);
    assert.equal(await narrow.evaluate(() => document.documentElement.scrollWidth), 320, path);
  }
  await narrow.context().close();
  await page.context().close();

  // Chosen before the app is live: sent as the form (forms.js), drawn by the server, and the
  // app, once live, lists what was chosen.
  for (const [path, field, value, expected] of [
    ['/activities', '#activities-kind', 'reception', /\/activities\?kind=reception$/],
    ['/board?page=2', '#board-category', 'transport', /\/board\?category=transport$/],
  ]) {
    const live = await newPhonePage(browser);
    const release = await holdCode(live);
    // (The frame's own goto: the page's waits for the app, held back here.)
    await live.mainFrame().goto(sample.url + path, { waitUntil: 'commit' });
    await live.locator(field).waitFor();
    await live.locator(field).selectOption(value);
    await live.waitForURL(expected);
    assert.equal(await live.locator(field).inputValue(), value, `${path}: drawn with the choice`);
    release();
    await startApp(live);
    await live.locator('html[data-live]').waitFor({ state: 'attached' });
    assert.match(live.url(), expected, path);
    assert.equal(await live.locator(field).inputValue(), value, path);
    assert.deepEqual(live.jsErrors, []);
    await live.context().close();
  }
  const receptions = (await (await fetch(sample.url + '/api/activities?kind=reception')).json()).length;
  const check = await newPhonePage(browser);
  await check.goto(sample.url + '/activities?kind=reception');
  assert.equal(await check.locator('li.activity').count(), receptions);
  await check.context().close();
});

test('a page the server left plain (another language) keeps the filters in its URL', async () => {
  for (const path of ['/?district=saihan', '/activities?kind=reception', '/board?category=transport']) {
    const page = await newPhonePage(browser);
    await page.context().addCookies([{ name: 'dh-lang', value: 'en', url: sample.url }]);
    await page.goto(sample.url + path);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, path);
    await page.context().close();
  }
  const list = await newPhonePage(browser);
  await list.context().addCookies([{ name: 'dh-lang', value: 'en', url: sample.url }]);
  await list.goto(sample.url + '/?district=saihan');
  assert.equal(await list.locator('#district').inputValue(), 'saihan');
  await list.context().close();
});

/**
 * Opens `url` as a person does and reads it without using it: the app's code is not fetched
 * (the loader in Trunk.toml waits for a first use: a tap, a key, a scroll, `use` in forms.js).
 */
async function readNotUsed(page, url) {
  const code = [];
  const seen = (r) => { if (/_bg\.wasm$/.test(new URL(r.url()).pathname)) code.push(r.url()); };
  page.on('request', seen);
  await page.mainFrame().goto(url, { waitUntil: 'networkidle' });
  page.off('request', seen);
  assert.deepEqual(code, [], `${url}: the app's code is not fetched before the page is used`);
}

/** Holds the app's code back from `page` until the function returned is called. */
async function holdCode(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  return release;
}

const isLive = (page) => page.evaluate(() => document.documentElement.hasAttribute('data-live'));

// A drawn page works without the app, so the app starts when first needed: its load is not held
// up by the app drawing the page again. A press on a button only the app can work is made again
// once it is live; a link or a filter is followed without it.
test('a drawn page starts the app when first needed, and the press that needed it works', async () => {
  const position = { latitude: 40.2815, longitude: 111.1900 };
  const page = await newPhonePage(browser, { geolocation: position, permissions: ['geolocation'] });
  await readNotUsed(page, server.url + '/');
  assert.equal(await isLive(page), false, '/ waits for a first use');
  // Scrolled, it is used: the app's code is fetched, and the app waits until it is needed.
  await page.mouse.wheel(0, 300);
  await page.locator('html[data-code-loaded]').waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await isLive(page), false, 'fetched, the app waits for a first need');
  await page.getByRole('button', { name: '离我最近' }).click();
  await page.getByText('已按离您的距离排序').waitFor();
  assert.equal(await isLive(page), true);
  await page.locator('.home-card .distance').first().waitFor();
  assert.equal(await page.locator('.home-card').count(), register.length);

  // Pressed before the app's code has arrived: the button says it is at work until the app,
  // live, presses it.
  const slow = await newPhonePage(browser, { geolocation: position, permissions: ['geolocation'] });
  const release = await holdCode(slow);
  await slow.mainFrame().goto(server.url + '/');
  await slow.getByRole('button', { name: '离我最近' }).click();
  assert.equal(await slow.getByRole('button', { name: '离我最近' }).getAttribute('aria-busy'), 'true');
  assert.equal(await isLive(slow), false);
  release();
  await slow.getByText('已按离您的距离排序').waitFor();
  assert.deepEqual(slow.jsErrors, []);
  await slow.context().close();

  // A link is followed without the app: the next drawn page waits too.
  await readNotUsed(page, sample.url + '/activities');
  assert.equal(await isLive(page), false, '/activities waits for a first use');
  await page.getByRole('navigation').getByRole('link', { name: '公开答复' }).click();
  await page.waitForURL(/\/board$/);
  await page.waitForLoadState('networkidle');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-code-loaded')), false, 'the board, reached by a link, waits too');
  assert.equal(await isLive(page), false);
  // A language chosen on it.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Public replies');

  // A home's page waits too; elders' mode turned on from the list with the keyboard, which
  // stays on the switch.
  const home = await newPhonePage(browser);
  await readNotUsed(home, server.url + '/homes/xc-01');
  assert.equal(await isLive(home), false, 'a home\'s page waits for a first use');
  await readNotUsed(home, server.url + '/');
  await home.locator('.elders-switch').focus();
  await home.keyboard.press('Enter');
  await home.waitForFunction(() => document.documentElement.hasAttribute('data-elders'));
  assert.equal(await home.locator('.elders-switch').getAttribute('aria-checked'), 'true');
  assert.equal(await home.evaluate(() => document.activeElement?.classList.contains('elders-switch')), true);

  // The search box entered: the app starts, and what is typed searches as it is typed.
  // Chosen, the server draws no page for this phone: the app draws each one, at once.
  await home.mainFrame().goto(server.url + '/stats');
  await home.locator('html[data-live]').waitFor({ state: 'attached' });
  assert.equal(await home.evaluate(() => document.documentElement.hasAttribute('data-elders')), true);
  const search = await newPhonePage(browser);
  await readNotUsed(search, server.url + '/');
  await search.locator('#search').click();
  await search.locator('html[data-live]').waitFor({ state: 'attached' });
  await search.locator('#search').pressSequentially('法律');
  await search.waitForURL(/\?q=%E6%B3%95%E5%BE%8B$/);
  assert.equal(await search.evaluate(() => document.activeElement?.id), 'search');
  for (const p of [page, home, search]) {
    assert.deepEqual(p.jsErrors, []);
    await p.context().close();
  }
});

// The form for an opinion is drawn too; it is sent only by the app (a phone's code, photos, a
// key against sending twice). Entering it starts the app, which keeps all that was done in it,
// and a form sent before the app is live is sent by it.
test('the form for an opinion is drawn, and what is done in it before the app is live is kept and sent', async () => {
  const page = await newPhonePage(browser);
  await readNotUsed(page, server.url + '/opinions/new?home=xc-01');
  assert.equal(await isLive(page), false, 'the form waits for a first use');
  assert.equal(await page.locator('#opinion-home').inputValue(), 'xc-01');
  await page.locator('#opinion-category').focus();
  await page.locator('html[data-live]').waitFor({ state: 'attached' });
  await page.context().close();

  // All of it done while the app's code is on its way.
  const slow = await newPhonePage(browser);
  const release = await holdCode(slow);
  await slow.mainFrame().goto(server.url + '/opinions/new?home=xc-01');
  const second = register.find((h) => h.id !== 'xc-01');
  await slow.locator('#opinion-category').selectOption('transport');
  await slow.locator('#opinion-home').selectOption(second.id);
  await slow.getByLabel('标题').fill('公交站没有站牌');
  await slow.getByLabel('具体内容').fill('新华大街东口的公交站牌被撤走了。');
  await slow.getByLabel(/匿名提交/).check();
  // Anonymous: the contact fields go, as the app leaves them out.
  assert.equal(await slow.locator('#opinion-contact-name').isVisible(), false);
  assert.equal(await slow.locator('#opinion-contact-code').isVisible(), false);
  await slow.getByLabel(/我同意人大常委会/).check();
  await slow.getByLabel(/同意在答复后公开/).uncheck();
  await slow.locator('form button[type=submit]').click();
  assert.equal(await slow.locator('form button[type=submit]').getAttribute('aria-busy'), 'true');
  assert.equal(await isLive(slow), false);
  assert.match(slow.url(), /\/opinions\/new\?home=xc-01$/, 'the browser did not send the form');
  release();
  await slow.locator('.tracking-number').waitFor();
  const token = (await slow.locator('a.private-link').getAttribute('href')).split('/').pop();
  const sent = await (await fetch(`${server.url}/api/opinions/by-token/${token}`)).json();
  assert.deepEqual(
    [sent.category, sent.home_id, sent.title, sent.body, sent.contact ?? null, sent.allow_publish],
    ['transport', second.id, '公交站没有站牌', '新华大街东口的公交站牌被撤走了。', null, false],
  );
  assert.deepEqual(slow.jsErrors, []);
  await slow.context().close();

  // Photos chosen before the app is live: the app opens the chooser.
  const photos = await newPhonePage(browser);
  const releasePhotos = await holdCode(photos);
  await photos.mainFrame().goto(server.url + '/opinions/new');
  const chooser = photos.waitForEvent('filechooser');
  await photos.locator('#opinion-photo').click();
  assert.equal(await isLive(photos), false);
  releasePhotos();
  await chooser;
  assert.equal(await isLive(photos), true, 'the app opened it');
  await photos.context().close();
});

test('the app starts at once where the device chose another look', async () => {  // English chosen on this device before the server was told (no cookie): shown at once.
  const english = await newPhonePage(browser);
  await english.addInitScript(() => localStorage.setItem('deputy-homes.lang', 'en'));
  await english.mainFrame().goto(server.url + '/');
  await english.locator('html[data-live]').waitFor({ state: 'attached' });
  await english.waitForFunction(() => document.documentElement.lang === 'en');
  await english.context().close();
  // Elders' mode likewise.
  const elders = await newPhonePage(browser);
  await elders.addInitScript(() => localStorage.setItem('deputy-homes.elders', 'on'));
  await elders.mainFrame().goto(server.url + '/board');
  await elders.locator('html[data-live][data-elders]').waitFor({ state: 'attached' });
  await elders.context().close();
});

// A filter form works without the app: with no script at all by its own button, and where
// the app's code cannot run (blocked here, as on a browser without WebAssembly) as soon as a
// choice is made. Either way the browser goes to the address the app writes for the filter,
// and the server draws that list.
test('the filters work without the app', async () => {
  const saihan = (await (await fetch(server.url + '/api/homes?district=saihan')).json()).items.length;
  const noScript = await withoutApp();
  await noScript.goto(server.url + '/');
  for (const needsScript of ['.near-me', '.elders-switch', '.lang-switch']) {
    assert.equal(await noScript.locator(needsScript).isVisible(), false, `no ${needsScript} without script`);
  }
  await noScript.locator('#district').selectOption('saihan');
  await noScript.getByRole('button', { name: '搜索' }).click();
  await noScript.waitForURL(/\/\?district=saihan$/);
  assert.equal(await noScript.locator('.home-card').count(), saihan);
  await noScript.locator('#search').fill('法律');
  await noScript.locator('#search').press('Enter');
  await noScript.waitForURL(/\/\?q=%E6%B3%95%E5%BE%8B&district=saihan$/);
  assert.equal(await noScript.locator('#search').inputValue(), '法律');
  await noScript.goto(sample.url + '/stats');
  const years = await noScript.locator('#stats-year option').evaluateAll((o) => o.map((e) => e.value).filter(Boolean));
  assert.ok(years.length > 0, 'the sample has a year of opinions');
  await noScript.locator('#stats-year').selectOption(years[0]);
  await noScript.getByRole('button', { name: '查看' }).click();
  await noScript.waitForURL(new RegExp(`/stats\\?year=${years[0]}$`));
  await screenshot(noScript, 'first-screen-stats-noscript-390');
  await noScript.context().close();

  const noApp = await newPhonePage(browser);
  await noApp.route(/\.wasm$/, (route) => route.abort());
  await noApp.mainFrame().goto(server.url + '/');
  assert.equal(await noApp.locator('.filters__submit').isVisible(), false, 'the button is only for no script');
  await noApp.locator('#type').selectOption('professional');
  await noApp.waitForURL(/\/\?type=professional$/);
  assert.equal(await noApp.locator('.home-card').count(), 7);
  await noApp.mainFrame().goto(sample.url + '/activities');
  await noApp.locator('#activities-kind').selectOption('reception');
  await noApp.waitForURL(/\/activities\?kind=reception$/);
  const receptions = (await (await fetch(sample.url + '/api/activities?kind=reception')).json()).length;
  assert.equal(await noApp.locator('li.activity').count(), receptions);
  assert.equal(await noApp.evaluate(() => document.documentElement.hasAttribute('data-live')), false);
  await noApp.context().close();
});
