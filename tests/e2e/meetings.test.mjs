// Meetings end to end: a delegate publishes a repeating reception; a citizen books it from the
// home's page (code, QR code, calendar file); a second citizen joins the waitlist; the first
// cancels and the second is promoted (in the outbox and in "my bookings"); a third moves to the
// next week; the delegate checks the promoted citizen in and writes the reception record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  useServerAndBrowser, lookAt, newPhonePage, signIn, typeTextCode,
} from './harness.mjs';

let server, browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

/** A date `days` from today in Hohhot, as YYYY-MM-DD. */
function hohhotDate(days) {
  return new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}

/** Opens the home's page, and the booking page of its first activity. */
async function openBooking(page, home) {
  await page.goto(server.url + `/homes/${home}`);
  const first = page.locator('.activity').first();
  await first.waitFor();
  await first.locator('.activity__book a').click();
  await page.getByRole('heading', { level: 1, name: '预约见面' }).waitFor();
}

/**
 * Fills the booking form, verifies the phone with its text code unless this browser already
 * did, and sends it; resolves with the booking code shown.
 */
async function book(page, { name, phone, topic }) {
  await page.getByLabel('姓名', { exact: true }).fill(name);
  await page.getByLabel('想反映的事（简要）').fill(topic);
  if (await page.locator('#book-get-code').count()) {
    await typeTextCode(page, server, 'book', phone);
  } else {
    await page.getByText(/已验证手机号/).waitFor();
  }
  await page.getByLabel(/我同意代表之家/).check();
  // The booking is sent with an Idempotency-Key, so a retry after a lost answer books once.
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && /\/api\/activities\/[^/]+\/bookings$/.test(r.url())),
    page.locator('form button[type=submit]').click(),
  ]);
  assert.match(sent.headers()['idempotency-key'] ?? '', /^[0-9a-f]{32}$/);
  const code = page.locator('.booking-code__value');
  await code.waitFor();
  return (await code.textContent()).trim();
}

test('publish, book with code + QR + calendar, waitlist, cancel, promotion, move, check-in and record', async () => {
  // The delegate publishes a weekly reception with one seat, for two weeks.
  const delegate = await signIn(browser, server, 'demo-delegate', server.demoAccounts['demo-delegate']);
  const form = delegate.locator('section', { has: delegate.getByRole('heading', { name: '在法律专业人大代表之家发布活动' }) });
  await form.waitFor();
  const first = hohhotDate(2), second = hohhotDate(9);
  await form.getByLabel('日期').fill(first);
  await form.getByLabel('开始时间').fill('09:00');
  await form.getByLabel('结束时间').fill('11:00');
  await form.getByLabel('主题').fill('物业纠纷法律咨询');
  await form.getByLabel('名额（人）').fill('1');
  await form.getByLabel('每周重复（周数）').fill('2');
  await form.getByRole('button', { name: '发布活动' }).click();
  await form.getByText('已发布 2 场活动。').waitFor();

  // Citizen A books from the home's page; the form explains every mistake in Chinese.
  const a = await newPhonePage(browser);
  await openBooking(a, 'pro-law');
  await a.getByText('剩余 1 个名额').waitFor();
  await a.locator('form button[type=submit]').click();
  await a.getByText('请填写姓名（1–30 个字）。').waitFor();
  await a.getByLabel('姓名', { exact: true }).fill('张三');
  await a.getByLabel('手机号', { exact: true }).fill('1380013');
  await a.getByLabel('想反映的事（简要）').fill('小区物业费上涨');
  await a.locator('form button[type=submit]').click();
  await a.getByText('请填写正确的 11 位手机号，例如 138 0013 8000。').waitFor();
  assert.equal(await a.getByLabel('姓名', { exact: true }).inputValue(), '张三', 'the other fields are kept');
  assert.equal(await a.getByLabel('手机号', { exact: true }).getAttribute('aria-invalid'), 'true');
  await a.getByText('7/200 字').waitFor();
  await a.getByLabel('轮椅通行').check();
  await lookAt(a, 'book-form');
  const codeA = await book(a, { name: '张三', phone: '138 0013 8000', topic: '小区物业费上涨' });
  assert.match(codeA, /^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
  await a.getByRole('heading', { name: '预约成功' }).waitFor();
  const qr = a.getByRole('img', { name: `预约码 ${codeA} 的二维码` });
  await qr.waitFor();
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code is drawn');
  const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('link', { name: '加入手机日历（.ics）' }).click()]);
  const ics = readFileSync(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /DTSTART:\d{8}T010000Z\r\n/, '09:00 in Hohhot is 01:00 UTC');
  assert.match(ics.replace(/\r\n[ \t]/g, ''), new RegExp(codeA));
  await lookAt(a, 'book-done');

  // Citizen B finds the activity full and joins its waitlist.
  const b = await newPhonePage(browser);
  await openBooking(b, 'pro-law');
  await b.getByText('已约满，可排队候补').first().waitFor();
  const codeB = await book(b, { name: '李四', phone: '13900139000', topic: '房屋租赁合同' });
  await b.getByRole('heading', { name: '已加入候补' }).waitFor();
  await b.goto(server.url + '/bookings');
  const bookingB = b.locator(`[data-booking="${codeB}"]`);
  await bookingB.getByText('候补中').waitFor();

  // Citizen C also waits, then moves to next week's reception, which has a seat.
  const c = await newPhonePage(browser);
  await openBooking(c, 'pro-law');
  const codeC = await book(c, { name: '王五', phone: '13700137000', topic: '遗产继承' });
  await c.goto(server.url + '/bookings');
  const bookingC = c.locator(`[data-booking="${codeC}"]`);
  await bookingC.getByText('候补中').waitFor();
  await bookingC.getByText('改约到其他场次').click();
  await bookingC.getByRole('button', { name: '确认改约' }).click();
  await bookingC.getByText('已预约').waitFor();
  await bookingC.getByText(new RegExp(`${second} 09:00–11:00`)).waitFor();

  // Citizen A cancels from "my bookings".
  await a.goto(server.url + '/bookings');
  const bookingA = a.locator(`[data-booking="${codeA}"]`);
  await bookingA.getByText('已预约').waitFor();
  await lookAt(a, 'my-bookings');
  await bookingA.getByRole('button', { name: '取消预约' }).click();
  await bookingA.getByRole('button', { name: '确认取消' }).click();
  await bookingA.getByText('已取消', { exact: true }).waitFor();

  // B is promoted: "my bookings" says so, and the outbox holds the message with the code.
  await b.reload();
  await b.locator(`[data-booking="${codeB}"]`).getByText('已预约').waitFor();
  const staff = await signIn(browser, server, 'demo-staff', server.demoAccounts['demo-staff']);
  const outbox = await staff.evaluate(async (code) => (await fetch(`/api/notifications?booking=${code}`)).json(), codeB);
  const kinds = outbox.map((n) => n.kind).sort();
  assert.deepEqual(kinds, ['confirmation', 'promotion'], JSON.stringify(outbox));
  assert.match(outbox.find((n) => n.kind === 'promotion').message, new RegExp(codeB));
  assert.equal(outbox[0].phone, '139******00');
  await staff.getByRole('link', { name: '短信发件箱' }).click();
  const promotion = staff.locator(`.outbox__item[data-code="${codeB}"][data-kind="promotion"]`);
  await promotion.getByText('候补递补').waitFor();
  await promotion.getByText(new RegExp(codeB)).first().waitFor();
  await lookAt(staff, 'outbox');

  // The delegate opens the activity, checks B in by code and writes the record.
  await delegate.goto(server.url + '/account');
  const duty = delegate.locator('#duty-heading + *').or(delegate.locator('section', { has: delegate.getByRole('heading', { name: '值班活动' }) }));
  await duty.first().getByRole('link', { name: '名单与签到' }).first().click();
  await delegate.getByRole('heading', { level: 2, name: '预约名单' }).waitFor();
  const entryB = delegate.locator(`.roster__item[data-code="${codeB}"]`);
  await entryB.getByText('13900139000').waitFor();
  assert.equal(await delegate.locator(`.roster__item[data-code="${codeA}"]`).count(), 0, 'cancelled bookings are not listed');
  await delegate.getByLabel('签到：输入或扫描预约码').fill(codeA.toLowerCase());
  await delegate.getByRole('button', { name: '签到', exact: true }).first().click();
  await delegate.getByText('本场活动没有这个预约码。').waitFor();
  await delegate.getByLabel('签到：输入或扫描预约码').fill(codeB.toLowerCase());
  await delegate.locator('form.check-in button').click();
  await delegate.getByText('李四 已签到。').waitFor();
  await entryB.getByText('已签到').waitFor();
  await delegate.getByLabel('群众反映的问题').fill('房屋租赁合同押金不退');
  await delegate.getByLabel('后续办理').fill('转区司法局法律援助中心');
  await delegate.getByLabel(`李四 (${codeB})`).check();
  await delegate.getByRole('button', { name: '保存记录' }).click();
  await delegate.getByText('记录已保存。').waitFor();
  await lookAt(delegate, 'reception');

  // The record counts on the delegate's page.
  await delegate.goto(server.url + '/account');
  await delegate.locator('[data-figure="records"]').getByText('1', { exact: true }).waitFor();
  await lookAt(delegate, 'account-delegate');

  // The delegate changes next week's reception, then cancels it with a reason; C is told.
  await delegate.locator('section', { has: delegate.getByRole('heading', { name: '值班活动' }) })
    .getByRole('link', { name: '名单与签到' }).nth(1).click();
  await delegate.locator(`.roster__item[data-code="${codeC}"]`).waitFor();
  await delegate.getByText('更改或取消这场活动').click();
  await delegate.getByLabel('主题').fill('物业纠纷法律咨询（第二场）');
  await delegate.getByRole('button', { name: '保存更改' }).click();
  await delegate.getByText(/^已保存。/).waitFor();
  await delegate.locator('.card').getByText('物业纠纷法律咨询（第二场）').waitFor();
  await lookAt(delegate, 'manage-activity');
  await delegate.getByRole('button', { name: '取消这场活动' }).click();
  await delegate.getByText('请填写取消原因（1–200 字），它会告知已预约的群众。').waitFor();
  await delegate.getByLabel('取消原因（会告知已预约的群众）').fill('代表外出调研');
  await delegate.getByRole('button', { name: '取消这场活动' }).click();
  await delegate.getByRole('button', { name: '确认取消活动并通知群众' }).click();
  await delegate.locator('.card').getByText('已取消：代表外出调研').waitFor();
  await c.reload();
  await bookingC.getByText('已取消：代表外出调研').waitFor();
  await bookingC.getByText('已取消', { exact: true }).waitFor();
  const outboxC = await staff.evaluate(async (code) => (await fetch(`/api/notifications?booking=${code}`)).json(), codeC);
  const told = outboxC.find((n) => n.kind === 'activity_cancelled');
  assert.ok(told && told.message.includes('代表外出调研'), JSON.stringify(outboxC));

  for (const page of [a, b, c, delegate, staff]) assert.deepEqual(page.jsErrors, []);
});

test('all upcoming activities can be filtered by district, type and date', async () => {
  // The two receptions published above, at the law home in 新城区.
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/activities');
  await page.getByRole('heading', { level: 1, name: '近期活动' }).waitFor();
  await page.getByText('共 2 场活动').waitFor();
  await page.getByText('法律专业人大代表之家').first().waitFor();
  await page.getByLabel('活动类型').selectOption({ label: '代表述职' });
  await page.getByText('共 0 场活动').waitFor();
  assert.match(page.url(), /kind=duty_report/);
  await page.getByLabel('活动类型').selectOption({ label: '接待日' });
  await page.getByText('共 2 场活动').waitFor();
  await page.getByLabel('旗县区').selectOption({ label: '赛罕区' });
  await page.getByText('共 0 场活动').waitFor();
  await page.getByLabel('旗县区').selectOption({ label: '新城区' });
  await page.getByText('共 2 场活动').waitFor();
  await page.getByLabel('日期').fill(hohhotDate(9));
  await page.getByText('共 1 场活动').waitFor();
  assert.match(page.url(), /district=xincheng&kind=reception&date=/);
  await lookAt(page, 'activities-list');
});

test('a phone verified on a second phone sees its bookings there; a wrong code and too many codes are explained', async () => {
  const phone = '13600136000';
  // On the first phone: "我的" asks for the phone and its text code; a wrong code is refused.
  const first = await newPhonePage(browser);
  await first.goto(server.url + '/bookings');
  await first.getByRole('heading', { level: 1, name: '我的' }).waitFor();
  const firstCodeAt = Date.now();
  const code = await typeTextCode(first, server, 'mine', phone);
  await first.getByText(/验证码已发送至 136\*+\d+，10 分钟内有效。/).waitFor();
  await first.getByRole('button', { name: /秒后重新获取/ }).waitFor();
  const wrong = String((Number(code[0]) + 1) % 10) + code.slice(1);
  await first.locator('#mine-code').fill(wrong);
  await first.getByRole('button', { name: '验证', exact: true }).click();
  await first.getByText('验证码不正确，请核对短信后重新输入。').waitFor();
  assert.equal(await first.locator('#mine-code').getAttribute('aria-invalid'), 'true');
  await lookAt(first, 'verify-wrong-code');
  await first.locator('#mine-code').fill(code);
  await first.getByRole('button', { name: '验证', exact: true }).click();
  await first.getByText(/已验证手机号 136\*+\d+/).waitFor();
  await first.getByRole('heading', { level: 2, name: '我的预约' }).waitFor();

  // It books without another code: the form knows the verified phone.
  await openBooking(first, 'pro-law');
  // The phone's session is asked of the server when the form opens: the field fills when it comes.
  const phoneField = first.getByLabel('手机号', { exact: true });
  await phoneField.waitFor();
  await first.waitForFunction((phone) => document.querySelector('#book-phone')?.value === phone, phone, { timeout: 5000 })
    .catch(() => {});
  assert.equal(await phoneField.inputValue(), phone);
  const booked = await book(first, { name: '赵六', phone, topic: '社区养老服务' });
  await first.goto(server.url + '/bookings');
  await first.locator(`[data-booking="${booked}"]`).waitFor();
  await lookAt(first, 'mine');

  // On a second phone, a second code within the minute is refused in Chinese.
  const second = await newPhonePage(browser);
  await second.goto(server.url + '/bookings');
  await second.locator('#mine-phone').fill(phone);
  await second.locator('#mine-get-code').click();
  await second.getByText('获取验证码过于频繁，请稍后再试。').waitFor();
  assert.equal(await second.locator('#mine-phone').inputValue(), phone, 'the phone typed is kept');
  await lookAt(second, 'verify-too-many');
  // A minute after the first code, it comes, and the booking made on the first phone is here.
  await second.waitForTimeout(Math.max(0, firstCodeAt + 61_000 - Date.now()));
  await typeTextCode(second, server, 'mine', phone);
  await second.getByRole('button', { name: '验证', exact: true }).click();
  await second.locator(`[data-booking="${booked}"]`).waitFor();

  // "退出" ends the session on this phone only.
  await second.getByRole('button', { name: '退出' }).click();
  await second.locator('#mine-phone').waitFor();
  await first.reload();
  await first.locator(`[data-booking="${booked}"]`).waitFor();
  for (const page of [first, second]) assert.deepEqual(page.jsErrors, []);
});

test('staff book a seat for a citizen who came in person, with no text code', async () => {
  const staff = await signIn(browser, server, 'demo-staff', server.demoAccounts['demo-staff']);
  const activity = await staff.evaluate(async () => (await (await fetch('/api/activities')).json())
    .find((a) => !a.cancel_reason));
  await staff.goto(server.url + `/manage/activities/${activity.id}`);
  const form = staff.locator('.walk-in');
  await form.getByText('为到场群众代为预约').click();
  await form.getByLabel('姓名', { exact: true }).fill('钱七');
  await form.getByLabel('手机号', { exact: true }).fill('135 0013 5000');
  await form.getByLabel('想反映的事（简要）').fill('低保申请');
  await form.getByRole('button', { name: '提交预约' }).click();
  await form.getByText('请阅读并勾选同意个人信息使用说明。').waitFor();
  assert.equal(await form.getByLabel('姓名', { exact: true }).inputValue(), '钱七', 'what was typed is kept');
  await form.getByLabel(/已当面向群众说明/).check();
  await form.getByRole('button', { name: '提交预约' }).click();
  await form.getByText(/^已预约：钱七 [A-Z0-9]{6}。请把预约码告诉群众。$/).waitFor();
  assert.equal(await form.getByLabel('姓名', { exact: true }).inputValue(), '', 'the form is ready for the next citizen');
  await lookAt(staff, 'walk-in-booking');
  assert.equal(server.codesSentTo('13500135000'), 0, 'no text code was asked for');
  // The audit log holds it.
  const audit = await staff.evaluate(async () => (await (await fetch('/api/staff/audit')).json()).items.map((e) => e.action));
  assert.ok(audit.includes('booking.walk_in'), JSON.stringify(audit));
  assert.deepEqual(staff.jsErrors, []);
});
