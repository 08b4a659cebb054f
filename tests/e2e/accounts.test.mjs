// Delegates and staff sign in and out; citizens never need to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, axeViolations, scrollsSideways, smallTapTargets, screenshot, signIn, lookAt } from './harness.mjs';

let server, browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

test('the first start printed demo passwords for a staff and a delegate account', () => {
  assert.deepEqual(Object.keys(server.demoAccounts).sort(), ['demo-delegate', 'demo-staff']);
});

test('a wrong password is refused with a message and the form keeps the login', async () => {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/sign-in');
  await page.getByLabel('用户名或手机号').fill('demo-delegate');
  await page.getByLabel('密码').fill('not the password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('alert').filter({ hasText: '用户名、手机号或密码不正确。' }).waitFor();
  assert.equal(await page.getByLabel('用户名或手机号').inputValue(), 'demo-delegate');
});

test('a delegate signs in, sees their homes, stays signed in on reload, and signs out', async () => {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/');
  await page.getByRole('navigation').getByRole('link', { name: '登录' }).click();
  await page.getByRole('heading', { level: 1, name: '代表和工作人员登录' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await smallTapTargets(page), []);
  await page.getByLabel('用户名或手机号').fill('demo-delegate');
  await page.getByLabel('密码').fill(server.demoAccounts['demo-delegate']);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { level: 1, name: '我的账户' }).waitFor();
  await page.getByText('人大代表', { exact: true }).waitFor();
  await page.getByRole('link', { name: '法律专业人大代表之家' }).waitFor();
  await page.getByRole('link', { name: '海拉尔东路街道人大代表之家' }).waitFor();
  const cookie = (await page.context().cookies()).find((c) => c.name === 'dh_session');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
  assert.deepEqual(await axeViolations(page), []);
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    assert.equal(await scrollsSideways(page), false);
    await screenshot(page, `account-${width}`);
  }

  await page.reload();
  await page.getByRole('heading', { level: 1, name: '我的账户' }).waitFor();
  await page.getByRole('link', { name: '法律专业人大代表之家' }).waitFor();

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByText('您尚未登录，或已退出登录。').waitFor();
  const status = await page.evaluate(async () => (await fetch('/api/session')).status);
  assert.equal(status, 401, 'the session ended on the server');
});

test('a delegate changes their password on the account page; a wrong present password and a too-short new one are explained', async () => {
  const page = await signIn(browser, server, 'demo-delegate', server.demoAccounts['demo-delegate']);
  await page.getByText('修改密码').click();
  const present = page.getByLabel('现在的密码');
  const fresh = page.getByLabel('新密码');

  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.getByText('请填写现在的密码。').waitFor();
  assert.equal(await present.evaluate((el) => el === document.activeElement), true, 'the empty field has the focus');

  await present.fill('not the password at all');
  await fresh.fill('a brand new password');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.getByText('现在的密码不正确，请重新输入。').waitFor();
  assert.equal(await present.getAttribute('aria-invalid'), 'true');
  assert.equal(await fresh.inputValue(), 'a brand new password', 'nothing typed is lost');

  await present.fill(server.demoAccounts['demo-delegate']);
  await fresh.fill('short');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.getByText('新密码须为 10 到 256 个字符。').waitFor();
  assert.equal(await fresh.getAttribute('aria-invalid'), 'true');
  await lookAt(page, 'account-change-password-error');

  await fresh.fill('a brand new password');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.getByText('密码已修改。').waitFor();
  assert.equal(await present.inputValue(), '', 'the form empties');
  await lookAt(page, 'account-password-changed');
  assert.deepEqual(page.jsErrors, []);

  // The old password no longer signs in; the new one does.
  const old = await newPhonePage(browser);
  await old.goto(server.url + '/sign-in');
  await old.getByLabel('用户名或手机号').fill('demo-delegate');
  await old.getByLabel('密码').fill(server.demoAccounts['demo-delegate']);
  await old.getByRole('button', { name: '登录' }).click();
  await old.getByRole('alert').filter({ hasText: '用户名、手机号或密码不正确。' }).waitFor();
  await signIn(browser, server, 'demo-delegate', 'a brand new password');
});
