// Staff manage accounts: they list and find accounts, create a delegate with homes, change a
// delegate's homes; nobody else gets the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, axeViolations, scrollsSideways, smallTapTargets, screenshot, signIn, lookAt } from './harness.mjs';

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

test('staff disable a delegate after confirming, enable it again, and reset its password; the delegate must then choose a new one', async () => {
  const delegatePassword = server.demoAccounts['demo-delegate'];
  const delegate = await signIn(browser, server, 'demo-delegate', delegatePassword);
  const page = await signIn(browser, server, 'demo-staff', server.demoAccounts['demo-staff']);
  await page.goto(server.url + '/staff/accounts');
  const card = (username) => page.getByRole('listitem').filter({ hasText: `用户名：${username}` });
  await card('demo-delegate').getByText('法律专业人大代表之家').waitFor();
  assert.equal(await card('demo-staff').getByRole('button', { name: '停用账户' }).count(), 0, 'not one\'s own');
  assert.equal(await card('demo-staff').getByRole('button', { name: '重置密码' }).count(), 0, 'not one\'s own');

  // Disabling asks first; cancelling changes nothing.
  const delegateCard = card('demo-delegate');
  await delegateCard.getByRole('button', { name: '停用账户' }).click();
  await delegateCard.getByText('停用后，该账户立即退出登录，并且无法登录，直到重新启用。').waitFor();
  await lookAt(page, 'staff-disable-confirm');
  await delegateCard.getByRole('button', { name: '取消' }).click();
  assert.equal(await delegateCard.getByText('已停用', { exact: true }).count(), 0);
  await delegateCard.getByRole('button', { name: '停用账户' }).click();
  await delegateCard.getByRole('button', { name: '确认停用' }).click();
  await delegateCard.getByText('账户已停用。').waitFor();
  await delegateCard.getByText('已停用', { exact: true }).waitFor();
  await delegateCard.getByRole('button', { name: '启用账户' }).waitFor();
  await lookAt(page, 'staff-account-disabled');

  // The delegate's session ended at once, and signing in is refused.
  await delegate.reload();
  await delegate.getByText('您尚未登录，或已退出登录。').waitFor();
  await delegate.goto(server.url + '/sign-in');
  await delegate.getByLabel('用户名或手机号').fill('demo-delegate');
  await delegate.getByLabel('密码').fill(delegatePassword);
  await delegate.getByRole('button', { name: '登录' }).click();
  await delegate.getByRole('alert').filter({ hasText: '用户名、手机号或密码不正确。' }).waitFor();

  // Enabled again (after confirming), the list still says so after a reload.
  await delegateCard.getByRole('button', { name: '启用账户' }).click();
  await delegateCard.getByRole('button', { name: '确认启用' }).click();
  await delegateCard.getByText('账户已启用。').waitFor();
  await page.reload();
  await card('demo-delegate').getByRole('button', { name: '停用账户' }).waitFor();
  assert.equal(await card('demo-delegate').getByText('已停用', { exact: true }).count(), 0);

  // A temporary password that is too short is refused next to its field.
  await card('demo-delegate').getByRole('button', { name: '重置密码' }).click();
  const temporary = card('demo-delegate').getByLabel('临时密码');
  await temporary.fill('short');
  await card('demo-delegate').getByRole('button', { name: '确认重置' }).click();
  await card('demo-delegate').getByText('临时密码须为 10 到 256 个字符。').waitFor();
  assert.equal(await temporary.getAttribute('aria-invalid'), 'true');
  await lookAt(page, 'staff-reset-password-error');
  await temporary.fill('temporary pass 2024');
  await card('demo-delegate').getByRole('button', { name: '确认重置' }).click();
  await card('demo-delegate').getByText('密码已重置。本人下次登录时须设置新密码。').waitFor();
  assert.deepEqual(page.jsErrors, []);

  // The delegate signs in with it and sees only the form to choose a new password, on any page.
  const reset = await newPhonePage(browser);
  await reset.goto(server.url + '/sign-in');
  await reset.getByLabel('用户名或手机号').fill('demo-delegate');
  await reset.getByLabel('密码').fill('temporary pass 2024');
  await reset.getByRole('button', { name: '登录' }).click();
  await reset.getByRole('heading', { level: 1, name: '请设置新密码' }).waitFor();
  await reset.getByText('工作人员已重置您的密码。').waitFor();
  assert.equal(await reset.getByRole('heading', { name: '我的账户' }).count(), 0);
  await lookAt(reset, 'must-change-password');
  for (const path of ['/staff/opinions', '/account']) {
    await reset.goto(server.url + path);
    await reset.getByRole('heading', { level: 1, name: '请设置新密码' }).waitFor();
  }

  // A wrong temporary password and a too-short new one are each explained next to their field.
  await reset.getByLabel('临时密码（工作人员告知的）').fill('not the temporary one');
  await reset.getByLabel('新密码').fill('my own new password');
  await reset.getByRole('button', { name: '保存新密码' }).click();
  await reset.getByText('现在的密码不正确，请重新输入。').waitFor();
  await reset.getByLabel('临时密码（工作人员告知的）').fill('temporary pass 2024');
  await reset.getByLabel('新密码').fill('too short');
  await reset.getByRole('button', { name: '保存新密码' }).click();
  await reset.getByText('新密码须为 10 到 256 个字符。').waitFor();
  assert.equal(await reset.getByText('现在的密码不正确，请重新输入。').count(), 0);
  await lookAt(reset, 'must-change-password-error');
  await reset.getByLabel('新密码').fill('my own new password');
  await reset.getByRole('button', { name: '保存新密码' }).click();
  // Changed, the account page is there as usual, and stays after a reload.
  await reset.getByRole('heading', { level: 1, name: '我的账户' }).waitFor();
  await reset.reload();
  await reset.getByRole('heading', { level: 1, name: '我的账户' }).waitFor();
  await reset.getByRole('link', { name: '法律专业人大代表之家' }).waitFor();
  assert.deepEqual(reset.jsErrors, []);

  const again = await signIn(browser, server, 'demo-delegate', 'my own new password');
  await again.getByRole('link', { name: '法律专业人大代表之家' }).waitFor();
});
