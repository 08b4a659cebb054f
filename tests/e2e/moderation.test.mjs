// The opinions chain end to end: a citizen sends an opinion (hostile text in it), staff accept it,
// assign it to a unit, record the unit's acknowledgement and its class A reply; the citizen finds
// it by tracking number and rates it; staff publish it and it shows on the public board without
// name or phone; the statistics count it; every new screen is checked (axe, 320 px, tap targets).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, lookAt, newPhonePage, signIn, typeTextCode, verifyByApi,
} from './harness.mjs';

let server, browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

const TITLE = '<script>window.__xss=1</script>公交站台没有遮阳棚';
const BODY = '新华大街公交站没有遮阳棚 <img src=x onerror="window.__xss=2"> 夏天老人等车很晒。';
const REPLY = '已在新华大街公交站加装遮阳棚，六月底前完工。';

/**
 * A citizen sends the opinion through the form, verifying the phone by its text code; resolves
 * to its tracking number and the citizen's page (still verified).
 */
async function citizenSends() {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/opinions/new');
  await page.getByLabel('类别').selectOption({ label: '交通出行' });
  await page.getByLabel('标题').fill(TITLE);
  await page.getByLabel('具体内容').fill(BODY);
  await page.getByLabel('姓名', { exact: true }).fill('张三');
  await typeTextCode(page, server, 'opinion-contact', '13800138000');
  await page.getByLabel(/我同意人大常委会/).check();
  await page.locator('form button[type=submit]').click();
  await page.getByRole('heading', { name: '已提交' }).waitFor();
  const tracking = (await page.locator('.tracking-number').textContent()).trim();
  return { tracking, page };
}

/** Takes one step on the staff page and waits for the status it leads to. */
async function step(page, button, status) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('status').getByText('已保存。').waitFor();
  await page.locator('.opinion__meta .status').getByText(status, { exact: true }).waitFor();
}

async function noScriptRan(page) {
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no injected script ran');
  assert.equal(await page.locator('main script').count(), 0);
}

test('an opinion goes from the citizen through staff and the unit to the public board', async () => {
  const { tracking, page: citizen } = await citizenSends();

  // Staff find it in the queue from their account page.
  const staff = await signIn(browser, server, 'demo-staff', server.demoAccounts['demo-staff']);
  await staff.getByRole('link', { name: '办理意见建议' }).click();
  await staff.getByRole('heading', { level: 1, name: '意见建议办理' }).waitFor();
  const item = staff.locator(`.queue__item[data-tracking="${tracking}"]`);
  await item.getByText(TITLE).waitFor();
  await noScriptRan(staff);
  await staff.getByLabel('状态').selectOption({ label: '已提交' });
  await staff.waitForURL(/status=submitted/);
  await item.waitFor();
  await staff.getByLabel(`选择 ${tracking}`).check();
  await staff.getByText('已选 1 条').waitFor();
  await lookAt(staff, 'staff-queue');
  await staff.getByLabel(`选择 ${tracking}`).uncheck();

  await item.getByRole('link', { name: TITLE }).click();
  await staff.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await staff.getByText(BODY).waitFor();
  await noScriptRan(staff);
  await staff.getByText('联系人：张三 138******00').waitFor();
  assert.equal(await staff.getByText('13800138000').count(), 0, 'the phone is masked until revealed');
  await lookAt(staff, 'staff-opinion');
  await staff.getByRole('button', { name: '显示完整手机号' }).click();
  await staff.getByRole('link', { name: '13800138000' }).waitFor();

  // Only the steps of the status are offered; a reason must be written to reject.
  assert.equal(await staff.getByRole('button', { name: '公开', exact: true }).count(), 0);
  await staff.getByRole('button', { name: '不予受理', exact: true }).click();
  await staff.locator('#reject-message-error').getByText('请填写 1–2000 个字。').waitFor();

  await step(staff, '受理', '已受理');
  const unit = staff.locator('.home-picker .check').first();
  const unitName = (await unit.textContent()).trim();
  await staff.getByRole('button', { name: '分办给承办单位', exact: true }).click();
  await staff.getByText('请至少选择一个承办单位。').first().waitFor();
  await unit.locator('input').check();
  await step(staff, '分办给承办单位', '已转交承办单位');
  await staff.getByText(`承办单位：${unitName}`).waitFor();
  await step(staff, '登记承办单位签收', '承办单位已签收');
  await staff.getByLabel('答复内容').fill(REPLY);
  await step(staff, '登记答复', '已答复');
  await staff.getByLabel('备注（仅工作人员可见）').fill('已电话联系提出人');
  await staff.getByRole('button', { name: '添加内部备注', exact: true }).click();
  await staff.locator('.internal-note').getByText('已电话联系提出人').waitFor();
  await lookAt(staff, 'staff-opinion-replied');

  // The citizen finds the reply among the verified phone's opinions and rates it once.
  await citizen.goto(server.url + '/opinions');
  await citizen.locator(`[data-tracking="${tracking}"]`).getByRole('link', { name: TITLE }).click();
  await citizen.locator('.reply').getByText(REPLY).waitFor();
  await citizen.getByText('A 类：已解决或采纳').waitFor();
  await citizen.locator('.opinion__units').getByText(`承办单位：${unitName}`).waitFor();
  await citizen.getByRole('button', { name: '提交评价' }).click();
  await citizen.getByText('请选择满意、基本满意或不满意。').waitFor();
  await citizen.getByLabel('满意', { exact: true }).check();
  await citizen.getByLabel(/补充说明/).fill('很快就解决了，谢谢');
  await lookAt(citizen, 'opinion-rating');
  await citizen.getByRole('button', { name: '提交评价' }).click();
  await citizen.getByText('市民评价：满意').waitFor();
  assert.deepEqual(citizen.jsErrors, []);

  // Staff publish it; it shows on the board with no name or phone.
  await staff.reload();
  await staff.getByText('市民评价：满意').waitFor();
  await step(staff, '公开', '已公开');
  const board = await newPhonePage(browser);
  await board.goto(server.url + '/');
  await board.getByRole('link', { name: '公开答复' }).click();
  await board.getByRole('heading', { level: 1, name: '公开答复' }).waitFor();
  const published = board.locator(`.board__item[data-tracking="${tracking}"]`);
  await published.getByText(TITLE).waitFor();
  await published.getByText(REPLY).waitFor();
  await published.getByText('提出人评价：满意').waitFor();
  const text = await board.locator('main').textContent();
  assert.ok(!text.includes('张三'), 'no name on the board');
  assert.ok(!/138\D*\d{4}/.test(text) && !text.includes('8000'), 'no phone on the board');
  await noScriptRan(board);
  await lookAt(board, 'board');
  await board.getByLabel('类别').selectOption({ label: '教育' });
  await board.getByText('还没有公开的答复。').waitFor();

  // The statistics count it, as text in tables beside the bars.
  await board.goto(server.url + '/stats');
  const byStatus = board.locator('table.chart', { has: board.locator('caption', { hasText: '按状态' }) });
  await byStatus.locator('tr', { hasText: '已公开' }).getByText('1', { exact: true }).waitFor();
  const scorecard = board.locator('table.scorecard tr', { hasText: unitName });
  await scorecard.getByText('100%').first().waitFor();
  await lookAt(board, 'stats');
  // The figures of one year, chosen in the URL; the public gets no per-home counts.
  const thisYear = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
  await board.getByLabel('年份（按提交时间）').selectOption(thisYear);
  await board.waitForURL(new RegExp(`/stats\\?year=${thisYear}$`));
  await byStatus.locator('tr', { hasText: '已公开' }).getByText('1', { exact: true }).waitFor();
  assert.equal(await board.locator('caption', { hasText: '收到意见最多' }).count(), 0);

  // The citizen was texted at each step they should hear of, with the tracking number.
  await staff.goto(server.url + '/staff/outbox');
  for (const [kind, label] of [['opinion_accepted', '意见已受理'], ['opinion_assigned', '意见已分办'],
    ['opinion_replied', '意见已答复'], ['opinion_published', '意见已公开']]) {
    const message = staff.locator(`.outbox__item[data-code="${tracking}"][data-kind="${kind}"]`);
    await message.locator('.tag').getByText(label, { exact: true }).waitFor();
    await message.getByText(`您的意见${tracking}`).waitFor();
  }
  assert.equal(await staff.locator(`.outbox__item[data-code="${tracking}"][data-kind="opinion_closed"]`).count(), 0);
  await lookAt(staff, 'outbox-opinions');

  // The audit log holds the reveal of the phone.
  await staff.goto(server.url + `/staff/audit?target=${tracking}`);
  await staff.getByText('opinion.reveal_phone').waitFor();
  await lookAt(staff, 'audit');
  assert.deepEqual(staff.jsErrors, []);
  assert.deepEqual(board.jsErrors, []);
});

test('the staff pages tell anyone else they are for staff', async () => {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/staff/opinions');
  await page.getByRole('link', { name: '登录' }).first().waitFor();
  assert.equal(await page.locator('.queue').count(), 0);
});

test('staff enter the opinion of a citizen who came in person, and it joins the queue', async () => {
  const staff = await signIn(browser, server, 'demo-staff', server.demoAccounts['demo-staff']);
  await staff.goto(server.url + '/staff/opinions');
  await staff.getByRole('link', { name: '录入来访意见' }).click();
  await staff.getByRole('heading', { level: 1, name: '录入来访群众意见' }).waitFor();
  await staff.getByLabel('类别').selectOption({ label: '社会保障' });
  await staff.getByLabel('标题').fill('养老金认证不会操作');
  await staff.getByLabel('具体内容').fill('王大爷不会用手机做养老金资格认证，希望社区上门帮助。');
  await staff.getByLabel('姓名', { exact: true }).fill('王大爷');
  await staff.getByLabel('手机号', { exact: true }).fill('13912345678');
  await staff.locator('form button[type=submit]').click();
  await staff.getByText('请阅读并勾选同意个人信息使用说明。').waitFor();
  await staff.getByLabel('已当面向群众说明个人信息的用途，并取得其同意。').check();
  await staff.locator('form button[type=submit]').click();
  await staff.getByRole('heading', { name: '已提交' }).waitFor();
  const tracking = (await staff.locator('.tracking-number').textContent()).trim();
  assert.match(tracking, /^YJ\d{8}-\d{4}$/);
  await lookAt(staff, 'walk-in');
  await staff.goto(server.url + '/staff/opinions');
  await staff.getByRole('link', { name: '养老金认证不会操作' }).waitFor();
  await staff.getByText(tracking).first().waitFor();
  assert.deepEqual(staff.jsErrors, []);
});

/** Sends an opinion through the API as the citizens' form does; resolves to its tracking number. */
async function sendDirect(page, title, homeId, csrf) {
  return page.evaluate(async ({ title, homeId, csrf }) => {
    const response = await fetch('/api/opinions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), 'x-csrf-token': csrf },
      body: JSON.stringify({
        category: 'urban_construction', home_id: homeId, title, body: '小区门口的路灯坏了一个多月，晚上出行不便。',
        contact: { name: '李四', phone: '13900139000' }, consent: true, allow_publish: false,
      }),
    });
    return (await response.json()).tracking_number;
  }, { title, homeId, csrf });
}

test('staff accept in bulk, reject a duplicate, extend and close; the home\'s delegate sees its opinions', async () => {
  const citizen = await newPhonePage(browser);
  await citizen.goto(server.url + '/opinions/new');
  const csrf = await verifyByApi(citizen, server, '13900139000');
  const first = await sendDirect(citizen, '幸福小区路灯不亮', 'xc-02', csrf);
  const second = await sendDirect(citizen, '幸福小区门口路灯不亮', 'xc-02', csrf);
  const third = await sendDirect(citizen, '幸福小区路灯坏了', 'xc-02', csrf);

  const staff = await signIn(browser, server, 'demo-staff', server.demoAccounts['demo-staff']);
  await staff.goto(server.url + '/staff/opinions?status=submitted');
  for (const t of [first, second]) await staff.getByLabel(`选择 ${t}`).check();
  await staff.getByText('已选 2 条').waitFor();
  await staff.getByLabel('批量操作').selectOption({ label: '受理' });
  await staff.getByRole('button', { name: '执行', exact: true }).click();
  await staff.getByText('2 条已办理，0 条未能办理。').waitFor();

  // The third repeats the first: not accepted, naming it.
  await staff.goto(server.url + `/staff/opinions/${third}`);
  await staff.getByLabel('不予受理的理由').selectOption({ label: '重复提出' });
  await staff.getByLabel('重复的意见编号').fill(first);
  await staff.getByLabel('告知市民的说明', { exact: true }).fill('与此前意见重复，已合并办理。');
  await step(staff, '不予受理', '不予受理');

  // The first is assigned, its deadline extended with a reason, then closed.
  await staff.goto(server.url + `/staff/opinions/${first}`);
  await staff.locator('.opinion__meta .status').getByText('已受理', { exact: true }).waitFor();
  await staff.locator('.home-picker .check input').first().check();
  await step(staff, '分办给承办单位', '已转交承办单位');
  // About four months from now: after the 60-working-day deadline, within the doubled limit.
  const later = new Date(Date.now() + 8 * 3600_000 + 120 * 86400_000).toISOString().slice(0, 10);
  const extendDate = staff.getByLabel('新的答复期限');
  const current = await extendDate.inputValue();
  assert.match(current, /^\d{4}-\d{2}-\d{2}$/, 'the form starts from the current deadline');
  await staff.locator('#extend-date-current').getByText(`答复期限：${current}`).waitFor();
  assert.ok((await extendDate.getAttribute('min')) > current, 'a new deadline comes after it');
  assert.ok(later > current);
  await extendDate.fill(later);
  await staff.getByLabel('延期理由（仅工作人员可见）').fill('需要街道办现场核实');
  await staff.getByRole('button', { name: '延期', exact: true }).click();
  await staff.getByRole('status').getByText('已保存。').waitFor();
  await staff.locator('.timeline').getByText(/延期/).first().waitFor();
  await step(staff, '登记承办单位签收', '承办单位已签收');
  await staff.getByLabel('答复内容').fill('已更换路灯。');
  await step(staff, '登记答复', '已答复');
  await step(staff, '办结（不公开）', '已办结');

  // The delegate of xc-02 sees the three on their account page.
  const delegate = await signIn(browser, server, 'demo-delegate', server.demoAccounts['demo-delegate']);
  const list = delegate.locator('section', { has: delegate.getByRole('heading', { name: '我的代表之家收到的意见建议' }) });
  for (const title of ['幸福小区路灯不亮', '幸福小区门口路灯不亮', '幸福小区路灯坏了']) {
    await list.getByText(title).first().waitFor();
  }
  assert.equal(await list.getByText('13900139000').count(), 0, 'phones stay masked for delegates');

  // Staff's statistics also count opinions per home, by name.
  await staff.goto(server.url + '/stats');
  const byHome = staff.locator('table.chart', { has: staff.locator('caption', { hasText: '收到意见最多的代表之家' }) });
  const top = byHome.locator('tbody tr').first();
  await top.locator('th').getByText(/人大代表之家/).waitFor();
  assert.ok(Number(await top.locator('.chart__count').textContent()) >= 3);
  await lookAt(staff, 'stats-staff');
  for (const page of [citizen, staff, delegate]) assert.deepEqual(page.jsErrors, []);
});
