// A home's page lists the activities its delegates published, with who is on duty.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPhonePage, axeViolations, scrollsSideways, screenshot } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A date `days` from today in Hohhot, as YYYY-MM-DD. */
function hohhotDate(days) {
  return new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}

test('a citizen sees a weekly reception with its delegate on duty, and a cancellation with its reason', async () => {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/sign-in');
  await page.getByLabel('用户名或手机号').fill('demo-delegate');
  await page.getByLabel('密码').fill(server.demoAccounts['demo-delegate']);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { level: 1, name: '我的账户' }).waitFor();

  const first = hohhotDate(7);
  const created = await page.evaluate(async (date) => {
    const { csrf_token } = await (await fetch('/api/session')).json();
    const post = (path, body) => fetch(path, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf_token }, body: JSON.stringify(body),
    }).then((r) => r.json());
    const series = await post('/api/homes/xc-02/activities', {
      kind: 'reception', date, start: '09:00', end: '11:30', capacity: 10, topic: '老旧小区加装电梯', repeat_weeks: 3,
    });
    await post(`/api/activities/${series[2].id}/cancel`, { reason: '代表参加全市会议' });
    return series;
  }, first);
  assert.equal(created.length, 3);

  const citizen = await newPhonePage(browser);
  await citizen.goto(server.url + '/homes/xc-02');
  await citizen.getByRole('heading', { level: 2, name: '近期活动' }).waitFor();
  const items = citizen.locator('.activity');
  await items.first().waitFor();
  assert.equal(await items.count(), 3);
  assert.match(await items.first().textContent(), new RegExp(`${first} 09:00–11:30`));
  await citizen.getByText('值班代表：演示代表 (demo delegate)').first().waitFor();
  await citizen.getByText('已取消：代表参加全市会议').waitFor();
  assert.deepEqual(await axeViolations(citizen), []);
  assert.equal(await scrollsSideways(citizen), false);
  await citizen.getByRole('heading', { level: 2, name: '近期活动' }).scrollIntoViewIfNeeded();
  await screenshot(citizen, 'activities-390');
});
