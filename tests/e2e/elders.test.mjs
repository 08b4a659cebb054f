// Elders' mode (长辈版), after the 2021 elderly-friendly design rules: the switch on the home
// page and in the settings, remembered; text ≥ 18 px with line height ≥ 1.3; tap targets ≥ 60 px;
// the three main services first; read-aloud only where the browser has a voice; no counter that
// ticks by itself; and every citizen page still usable with the text at 200 %.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, newPhonePage, axeViolations, scrollsSideways, smallTapTargets, screenshot,
  readRegister, distanceM,
} from './harness.mjs';

let server, browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });
const register = readRegister();
const home = register.find((h) => h.id === 'xc-01');

/** Visible text smaller than 18 px or with a line height under 1.3, one line per element. */
async function smallText(page) {
  return page.evaluate(() => {
    const found = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!node.textContent.trim() || !el || el.getClientRects().length === 0) continue;
      // The skip link waits off screen until focused; map labels are drawn in an SVG that scales.
      if (el.closest('.skip-link, svg')) continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const ratio = style.lineHeight === 'normal' ? 1.2 : parseFloat(style.lineHeight) / size;
      if (size < 18 || ratio < 1.3) {
        found.add(`${el.tagName.toLowerCase()}.${el.className} "${node.textContent.trim().slice(0, 12)}" ${size}px/${ratio.toFixed(2)}`);
      }
    }
    return [...found];
  });
}

/** A phone page with elders' mode already chosen on this device. */
async function eldersPage(options = {}) {
  const page = await newPhonePage(browser, options);
  await page.addInitScript(() => localStorage.setItem('deputy-homes.elders', 'on'));
  return page;
}

test('the switch on the home page turns elders\' mode on, is remembered, and the settings turn it off', async () => {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/');
  await page.locator('.home-card').first().waitFor();
  const normalSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.equal(await page.getByRole('link', { name: '预约见代表' }).count(), 0, 'no big buttons before');
  const toggle = page.getByRole('switch', { name: '长辈版' });
  assert.equal(await toggle.getAttribute('aria-checked'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-checked'), 'true');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-elders')), true);
  const eldersSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(eldersSize >= 18 && eldersSize > normalSize, `body text ${normalSize} → ${eldersSize} px`);

  // The three main services come first in the page, before the filters and the list.
  const tasks = page.getByRole('navigation', { name: '常用服务' });
  assert.deepEqual(
    (await tasks.locator('a, button').allTextContents()).map((t) => t.trim()),
    ['给最近的代表之家打电话', '预约见代表', '提意见建议'],
  );
  const order = await page.evaluate(() => {
    const tasks = document.querySelector('.elders-tasks').getBoundingClientRect().top;
    const search = document.querySelector('input[type="search"]').getBoundingClientRect().top;
    return tasks < search;
  });
  assert.ok(order, 'the services come before the search');
  const biggest = await tasks.locator('a, button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  assert.ok(biggest.every((h) => h >= 60), `task buttons ${biggest}`);

  // Remembered after a reload (the server, told by a cookie, leaves the page to the app rather
  // than drawing a standard-size first screen); the settings page shows it on and turns it off.
  const cookie = async () => (await page.context().cookies()).find((c) => c.name === 'dh-elders')?.value;
  assert.equal(await cookie(), 'on');
  const served = await page.request.get(server.url + '/');
  assert.equal(await served.text(), await (await fetch(server.url + '/settings')).text(), 'the plain page');
  await page.reload();
  await page.getByRole('navigation', { name: '常用服务' }).waitFor();
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
  const inSettings = page.getByRole('switch', { name: '长辈版' });
  assert.equal(await inSettings.getAttribute('aria-checked'), 'true');
  await inSettings.click();
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-elders')), false);
  assert.equal(await cookie(), 'off');
  await page.goto(server.url + '/');
  await page.locator('.home-card').first().waitFor();
  assert.equal(await page.getByRole('navigation', { name: '常用服务' }).count(), 0);
  assert.deepEqual(page.jsErrors, []);
});

const pages = [
  ['/', '.home-card', 'elders-home'],
  ['/homes/xc-01', 'h1', 'elders-home-detail'],
  ['/activities', 'h1', 'elders-activities'],
  ['/opinions/new', 'h1', 'elders-opinion-new'],
  ['/opinions', 'h1', 'elders-opinions'],
  ['/board', 'h1', 'elders-board'],
  ['/stats', 'h1', 'elders-stats'],
  ['/bookings', 'h1', 'elders-bookings'],
  ['/settings', 'h1', 'elders-settings'],
];

for (const lang of ['zh-CN', 'en', 'mn-Mong-CN']) {
  test(`every citizen page in elders' mode (${lang}): text ≥ 18 px, taps ≥ 60 px, axe clean, no sideways scroll`, async () => {
    const page = await eldersPage();
    await page.addInitScript((lang) => localStorage.setItem('deputy-homes.lang', lang), lang);
    for (const [path, ready, name] of pages) {
      for (const width of [390, 320]) {
        await page.setViewportSize({ width, height: 844 });
        await page.goto(server.url + path);
        await page.locator(ready).first().waitFor();
        await page.locator('p.loading').waitFor({ state: 'detached' });
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.deepEqual(await smallText(page), [], `${path} ${lang} ${width}px: small text`);
        assert.deepEqual(await smallTapTargets(page, 60), [], `${path} ${lang} ${width}px: taps under 60 px`);
        assert.equal(await scrollsSideways(page), false, `${path} ${lang} ${width}px scrolls sideways`);
        if (width === 390) assert.deepEqual(await axeViolations(page), [], `${path} ${lang}: axe`);
        await screenshot(page, `${name}-${lang}-${width}`);
      }
    }
    assert.deepEqual(page.jsErrors, []);
  });
}

test('"call the nearest home" asks for the position once, then calls the nearest home', async () => {
  const position = { latitude: 40.2815, longitude: 111.1900 };
  const page = await eldersPage({ geolocation: position, permissions: ['geolocation'] });
  await page.goto(server.url + '/');
  await page.getByRole('button', { name: '给最近的代表之家打电话' }).click();
  const nearest = register
    .map((h) => ({ h, d: distanceM(position.latitude, position.longitude, Number(h.lat), Number(h.lon)) }))
    .sort((a, b) => a.d - b.d)[0].h;
  const call = page.getByRole('link', { name: `拨打${nearest.name_zh}电话 ${nearest.phone}` });
  await call.waitFor();
  assert.equal(await call.getAttribute('href'), `tel:${nearest.phone.replace(/-/g, '')}`);
  await screenshot(page, 'elders-call-nearest-390');

  // Without the permission, the reason is given and the list stays.
  const denied = await eldersPage({ permissions: [] });
  await denied.goto(server.url + '/');
  await denied.getByRole('button', { name: '给最近的代表之家打电话' }).click();
  await denied.getByText('无法确定您的位置').waitFor();
  await denied.locator('.home-card').first().waitFor();
});

/** Replaces the browser's speech synthesis with one that has `voices` and records what it says. */
async function fakeVoices(page, voices) {
  await page.addInitScript((voices) => {
    window.spoken = [];
    const synth = new EventTarget();
    synth.getVoices = () => voices.map((lang) => ({ lang, name: lang, default: false, localService: true, voiceURI: lang }));
    synth.speak = (u) => window.spoken.push({ text: u.text, lang: u.lang });
    synth.cancel = () => {};
    Object.defineProperty(window, 'speechSynthesis', { get: () => synth });
  }, voices);
}

test('read-aloud reads a home\'s name, address and hours in Chinese, and is hidden without a voice', async () => {
  // Headless Chromium has no voice: no button, as on a phone without Chinese speech.
  const silent = await eldersPage();
  await silent.goto(server.url + '/homes/xc-01');
  await silent.getByRole('heading', { level: 1, name: home.name_zh }).waitFor();
  assert.equal(await silent.getByRole('button', { name: '朗读' }).count(), 0);

  const page = await eldersPage();
  await fakeVoices(page, ['zh-CN']);
  await page.goto(server.url + '/homes/xc-01');
  await page.getByRole('heading', { level: 1, name: home.name_zh }).waitFor();
  await page.getByRole('button', { name: '朗读' }).click();
  const spoken = await page.evaluate(() => window.spoken);
  assert.equal(spoken.length, 1);
  assert.equal(spoken[0].lang, 'zh-CN');
  for (const part of [home.name_zh, home.address, '地址']) assert.ok(spoken[0].text.includes(part), `says ${part}`);
  assert.ok(!spoken[0].text.includes('高德地图'), 'buttons are not read');
  await page.getByRole('button', { name: '停止朗读' }).waitFor();
  await screenshot(page, 'elders-read-aloud-390');

  // The same page in English with only a Chinese voice: no button rather than wrong speech.
  await page.evaluate(() => localStorage.setItem('deputy-homes.lang', 'en'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: home.name_en }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Read aloud' }).count(), 0);

  // Outside elders' mode there is no read-aloud button at all.
  const normal = await newPhonePage(browser);
  await fakeVoices(normal, ['zh-CN']);
  await normal.goto(server.url + '/homes/xc-01');
  await normal.getByRole('heading', { level: 1, name: home.name_zh }).waitFor();
  assert.equal(await normal.getByRole('button', { name: '朗读' }).count(), 0);
});

test('the text code\'s resend button does not count down by itself in elders\' mode', async () => {
  const page = await eldersPage();
  await page.goto(server.url + '/opinions');
  const phone = '13800138123';
  await page.locator('#lookup-phone').fill(phone);
  await page.locator('#lookup-get-code').click();
  const button = page.locator('#lookup-get-code');
  await page.getByText('稍后可重新获取').waitFor();
  const first = await button.textContent();
  await page.waitForTimeout(2200);
  assert.equal(await button.textContent(), first, 'the label did not change by itself');
  assert.ok(!/\d/.test(first), `no seconds shown: ${first}`);
});

test('with the text at 200 % every citizen page still fits the phone\'s width', async () => {
  for (const elders of [false, true]) {
    const page = elders ? await eldersPage() : await newPhonePage(browser);
    for (const [path, ready] of pages) {
      await page.goto(server.url + path);
      await page.locator(ready).first().waitFor();
      // The stylesheet sizes everything in rem from the root: doubling the root is what the
      // phone's text-size setting does to the page's text.
      await page.evaluate(() => {
        const root = document.documentElement;
        root.style.fontSize = `${parseFloat(getComputedStyle(root).fontSize) * 2}px`;
      });
      for (const width of [390, 320]) {
        await page.setViewportSize({ width, height: 844 });
        assert.equal(await scrollsSideways(page), false, `${path} at 200 % (elders ${elders}) ${width}px scrolls sideways`);
      }
      await page.setViewportSize({ width: 390, height: 844 });
      if (path === '/') await screenshot(page, `text-200-${elders ? 'elders' : 'normal'}-390`);
    }
  }
});
