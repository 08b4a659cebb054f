// Citizens finding the 104 homes, end to end in Chromium at 390×844 against the real server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, newPhonePage, axeViolations, scrollsSideways, smallTapTargets, screenshot, readRegister,
  distanceM,
} from './harness.mjs';

const register = readRegister();
let server, browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

async function openList(page, path = '/') {
  await page.goto(server.url + path);
  await page.getByRole('heading', { level: 1, name: '找到身边的人大代表之家' }).waitFor();
  await page.locator('.result-count').waitFor();
}

const countText = (n) => `共找到 ${n} 个代表之家`;

test('the list shows all 104 homes with the sample-data notice', async () => {
  const page = await newPhonePage(browser);
  await openList(page);
  await assert.doesNotReject(page.getByText(countText(104)).waitFor());
  assert.equal(await page.locator('.home-card').count(), 104);
  await page.getByText('示例数据').waitFor();
  assert.deepEqual(page.jsErrors, []);
});

test('searching a street finds its homes, forgiving of spacing', async () => {
  const page = await newPhonePage(browser);
  await openList(page);
  const expected = register.filter((h) => h.name_zh.includes('海拉尔东路') || h.street.includes('海拉尔东路') || h.address.includes('海拉尔东路'));
  assert.ok(expected.length > 0);
  await page.getByLabel('搜索名称、地区、街道或专业领域').fill('海拉尔 东路');
  await page.getByText(countText(expected.length)).waitFor();
  const names = await page.locator('.home-card__name').allTextContents();
  assert.deepEqual(names.sort(), expected.map((h) => h.name_zh).sort());
  assert.match(page.url(), /\?q=/, 'the search is kept in the URL');
});

test('filtering by district and by type gives the counts of the register', async () => {
  const page = await newPhonePage(browser);
  await openList(page);
  const inYuquan = register.filter((h) => h.district === '玉泉区').length;
  await page.getByLabel('旗县区').selectOption({ label: '玉泉区' });
  await page.getByText(countText(inYuquan)).waitFor();

  await page.getByLabel('旗县区').selectOption({ label: '全部旗县区' });
  await page.getByLabel('类型').selectOption({ label: '全部专业代表之家（7个）' });
  await page.getByText(countText(7)).waitFor();

  const towns = register.filter((h) => h.type === 'town' && h.district === '武川县').length;
  await page.getByLabel('类型').selectOption({ label: '乡镇代表之家' });
  await page.getByLabel('旗县区').selectOption({ label: '武川县' });
  await page.getByText(countText(towns)).waitFor();
});

test('each professional home is one tap away', async () => {
  const page = await newPhonePage(browser);
  await openList(page);
  await page.getByRole('link', { name: '生态环境', exact: true }).click();
  await page.getByText(countText(1)).waitFor();
  assert.equal(await page.locator('.home-card__name').textContent(), '生态环境专业人大代表之家');
});

test('near me with a granted position lists the nearest home first with its distance', async () => {
  const position = { latitude: 40.2815, longitude: 111.1900 };
  const page = await newPhonePage(browser, { geolocation: position, permissions: ['geolocation'] });
  await openList(page);
  await page.getByRole('button', { name: '离我最近' }).click();
  await page.getByText('已按离您的距离排序').waitFor();
  const nearest = register
    .map((h) => ({ h, d: distanceM(position.latitude, position.longitude, Number(h.lat), Number(h.lon)) }))
    .sort((a, b) => a.d - b.d);
  await page.locator('.home-card__name').first().filter({ hasText: nearest[0].h.name_zh }).waitFor();
  const firstDistance = await page.locator('.home-card .distance').first().textContent();
  const shown = nearest[0].d < 1000 ? `${Math.round(nearest[0].d)} 米` : `${(nearest[0].d / 1000).toFixed(1)} 公里`;
  assert.equal(firstDistance, shown);
  const second = await page.locator('.home-card__name').nth(1).textContent();
  assert.equal(second, nearest[1].h.name_zh);
  await screenshot(page, 'list-near-me-390');
});

test('near me with a denied position explains why and the list still works', async () => {
  // No permission granted: Chromium refuses, as when a person taps "block" on the prompt.
  const page = await newPhonePage(browser, { permissions: [] });
  await openList(page);
  await page.getByRole('button', { name: '离我最近' }).click();
  await page.getByText('未获得定位权限').waitFor();
  assert.equal(await page.locator('.home-card').count(), 104);
  await page.getByLabel('搜索名称、地区、街道或专业领域').fill('法律');
  await page.getByText(countText(1)).waitFor();
});

test('a home opens from the list and again when its URL is reloaded', async () => {
  const page = await newPhonePage(browser);
  await openList(page);
  const home = register.find((h) => h.id === 'pro-law');
  await page.getByRole('link', { name: new RegExp(home.name_zh) }).click();
  await page.getByRole('heading', { level: 1, name: home.name_zh }).waitFor();
  assert.ok(page.url().endsWith('/homes/pro-law'));
  await page.getByText(home.address).waitFor();
  const call = page.getByRole('link', { name: `拨打 ${home.phone}` });
  assert.equal(await call.getAttribute('href'), `tel:${home.phone.replace('-', '')}`);
  assert.match(await page.getByRole('link', { name: '高德地图' }).getAttribute('href'), /^https:\/\/uri\.amap\.com\/marker\?position=111\.\d+,40\.\d+/);
  assert.match(await page.getByRole('link', { name: '百度地图' }).getAttribute('href'), /coord_type=bd09ll/);
  assert.equal(
    await page.getByRole('link', { name: '手机自带地图' }).getAttribute('href'),
    `geo:${Number(home.lat).toFixed(6)},${Number(home.lon).toFixed(6)}?q=${Number(home.lat).toFixed(6)},${Number(home.lon).toFixed(6)}(${encodeURIComponent(home.name_zh)})`,
  );
  await page.locator('.open-badge').first().waitFor();
  assert.match(await page.locator('.open-badge').first().textContent(), /^(正在开放|未开放|暂无开放时间)/);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: home.name_zh }).waitFor();
  await screenshot(page, 'detail-390');
});

test('an unknown home id says so', async () => {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/homes/no-such-home');
  await page.getByText('找不到这个代表之家').waitFor();
});

test('switching to English translates the page and is remembered', async () => {
  const page = await newPhonePage(browser);
  await openList(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 1, name: "Find a deputies' home near you" }).waitFor();
  await page.getByText('104 homes found').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: "Find a deputies' home near you" }).waitFor();
  await page.getByLabel('District', { exact: true }).selectOption({ label: 'Saihan District' });
  await page.getByText(`${register.filter((h) => h.district === '赛罕区').length} homes found`).waitFor();
  await page.getByRole('button', { name: '切换到中文' }).click();
  await page.getByRole('heading', { level: 1, name: '找到身边的人大代表之家' }).waitFor();
});

test('the map page draws every home and lists them by district', async () => {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/map');
  await page.getByRole('heading', { level: 1, name: '代表之家分布图' }).waitFor();
  await page.locator('svg.overview-map').first().waitFor();
  assert.equal(await page.locator('svg.overview-map').first().locator('circle').count(), 104);
  assert.equal(await page.locator('.link-list a').count(), 104);
  await screenshot(page, 'map-390');
});

test('pages have no axe violations, no sideways scroll and 44 px tap targets at 390 and 320 px', async () => {
  for (const width of [390, 320]) {
    const page = await newPhonePage(browser, { viewport: { width, height: 844 } });
    // Each page with the element that appears once everything on it has loaded.
    const pages = [
      ['/', '找到身边的人大代表之家', page.locator('.result-count')],
      ['/homes/xc-02', '海拉尔东路街道人大代表之家', page.getByText('暂无已发布的活动。')],
      ['/map', '代表之家分布图', page.locator('.link-list a').first()],
    ];
    for (const [path, heading, loaded] of pages) {
      await page.goto(server.url + path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await loaded.waitFor();
      assert.deepEqual(await axeViolations(page), [], `${path} at ${width}px`);
      assert.equal(await scrollsSideways(page), false, `${path} scrolls sideways at ${width}px`);
      assert.deepEqual(await smallTapTargets(page), [], `${path} at ${width}px has tap targets under 44 px`);
      await screenshot(page, `${path === '/' ? 'list' : path.split('/')[1]}-${width}`);
    }
  }
});

test('the first paint of a home is drawn by the server and needs no wasm', async () => {
  const html = await (await fetch(server.url + '/homes/xc-01')).text();
  const home = readRegister().find((h) => h.id === 'xc-01');
  assert.match(html, /<header class="site-header">/);
  assert.ok(html.includes(`<h1 data-read="">${home.name_zh}</h1>`), 'the home\'s name is the heading');
  assert.ok(html.includes(`<title>${home.name_zh} · 呼和浩特人大代表之家</title>`));
  // Other pages keep the static shell.
  const shell = await (await fetch(server.url + '/settings')).text();
  assert.match(shell, /正在加载…/);
});
