// A home's page lists the activities its delegates published, with who is on duty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, axeViolations, scrollsSideways, screenshot } from './harness.mjs';

let server, browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

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

test('a delegate publishes a repeating reception from their page, and a citizen finds it on the home page', async () => {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/sign-in');
  await page.getByLabel('用户名或手机号').fill('demo-delegate');
  await page.getByLabel('密码').fill(server.demoAccounts['demo-delegate']);
  await page.getByRole('button', { name: '登录' }).click();
  const form = page.locator('section', { has: page.getByRole('heading', { name: '在法律专业人大代表之家发布活动' }) });
  await form.waitFor();

  await form.getByRole('button', { name: '发布活动' }).click();
  await form.getByText('请选择一个尚未过去的日期。').waitFor();

  const date = hohhotDate(9);
  await form.getByLabel('活动类型').selectOption({ label: '接待日' });
  await form.getByLabel('日期').fill(date);
  await form.getByLabel('开始时间').fill('14:30');
  await form.getByLabel('结束时间').fill('16:30');
  await form.getByLabel('主题').fill('劳动合同纠纷法律咨询');
  await form.getByLabel('名额（人）').fill('8');
  await form.getByLabel('每周重复（周数）').fill('2');
  await form.getByRole('button', { name: '发布活动' }).click();
  await form.getByText('已发布 2 场活动。').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.equal(await scrollsSideways(page), false);
  await screenshot(page, 'account-publish-390');
  await page.setViewportSize({ width: 320, height: 844 });
  assert.equal(await scrollsSideways(page), false);
  await screenshot(page, 'account-publish-320');

  const citizen = await newPhonePage(browser);
  await citizen.goto(server.url + '/homes/pro-law');
  const items = citizen.locator('.activity');
  await items.first().waitFor();
  assert.equal(await items.count(), 2);
  assert.match(await items.first().textContent(), new RegExp(`${date} 14:30–16:30`));
  await citizen.getByText('劳动合同纠纷法律咨询').first().waitFor();
  await citizen.getByText('剩余 8 个名额').first().waitFor();
});
