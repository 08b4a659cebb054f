// Staff manage accounts: they list and find accounts, create a delegate with homes, change a
// delegate's homes; nobody else gets the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, axeViolations, scrollsSideways, smallTapTargets, screenshot, signIn } from './harness.mjs';

let server, browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

/** Checks sideways scrolling at 390 and 320 px wide and saves a screenshot at each. */
async function checkWidths(page, name) {
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    assert.equal(await scrollsSideways(page), false, `${name} scrolls sideways at ${width} px`);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

test('a signed-out visitor is asked to sign in and a delegate is told the page is for staff only', async () => {
  const visitor = await newPhonePage(browser);
  await visitor.goto(server.url + '/staff/accounts');
  await visitor.getByText('请先以常委会工作人员身份登录。').waitFor();

  const delegate = await signIn(browser, server, 'demo-delegate', server.demoAccounts['demo-delegate']);
  assert.equal(await delegate.getByRole('link', { name: '管理账户' }).count(), 0, 'no link for delegates');
  await delegate.goto(server.url + '/staff/accounts');
  await delegate.getByRole('heading', { level: 1, name: '账户管理' }).waitFor();
  await delegate.getByText('只有常委会工作人员可以管理账户。').waitFor();
  assert.equal(await delegate.getByRole('button', { name: '创建账户' }).count(), 0);
  assert.deepEqual(await axeViolations(delegate), []);
  await checkWidths(delegate, 'staff-only');
  assert.deepEqual(delegate.jsErrors, []);
});

test('staff create a delegate with two homes, fix a bad phone, change the homes, and the delegate signs in to them', async () => {
  const page = await signIn(browser, server, 'demo-staff', server.demoAccounts['demo-staff']);
  await page.getByRole('link', { name: '管理账户' }).click();
  await page.getByRole('heading', { level: 1, name: '账户管理' }).waitFor();
  const card = (username) => page.getByRole('listitem').filter({ hasText: `用户名：${username}` });
  await card('demo-delegate').getByText('法律专业人大代表之家').waitFor();
  await page.getByText('共 2 个账户').waitFor();

  // The search keeps the accounts whose name or username matches.
  await page.getByLabel('按姓名或用户名查找').fill('STAFF');
  await page.getByText('显示 1 个，共 2 个账户').waitFor();
  assert.equal(await card('demo-delegate').count(), 0);
  await page.getByLabel('按姓名或用户名查找').fill('');

  // A bad phone is refused in the browser, next to the field, and nothing typed is lost.
  await page.getByText('新建账户').click();
  const form = page.locator('form');
  await form.getByLabel('姓名', { exact: true }).fill('王丽');
  await form.getByLabel('用户名', { exact: true }).fill('wangli');
  await form.getByLabel('手机号（选填，可用于登录）').fill('1381234');
  await form.getByLabel('初始密码').fill('a long password');
  await form.getByLabel('查找代表之家').fill('法律');
  await form.getByRole('checkbox', { name: '法律专业人大代表之家' }).check();
  await form.getByLabel('查找代表之家').fill('海拉尔东路街道人大');
  await form.getByRole('checkbox', { name: '海拉尔东路街道人大代表之家' }).check();
  await form.getByText('已选 2 个').waitFor();
  await form.getByRole('button', { name: '创建账户' }).click();
  await form.getByText('手机号须为 11 位数字，以 13–19 开头。').waitFor();
  const phone = form.getByLabel('手机号（选填，可用于登录）');
  assert.equal(await phone.getAttribute('aria-invalid'), 'true');
  assert.equal(await phone.evaluate((el) => el === document.activeElement), true, 'the bad field has the focus');
  assert.equal(await form.getByLabel('姓名', { exact: true }).inputValue(), '王丽');
  assert.equal(await form.getByLabel('用户名', { exact: true }).inputValue(), 'wangli');
  assert.equal(await form.getByLabel('初始密码').inputValue(), 'a long password');
  await form.getByText('已选 2 个').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await smallTapTargets(page), []);
  await checkWidths(page, 'staff-new-account-error');

  // Corrected, the account is created and listed without a reload.
  await phone.fill('138 1234 5678');
  await form.getByRole('button', { name: '创建账户' }).click();
  await form.getByText('已创建账户：王丽。').waitFor();
  await card('wangli').getByText('海拉尔东路街道人大代表之家').waitFor();
  await card('wangli').getByText('法律专业人大代表之家').waitFor();
  await card('wangli').getByText('手机：138******78').waitFor();
  await page.getByText('共 3 个账户').waitFor();
  assert.equal(await form.getByLabel('用户名', { exact: true }).inputValue(), '', 'the form empties after success');

  // The server's refusal (a taken username) is worded by the app, next to the field.
  await form.getByLabel('姓名', { exact: true }).fill('另一个王丽');
  await form.getByLabel('用户名', { exact: true }).fill('wangli');
  await form.getByLabel('初始密码').fill('another long password');
  await form.getByRole('button', { name: '创建账户' }).click();
  await form.getByText('该用户名已被使用，请换一个。').waitFor();
  assert.equal(await form.getByLabel('姓名', { exact: true }).inputValue(), '另一个王丽');

  // Staff change the delegate's homes: the law home out, a Saihan home in.
  await card('wangli').getByRole('button', { name: '修改所属代表之家' }).click();
  const editor = card('wangli');
  await editor.getByRole('checkbox', { name: '法律专业人大代表之家' }).uncheck();
  await editor.getByLabel('查找代表之家').fill('大学东路街道人大');
  await editor.getByRole('checkbox', { name: '大学东路街道人大代表之家' }).check();
  await checkWidths(page, 'staff-edit-homes');
  await editor.getByRole('button', { name: '保存' }).click();
  await editor.getByText('已保存所属代表之家。').waitFor();
  await editor.getByRole('listitem').filter({ hasText: '大学东路街道人大代表之家' }).waitFor();
  assert.equal(await editor.getByText('法律专业人大代表之家').count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByText('新建账户').click();
  await checkWidths(page, 'staff-accounts');

  // In English, the same page.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
  await page.getByText('3 accounts').waitFor();
  assert.deepEqual(page.jsErrors, []);

  const delegate = await signIn(browser, server, 'wangli', 'a long password');
  await delegate.getByRole('link', { name: '海拉尔东路街道人大代表之家' }).waitFor();
  await delegate.getByRole('link', { name: '大学东路街道人大代表之家' }).waitFor();
  assert.equal(await delegate.getByRole('link', { name: '法律专业人大代表之家' }).count(), 0);
});
