// What staff maintain for the opinions chain: the holiday calendar due dates count around (the
// years it lacks are flagged on the calendar and the queue until added) and the list of
// handling units (add, refuse a duplicate or short name, rename, deactivate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, lookAt, signIn } from './harness.mjs';

let server, browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

test('staff add the missing years to the holiday calendar and the warnings go', async () => {
  const staff = await signIn(browser, server, 'demo-staff', server.demoAccounts['demo-staff']);
  // Which years due dates set today may reach without holidays depends on today's date.
  const missing = await staff.evaluate(async () => (await (await fetch('/api/holidays')).json()).missing_years);
  await staff.getByRole('link', { name: '节假日日历' }).click();
  await staff.getByRole('heading', { level: 1, name: '节假日日历' }).waitFor();
  await staff.getByRole('heading', { level: 2, name: '2026 年' }).waitFor();
  await staff.getByText('2026-10-01 周四').waitFor();
  const alert = staff.locator('main p.alert');
  if (missing.length > 0) {
    await alert.getByText(`${missing.join('、')} 年的节假日尚未录入`).waitFor();
  } else {
    assert.equal(await alert.count(), 0);
  }

  // A run of days with a bad range, then without a name, is refused with the field marked.
  const year = missing[0] ?? 2030;
  await staff.getByLabel('开始日期').fill(`${year}-01-03`);
  await staff.getByLabel('结束日期（只有一天可不填）').fill(`${year}-01-01`);
  await staff.getByLabel('名称（如：春节、春节调休）').fill('元旦');
  await staff.getByRole('button', { name: '加入日历' }).click();
  await staff.locator('#day-to-error').getByText('请填写有效日期：结束日期不早于开始日期，最多 31 天。').waitFor();
  assert.equal(await staff.getByLabel('结束日期（只有一天可不填）').getAttribute('aria-invalid'), 'true');
  await staff.getByLabel('开始日期').fill(`${year}-01-01`);
  await staff.getByLabel('结束日期（只有一天可不填）').fill(`${year}-01-03`);
  await staff.getByLabel('名称（如：春节、春节调休）').fill(' ');
  await staff.getByRole('button', { name: '加入日历' }).click();
  await staff.locator('#day-name-error').getByText('请填写名称（1 至 20 个字）。').waitFor();
  await staff.getByLabel('名称（如：春节、春节调休）').fill('元旦');
  await staff.getByRole('button', { name: '加入日历' }).click();
  await staff.getByRole('heading', { level: 2, name: `${year} 年` }).waitFor();
  const listed = (date) => staff.locator('.calendar-day__date', { hasText: date });
  for (const d of ['01', '02', '03']) await listed(`${year}-01-${d}`).waitFor();
  await staff.getByRole('status').getByText('有尚未保存的修改。').waitFor();

  // The same date again is refused; a make-up working day is added on its own.
  await staff.getByLabel('开始日期').fill(`${year}-01-02`);
  await staff.getByLabel('结束日期（只有一天可不填）').fill('');
  await staff.getByRole('button', { name: '加入日历' }).click();
  await staff.getByRole('alert').getByText(`${year}-01-02 已在日历中，请先删除再添加。`).waitFor();
  await staff.getByLabel('开始日期').fill(`${year}-01-04`);
  await staff.getByLabel('名称（如：春节、春节调休）').fill('元旦调休');
  await staff.getByLabel('类型').selectOption({ label: '调休上班' });
  await staff.getByRole('button', { name: '加入日历' }).click();
  await staff.locator('.calendar-day--workday', { hasText: `${year}-01-04` }).getByText('元旦调休').waitFor();
  // A wrong day is removed before saving.
  await staff.getByRole('button', { name: `删除 ${year}-01-02` }).click();
  assert.equal(await listed(`${year}-01-02`).count(), 0);
  await lookAt(staff, 'staff-holidays');

  // The other missing years get their New Year's Day too; then one save stores everything.
  for (const other of missing.slice(1)) {
    await staff.getByLabel('开始日期').fill(`${other}-01-01`);
    await staff.getByLabel('名称（如：春节、春节调休）').fill('元旦');
    await staff.getByLabel('类型').selectOption({ label: '放假' });
    await staff.getByRole('button', { name: '加入日历' }).click();
    await staff.getByRole('heading', { level: 2, name: `${other} 年` }).waitFor();
  }
  await staff.getByRole('button', { name: '保存日历' }).click();
  await staff.getByRole('status').getByText('已保存。0 个未延期的答复期限已按新日历重算。').waitFor();
  assert.equal(await alert.count(), 0, 'no year is missing any more');
  const stored = await staff.evaluate(async () => (await (await fetch('/api/holidays')).json()));
  assert.deepEqual(stored.missing_years, []);
  const entered = stored.days.filter((d) => d.date.startsWith(`${year}-01-0`));
  assert.deepEqual(entered.map((d) => [d.date, d.name, d.kind]), [
    [`${year}-01-01`, '元旦', 'holiday'],
    [`${year}-01-03`, '元旦', 'holiday'],
    [`${year}-01-04`, '元旦调休', 'workday'],
  ]);

  // The queue's notice about missing years is gone too.
  await staff.goto(server.url + '/staff/opinions');
  await staff.getByRole('heading', { level: 1, name: '意见建议办理' }).waitFor();
  await staff.locator('.result-count').first().waitFor();
  assert.equal(await staff.getByText('年的节假日尚未录入').count(), 0);

  // The change is in the audit log.
  await staff.goto(server.url + '/staff/audit?target=holidays');
  await staff.locator('.outbox__item').getByText('holidays.replace').waitFor();
  assert.deepEqual(staff.jsErrors, []);
  await staff.context().close();
});

test('staff keep the list of handling units', async () => {
  const staff = await signIn(browser, server, 'demo-staff', server.demoAccounts['demo-staff']);
  await staff.getByRole('link', { name: '承办单位' }).click();
  await staff.getByRole('heading', { level: 1, name: '承办单位' }).waitFor();
  const count = staff.locator('main .result-count');
  await count.getByText(/^显示 \d+ 个，共 \d+ 个$/).waitFor();
  const before = Number((await count.textContent()).match(/共 (\d+) 个/)[1]);
  assert.ok(before >= 16, `the sample units are listed (${before})`);

  await staff.getByLabel('新单位的全称').fill('局');
  await staff.getByRole('button', { name: '添加单位' }).click();
  await staff.locator('#unit-new-error').getByText('单位名称需 2 至 40 个字。').waitFor();
  await staff.getByLabel('新单位的全称').fill('呼和浩特市测试服务局');
  await staff.getByRole('button', { name: '添加单位' }).click();
  await staff.getByRole('status').getByText('已添加：呼和浩特市测试服务局').waitFor();
  await count.getByText(`共 ${before + 1} 个`).waitFor();
  await staff.getByLabel('新单位的全称').fill('呼和浩特市测试服务局');
  await staff.getByRole('button', { name: '添加单位' }).click();
  await staff.locator('#unit-new-error').getByText('已有同名的单位。').waitFor();

  await staff.getByLabel('查找承办单位').fill('测试服务');
  await count.getByText(`显示 1 个，共 ${before + 1} 个`).waitFor();
  const item = staff.locator('.unit-item');
  await lookAt(staff, 'staff-units');
  await item.getByText('改名').click();
  await item.getByLabel('新名称').fill('呼和浩特市测试管理局');
  await item.getByRole('button', { name: '保存名称' }).click();
  await staff.getByLabel('查找承办单位').fill('测试管理');
  await item.getByText('呼和浩特市测试管理局', { exact: true }).waitFor();
  await item.getByRole('button', { name: '停用' }).click();
  await item.getByText('已停用').waitFor();

  // The server holds the change: the unit is inactive under its new name.
  const units = await staff.evaluate(async () => (await (await fetch('/api/units')).json()));
  const unit = units.find((u) => u.name === '呼和浩特市测试管理局');
  assert.equal(unit?.active, false);
  await item.getByRole('button', { name: '重新启用' }).click();
  await item.getByRole('button', { name: '停用' }).waitFor();

  // The staff's pages in English.
  await staff.getByRole('button', { name: 'Switch to English' }).click();
  await staff.getByRole('heading', { level: 1, name: 'Handling units' }).waitFor();
  await staff.getByLabel('Find a unit').fill('');
  await count.getByText(`${before + 1} of ${before + 1} shown`).waitFor();
  await lookAt(staff, 'staff-units-en');
  await staff.goto(server.url + '/staff/holidays');
  await staff.getByRole('heading', { level: 1, name: 'Holiday calendar' }).waitFor();
  await staff.getByRole('button', { name: 'Remove 2026-10-01' }).waitFor();
  await staff.goto(server.url + '/staff/opinions');
  await staff.getByRole('heading', { level: 1, name: 'Opinions to handle' }).waitFor();
  await staff.goto(server.url + '/staff/audit');
  await staff.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  await staff.locator('.outbox__item').getByText('unit.update').first().waitFor();
  assert.deepEqual(staff.jsErrors, []);
  await staff.context().close();
});
