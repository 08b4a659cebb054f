// Livelihood projects (民生实事) as citizens see them: a citizen proposes with a verified phone
// and a second phone supports; staff and delegates do their steps through the API; the
// candidates appear with no tally, the closed vote's result and the adopted projects are
// public, a progress update, an inspection and the delegates' evaluation show on the project's
// page, each with its photo (and the proposal's), a citizen rates it apart, and the term's
// figures are drawn. Every new screen is checked
// in Chinese and English at 390 and 320 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, typeTextCode, lookAt, canvasJpeg, uploadPhoto } from './harness.mjs';

let server, browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

const YEAR = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()));
const PROPOSER = '13900139001';
const SUPPORTER = '13700137002';
const RATER = '13600136003';
const PASSWORD = 'a long password for delegates';

/** A signed-in account's API calls, made from its own browser context. */
async function signedIn(login, password) {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/api/project-cycles');
  const session = await page.evaluate(async (body) => {
    const r = await fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, body: await r.json() };
  }, { login, password });
  assert.equal(session.status, 200, `${login} signs in`);
  return callerFor(page, session.body.csrf_token);
}

/**
 * Calls the API from `page` with the anti-forgery token `csrf`; resolves with status and body.
 * Its `upload` sends a photo the same way: `ok(call.upload, 201, 'POST', path)`.
 */
function callerFor(page, csrf) {
  const call = async (method, path, body) => page.evaluate(async ({ method, path, body, csrf }) => {
    const r = await fetch(path, {
      method,
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: await r.json().catch(() => null) };
  }, { method, path, body, csrf });
  call.upload = (_post, path) => uploadPhoto(page, path, csrf);
  return call;
}

/** Calls and checks the status. */
async function ok(call, status, method, path, body) {
  const answer = await call(method, path, body);
  assert.equal(answer.status, status, `${method} ${path}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A page of the citizens' app in English. */
async function englishPage() {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/api/project-cycles');
  await page.evaluate(() => localStorage.setItem('deputy-homes.lang', 'en'));
  return page;
}

const state = {};

test('staff open a collection and a citizen finds it on the projects index', async () => {
  const staff = await signedIn('demo-staff', server.demoAccounts['demo-staff']);
  state.staff = staff;
  state.delegates = [];
  for (const [i, name] of ['张丽', '王强', '李明'].entries()) {
    const account = await ok(staff, 201, 'POST', '/api/accounts', {
      username: `projdel${i}`, display_name: name, role: 'delegate', password: PASSWORD, home_ids: ['xc-02'],
    });
    state.delegates.push({ id: account.id, login: `projdel${i}`, name });
  }
  await ok(staff, 200, 'PUT', '/api/staff/congresses/city/members', { account_ids: state.delegates.map((d) => d.id) });
  const cycle = await ok(staff, 201, 'POST', '/api/staff/project-cycles', { congress: 'city', year: YEAR });
  state.cycle = cycle.id;
  await ok(staff, 200, 'POST', `/api/staff/project-cycles/${cycle.id}/phase`, { phase: 'collecting' });

  const page = await newPhonePage(browser);
  await page.goto(server.url + '/');
  await page.getByRole('link', { name: '民生实事' }).click();
  await page.getByRole('heading', { level: 1, name: '民生实事项目' }).waitFor();
  const link = page.getByRole('link', { name: new RegExp(`${YEAR} · 呼和浩特市人大`) });
  await link.getByText('征集建议中').waitFor();
  await page.getByText('还没有票决产生的项目。').waitFor();
  await lookAt(page, 'projects-index');
  await link.click();
  await page.getByRole('link', { name: '提出项目建议' }).waitFor();
  await page.getByText('还没有人提出建议，欢迎您第一个提出。').waitFor();
  await lookAt(page, 'project-cycle-collecting');
  assert.deepEqual(page.jsErrors, []);
});

test('a citizen proposes with a verified phone, sees the number, and a second phone supports once', async () => {
  const page = await newPhonePage(browser);
  await page.goto(server.url + `/project-cycles/${state.cycle}`);
  await page.getByRole('link', { name: '提出项目建议' }).click();
  await page.getByRole('heading', { level: 1, name: '提出项目建议' }).waitFor();
  // A title too short is refused next to its field, in Chinese, before anything is sent.
  await page.getByLabel('项目名称').fill('电梯');
  await page.getByRole('button', { name: '提交建议' }).click();
  await page.getByText('项目名称须为 4 到 60 个字。').waitFor();
  await lookAt(page, 'project-propose');
  await page.getByLabel('项目名称').fill('老旧小区加装电梯');
  await page.getByLabel('要办什么、在哪里').fill('在赛罕区大学东街幸福小区的六栋老楼加装电梯，方便老人上下楼');
  await page.getByLabel('受益群众').fill('小区里的老人和残疾人');
  await page.getByLabel('所在旗县区').selectOption('saihan');
  await page.getByLabel('类别').selectOption('elderly_care');
  await typeTextCode(page, server, 'proposal', PROPOSER);
  // Photos are uploaded in the phone's session: verifying the code first opens the photo field.
  await page.getByText('验证手机号后即可添加照片').waitFor();
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await page.getByLabel('照片（可选，最多 3 张）').setInputFiles({ name: 'site.jpg', mimeType: 'image/jpeg', buffer: await canvasJpeg(page) });
  await page.getByRole('img', { name: '建议现场照片 1' }).waitFor();
  await lookAt(page, 'project-propose-photo');
  await page.getByRole('button', { name: '提交建议' }).click();
  await page.getByRole('heading', { name: '建议已提交' }).waitFor();
  const number = await page.locator('.tracking-number').getAttribute('data-tracking');
  assert.match(number, new RegExp(`^XM${YEAR}-\\d{4}$`));
  state.proposal = number;
  await lookAt(page, 'project-proposal-sent');
  await page.getByRole('link', { name: '查看这条建议' }).click();
  await page.getByRole('heading', { level: 1, name: '老旧小区加装电梯' }).waitFor();
  await page.getByText('0 人支持').waitFor();
  await page.getByText('养老助老').waitFor();
  const shown = page.getByRole('img', { name: '建议现场照片 1' });
  assert.ok((await shown.getAttribute('src')).startsWith('/api/project-photos/'));
  assert.deepEqual(page.jsErrors, []);

  const second = await newPhonePage(browser);
  await second.goto(server.url + `/project-proposals/${number}`);
  await second.getByRole('heading', { level: 1, name: '老旧小区加装电梯' }).waitFor();
  await lookAt(second, 'project-proposal');
  await typeTextCode(second, server, 'support', SUPPORTER);
  await second.getByRole('button', { name: '支持', exact: true }).click();
  await second.getByText('已支持，谢谢！').waitFor();
  await second.getByText('1 人支持').waitFor();
  await second.getByRole('button', { name: '支持', exact: true }).click();
  await second.getByText('这个手机号已经支持过这条建议。').waitFor();
  await second.getByText('1 人支持').waitFor();
  await lookAt(second, 'project-proposal-supported');
  // The same phone, verified by the support form, proposes two more projects through the API.
  const csrf = await second.evaluate(async () => (await (await fetch('/api/citizen/session')).json()).csrf_token);
  const call = callerFor(second, csrf);
  state.others = [];
  for (const title of ['社区老年食堂', '公交候车亭遮阳棚']) {
    const made = await ok(call, 201, 'POST', `/api/project-cycles/${state.cycle}/proposals`, {
      title, what_and_where: `在新城区${title}的建设，方便附近居民`, beneficiaries: '附近居民', district: 'xincheng', category: 'other',
    });
    state.others.push(made.tracking_number);
  }
  assert.deepEqual(second.jsErrors, []);
});

test('the English proposal form and cycle page are accessible too', async () => {
  const page = await englishPage();
  await page.goto(server.url + `/project-cycles/${state.cycle}/propose`);
  await page.getByRole('heading', { level: 1, name: 'Propose a project' }).waitFor();
  await page.getByRole('button', { name: 'Send the proposal' }).click();
  await page.getByText('The project name must be 4 to 60 characters.').waitFor();
  await lookAt(page, 'project-propose-en');
  await page.goto(server.url + `/project-cycles/${state.cycle}`);
  await page.getByText('Collecting proposals').first().waitFor();
  await page.getByText('1 supporter').waitFor();
  await lookAt(page, 'project-cycle-collecting-en');
  await page.goto(server.url + `/project-proposals/${state.proposal}`);
  await page.getByRole('button', { name: 'Support', exact: true }).waitFor();
  await lookAt(page, 'project-proposal-en');
  assert.deepEqual(page.jsErrors, []);
});

test('candidates show without a tally while the delegates vote, then the public result', async () => {
  const { staff, cycle } = state;
  await ok(staff, 200, 'POST', `/api/staff/project-cycles/${cycle}/phase`, { phase: 'shortlisting' });
  // Once collection closed, a proposal's page tells when, instead of the support form.
  const closed = await newPhonePage(browser);
  await closed.goto(server.url + `/project-proposals/${state.proposal}`);
  await closed.getByText(/征集已于 \d{4}-\d{2}-\d{2}.* 结束，不能再支持建议。/).waitFor();
  assert.equal(await closed.getByRole('button', { name: '支持', exact: true }).count(), 0);
  await lookAt(closed, 'project-proposal-closed');
  state.candidates = [];
  const drafts = [
    ['老旧小区加装电梯工程', state.proposal],
    ['社区老年食堂建设', state.others[0]],
    ['公交候车亭改造', state.others[1]],
  ];
  for (const [title, number] of drafts) {
    const made = await ok(staff, 201, 'POST', `/api/staff/project-cycles/${cycle}/candidates`, {
      title, summary: `${title}：为群众办实事，年内完成`, unit_id: 'u-zjj', budget_yuan: 5_000_000,
      target: '年内完工并投入使用', deadline: `${YEAR + 1}-06-30`, proposals: [number],
    });
    state.candidates.push(made.id);
  }
  await ok(staff, 200, 'PUT', `/api/staff/project-cycles/${cycle}/to-adopt`, { to_adopt: 2 });
  await ok(staff, 200, 'POST', `/api/staff/project-cycles/${cycle}/phase`, { phase: 'voting' });

  const page = await newPhonePage(browser);
  await page.goto(server.url + `/project-cycles/${cycle}`);
  await page.getByText('人大代表正在投票。投票结束前不公布任何票数。').waitFor();
  await page.getByText('从 3 个候选项目中票决产生 2 个（差额票决）。').waitFor();
  for (const [title] of drafts) await page.getByRole('heading', { name: title }).waitFor();
  await page.getByText('500 万元').first().waitFor();
  assert.equal(await page.getByText(/\d+ 票/).count(), 0, 'no tally before the close');
  await lookAt(page, 'project-cycle-voting');

  const [a, b, c] = state.candidates;
  state.delegateCalls = [];
  for (const [i, choices] of [[a, b], [a, c], [a, b]].entries()) {
    const call = await signedIn(state.delegates[i].login, PASSWORD);
    state.delegateCalls.push(call);
    const receipt = await ok(call, 201, 'POST', `/api/delegate/project-cycles/${cycle}/ballot`, { choices });
    if (i === 0) state.tracker = receipt.tracker;
  }
  await ok(staff, 200, 'POST', `/api/staff/project-cycles/${cycle}/phase`, { phase: 'closed' });

  await page.reload();
  await page.getByRole('heading', { name: '票决结果' }).waitFor();
  await page.getByText('应到代表 3 人，投票 3 人。').waitFor();
  const result = (title) => page.locator('.vote-result__item').filter({ hasText: title });
  await result('老旧小区加装电梯工程').getByText('3 票').waitFor();
  await result('老旧小区加装电梯工程').getByText('当选').waitFor();
  await result('社区老年食堂建设').getByText('2 票').waitFor();
  await result('公交候车亭改造').getByText('1 票').waitFor();
  await result('公交候车亭改造').getByText('未过半数').waitFor();
  await page.getByText('已计入的选票凭证（3 张）').waitFor();
  const adopted = page.locator('.adopted-project');
  await adopted.first().waitFor();
  assert.equal(await adopted.count(), 2);
  await adopted.filter({ hasText: '老旧小区加装电梯工程' }).getByText('完成进度 0%').waitFor();
  // A delegate checks their ballot tracker on the device against the published list.
  await page.getByLabel('核对我的选票凭证').fill(state.tracker);
  await page.getByRole('button', { name: '核对', exact: true }).click();
  await page.getByText('找到了：您的选票已计入。').waitFor();
  await page.getByLabel('核对我的选票凭证').fill(state.tracker.slice(0, -2) + 'zz');
  await page.getByRole('button', { name: '核对', exact: true }).click();
  await page.getByText('没有找到这张凭证。', { exact: false }).waitFor();
  await lookAt(page, 'project-cycle-closed');
  // Staff give the cycle its title; the public page shows it instead of the generic heading.
  await ok(staff, 200, 'PUT', `/api/staff/project-cycles/${cycle}/title`, { title: `${YEAR + 1}年 呼和浩特市民生实事项目` });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: `${YEAR + 1}年 呼和浩特市民生实事项目` }).waitFor();
  assert.deepEqual(page.jsErrors, []);
});

test('progress, an inspection, a citizen rating and the delegates evaluation show on the project page', async () => {
  const { staff, cycle } = state;
  const [a, b] = state.candidates;
  const progressPhoto = await ok(staff.upload, 201, 'POST', '/api/staff/project-photos');
  await ok(staff, 201, 'POST', `/api/staff/projects/${a}/progress`, {
    percent: 40, done: '完成招标，三栋楼电梯井道开工', delay_reason: '雨季停工两周，工期顺延', photo_ids: [progressPhoto.id],
  });
  const inspectionPhoto = await ok(state.delegateCalls[0].upload, 201, 'POST', '/api/delegate/project-photos');
  await ok(state.delegateCalls[0], 201, 'POST', `/api/delegate/projects/${a}/inspections`, {
    notes: '现场查看电梯井道施工，安全措施到位，进度正常', photo_ids: [inspectionPhoto.id],
  });

  const page = await newPhonePage(browser);
  await page.goto(server.url + `/project-cycles/${cycle}`);
  await page.getByRole('link', { name: '老旧小区加装电梯工程' }).click();
  await page.getByRole('heading', { level: 1, name: '老旧小区加装电梯工程' }).waitFor();
  await page.getByText('完成进度 40%').waitFor();
  await page.getByText('雨季停工两周，工期顺延').waitFor();
  await page.getByText('完成招标，三栋楼电梯井道开工').waitFor();
  await page.getByText('现场查看电梯井道施工，安全措施到位，进度正常').waitFor();
  await page.getByText('张丽').waitFor();
  await page.getByText('得票 3，应到代表 3 人').waitFor();
  await page.getByRole('link', { name: '老旧小区加装电梯' }).waitFor();
  // The proposal's, the update's and the inspection's photos, each with its own words.
  for (const alt of ['建议现场照片 1', '实施进度照片 1', '代表视察照片 1']) {
    await page.getByRole('img', { name: alt }).waitFor();
  }
  await page.getByText('年终评议尚未开始。').waitFor();
  await page.getByText('还没有群众评分。').waitFor();
  await lookAt(page, 'project-page');

  // A citizen rates it once with a verified phone; it is shown apart from the delegates'.
  await page.getByRole('button', { name: '提交评分' }).click();
  await page.getByText('请选择一个分数。').waitFor();
  await page.getByLabel('4 分').check();
  await typeTextCode(page, server, 'rating', RATER);
  await page.getByRole('button', { name: '提交评分' }).click();
  await page.getByText('评分已提交，谢谢！').waitFor();
  await page.getByText('1 人评分，平均 4.0 分（满分 5 分）。').waitFor();
  await page.getByRole('button', { name: '提交评分' }).click();
  await page.getByText('这个手机号已经为这个项目评过分。').waitFor();

  await ok(staff, 200, 'POST', `/api/staff/project-cycles/${cycle}/evaluation`, { state: 'open' });
  await page.reload();
  await page.getByText('代表正在评议，结束后公布结果。').waitFor();
  for (const [i, choice] of ['satisfied', 'satisfied', 'basically_satisfied'].entries()) {
    await ok(state.delegateCalls[i], 201, 'POST', `/api/delegate/project-cycles/${cycle}/evaluation`, {
      evaluations: [{ project: a, choice }, { project: b, choice: 'dissatisfied' }],
    });
  }
  await ok(staff, 200, 'POST', `/api/staff/project-cycles/${cycle}/evaluation`, { state: 'closed' });
  await page.reload();
  await page.getByText('评议结果：满意').waitFor();
  await page.getByText('满意 2 票，基本满意 1 票，不满意 0 票。').waitFor();
  await page.getByText('1 人评分，平均 4.0 分（满分 5 分）。').waitFor();
  await lookAt(page, 'project-evaluated');
  assert.deepEqual(page.jsErrors, []);

  const en = await englishPage();
  await en.goto(server.url + `/projects/${a}`);
  await en.getByText('Result: satisfied').waitFor();
  await en.getByText('Done 40%').waitFor();
  for (const alt of ['Photo 1 of the proposed site', 'Progress photo 1', 'Inspection photo 1']) {
    await en.getByRole('img', { name: alt }).waitFor();
  }
  await lookAt(en, 'project-evaluated-en');
  await en.goto(server.url + `/project-cycles/${cycle}`);
  await en.getByText('3 of 3 delegates voted.').waitFor();
  await lookAt(en, 'project-cycle-closed-en');
  assert.deepEqual(en.jsErrors, []);
});

test('the projects index draws the term figures by congress', async () => {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/projects');
  await page.getByRole('heading', { name: '本届数据' }).waitFor();
  const figure = (label) => page.locator('.project-figures div').filter({ hasText: label }).locator('dd');
  assert.equal(await figure('票决项目').textContent(), '2');
  assert.equal(await figure('按期完成率').textContent(), '0%');
  assert.equal(await figure('代表评议满意率').textContent(), '50%');
  const decided = page.locator('table.chart').filter({ hasText: '各级人大票决的项目数' });
  await decided.getByRole('row', { name: /呼和浩特市人大\s*2/ }).waitFor();
  await page.getByRole('link', { name: new RegExp(`${YEAR} · 呼和浩特市人大`) }).getByText('票决已结束').waitFor();
  await lookAt(page, 'projects-figures');
  const en = await englishPage();
  await en.goto(server.url + '/projects');
  await en.getByRole('heading', { name: "This term's figures" }).waitFor();
  await en.getByText('Projects decided, by congress').waitFor();
  await lookAt(en, 'projects-figures-en');
  assert.deepEqual(page.jsErrors, []);
  assert.deepEqual(en.jsErrors, []);
});
