// Livelihood projects in the office: staff run a cycle in the office UI (make it, mark the
// congress's delegates, merge a duplicate proposal, draft the candidate list, see the 差额
// refusal in words, open the vote); three delegates vote on phones (two at 390 px, one at
// 320 px), one of them twice; staff close the vote and the public result has exact counts; a
// progress update and an inspection, each with a photo, appear in the office and on the public
// project page; the year-end evaluation shows its result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, newPhonePage, signIn, verifyByApi, lookAt, axeViolations, scrollsSideways,
  canvasJpeg,
} from './harness.mjs';

let server, browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

/** Sends a JSON request from the page with the session's anti-forgery token. */
async function api(page, method, path, body, csrfPath = '/api/session') {
  return page.evaluate(async ({ method, path, body, csrfPath }) => {
    const { csrf_token } = await (await fetch(csrfPath)).json();
    const response = await fetch(path, {
      method,
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf_token },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }, { method, path, body, csrfPath });
}

/** Signs in on a page of the given width. */
async function signInAt(width, login, password) {
  const page = await newPhonePage(browser, { viewport: { width, height: 844 } });
  await page.goto(server.url + '/sign-in');
  await page.getByLabel('用户名或手机号').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { level: 1, name: '我的账户' }).waitFor();
  return page;
}

/** Checks a screen in Chinese, then in English (axe, widths, screenshots), and back. */
async function lookAtBoth(page, name, englishHeading) {
  await lookAt(page, `${name}-zh`);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 1, name: englishHeading }).waitFor();
  await lookAt(page, `${name}-en`);
  await page.getByRole('button', { name: '切换到中文' }).click();
  await page.locator('html[lang="zh-CN"]').waitFor();
}

const TITLES = ['老旧小区加装电梯', '社区食堂助老餐', '背街小巷路灯'];

test('staff make the list, three delegates vote on phones, the result is exact, and the projects are followed to their evaluation', async () => {
  // Staff, and two more delegates besides the demo one.
  const staff = await signIn(browser, server, 'demo-staff', server.demoAccounts['demo-staff']);
  for (const [username, name] of [['delegate-two', '李代表'], ['delegate-three', '王代表']]) {
    const made = await api(staff, 'POST', '/api/accounts', {
      username, display_name: name, role: 'delegate', password: 'a long password', home_ids: [],
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
  }

  // Staff make the cycle in the office: from the account page to the projects page.
  await staff.getByRole('link', { name: '民生实事项目' }).click();
  await staff.getByRole('heading', { level: 1, name: '民生实事项目' }).waitFor();
  await staff.getByText('还没有任何一轮。').waitFor();
  await lookAtBoth(staff, 'projects-staff-cycles', 'Livelihood projects');
  await staff.getByLabel('人大').selectOption('city');
  await staff.getByLabel('年度').fill('2026');
  await staff.getByRole('button', { name: '新建' }).click();
  await staff.getByRole('heading', { level: 1, name: '2026年呼和浩特市人大民生实事项目' }).waitFor();
  const cycleId = staff.url().split('/').pop();

  // The cycle's title, for its public pages.
  await staff.getByLabel('本轮标题').fill('2026年 呼和浩特市民生实事项目');
  await staff.getByRole('button', { name: '保存标题' }).click();
  await staff.getByText('标题已保存，公开页面已更新。').waitFor();

  // The congress's delegates: all three ticked, one found by name first.
  await staff.getByText(/呼和浩特市人大代表名单（0 人）/).click();
  await staff.getByLabel('按姓名查找代表').fill('李');
  await staff.getByRole('checkbox', { name: '李代表' }).check();
  assert.equal(await staff.getByRole('checkbox', { name: '王代表' }).count(), 0, 'the search hides other names');
  await staff.getByLabel('按姓名查找代表').fill('赵');
  await staff.getByText('没有姓名含有这些字的代表。').waitFor();
  await staff.getByLabel('按姓名查找代表').fill('');
  await staff.getByRole('checkbox', { name: '李代表' }).waitFor();
  assert.equal(await staff.getByRole('checkbox', { name: '李代表' }).isChecked(), true, 'a hidden tick is kept');
  for (const name of ['演示代表', '王代表']) {
    await staff.getByRole('checkbox', { name }).check();
  }
  await staff.getByRole('button', { name: '保存代表名单' }).click();
  await staff.getByText('代表名单已保存。').waitFor();
  await staff.getByText(/呼和浩特市人大代表名单（3 人）/).waitFor();

  // Collection opens after a confirmation.
  await staff.getByRole('button', { name: '进入“项目征集”阶段' }).click();
  await staff.getByText('开始征集后，市民即可提出和支持项目建议。确定开始吗？').waitFor();
  await staff.getByRole('button', { name: '确定' }).click();
  await staff.getByRole('button', { name: '进入“初定候选项目”阶段' }).waitFor();

  // A citizen with a verified phone proposes four projects (one a duplicate).
  const citizen = await newPhonePage(browser);
  await citizen.goto(server.url + '/');
  await verifyByApi(citizen, server, '13900139000');
  const numbers = [];
  for (const title of [...TITLES, '老旧小区装电梯']) {
    const sent = await api(citizen, 'POST', `/api/project-cycles/${cycleId}/proposals`, {
      title, what_and_where: `${title}：在新城区和回民区的老旧小区实施，方便居民。`,
      beneficiaries: '老年居民', district: 'xincheng', category: 'housing',
    }, '/api/citizen/session');
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    numbers.push(sent.body.tracking_number);
  }

  // Staff merge the duplicate into the first, then close collection.
  await staff.reload();
  const duplicate = staff.locator(`[data-proposal="${numbers[3]}"]`);
  await duplicate.getByText('合并为重复建议').click();
  await duplicate.getByLabel('并入哪条建议').selectOption(numbers[0]);
  await duplicate.getByRole('button', { name: '合并' }).click();
  await staff.locator(`[data-proposal="${numbers[3]}"]`).getByText(`并入 ${numbers[0]}`).waitFor();
  await staff.getByRole('button', { name: '进入“初定候选项目”阶段' }).click();
  await staff.getByRole('button', { name: '确定' }).click();
  await staff.getByText('征集已结束。', { exact: false }).waitFor();

  // Two candidates for two places: voting is refused in words (no 差额).
  const addCandidate = async (i) => {
    await staff.getByLabel('项目名称').fill(TITLES[i]);
    await staff.getByLabel('项目内容').fill(`${TITLES[i]}，覆盖全市二十个社区，年内完成。`);
    await staff.getByLabel('责任单位').selectOption({ index: 1 });
    await staff.getByLabel('预算（元，整数）').fill('5,000,000');
    await staff.getByLabel('目标', { exact: true }).fill('惠及两万名居民');
    await staff.getByLabel('完成时限').fill('2026-12-31');
    await staff.getByRole('checkbox', { name: new RegExp(numbers[i]) }).check();
    await staff.getByRole('button', { name: '加入候选清单' }).click();
    await staff.locator('.candidate-item').filter({ hasText: TITLES[i] }).waitFor();
  };
  await addCandidate(0);
  // A budget that is not a whole number of yuan is refused next to its field.
  await staff.getByLabel('项目名称').fill(TITLES[1]);
  await staff.getByLabel('预算（元，整数）').fill('12.5');
  await staff.getByRole('button', { name: '加入候选清单' }).click();
  await staff.getByText('预算请填写 1 元以上的整数金额（元）。').waitFor();
  await addCandidate(1);
  await staff.getByLabel('拟确定项目数').fill('2');
  await staff.getByRole('button', { name: '保存项目数' }).click();
  await staff.getByText('清单上有 2 个候选项目，拟确定 2 个：候选项目须多于 2 个才能开始投票。').waitFor();
  await staff.getByRole('button', { name: '进入“代表票决”阶段' }).click();
  await staff.getByRole('button', { name: '确定' }).click();
  await staff.getByText('不能开始投票：候选项目数必须多于拟确定项目数（差额），并且要先设定拟确定项目数。').waitFor();
  await addCandidate(2);
  await staff.getByText('清单上有 3 个候选项目，拟确定 2 个：符合差额要求。').waitFor();
  await lookAtBoth(staff, 'projects-staff-cycle', '2026 livelihood projects, Hohhot Municipal People\'s Congress');
  await staff.getByRole('button', { name: '进入“代表票决”阶段' }).click();
  await staff.getByRole('button', { name: '确定' }).click();
  await staff.getByText('代表正在投票。', { exact: false }).waitFor();
  // Withdrawing is over once the list is fixed.
  assert.equal(await staff.getByRole('button', { name: '撤下这个候选项目' }).count(), 0);

  // Three delegates on phones: two at 390 px, one at 320 px.
  const one = await signInAt(390, 'demo-delegate', server.demoAccounts['demo-delegate']);
  const two = await signInAt(390, 'delegate-two', 'a long password');
  const three = await signInAt(320, 'delegate-three', 'a long password');

  // The first: from the office home, one tap to the ballot, choices, review, confirm.
  let taps = 0;
  const tap = async (locator) => { await locator.click(); taps += 1; };
  await tap(one.getByRole('link', { name: /^去投票：/ }));
  await one.getByRole('heading', { level: 2, name: '选票' }).waitFor();
  await one.getByText('已选 0 个，最多 2 个').waitFor();
  await lookAtBoth(one, 'projects-ballot', 'Livelihood projects vote');
  await tap(one.getByRole('checkbox', { name: TITLES[0] }));
  await tap(one.getByRole('checkbox', { name: TITLES[1] }));
  // A third choice is stopped, and the page says why.
  await one.getByRole('checkbox', { name: TITLES[2] }).click();
  await one.getByText('最多只能选 2 个项目。要改选，请先取消一个已选的项目。').waitFor();
  assert.equal(await one.getByRole('checkbox', { name: TITLES[2] }).isChecked(), false);
  await one.getByText('已选 2 个，最多 2 个').waitFor();
  await lookAt(one, 'projects-ballot-limit');
  await tap(one.getByRole('button', { name: '核对选票' }));
  await one.getByRole('heading', { name: '核对你的选票' }).waitFor();
  await lookAt(one, 'projects-ballot-review');
  await tap(one.getByRole('button', { name: '确认投出' }));
  await one.getByRole('heading', { name: '投票成功，你的选票已计入' }).waitFor();
  const trackerOne = (await one.locator('.tracker code').textContent()).trim();
  assert.ok(trackerOne.length >= 20, trackerOne);
  await lookAtBoth(one, 'projects-ballot-receipt', 'Livelihood projects vote');
  // The third choice tap was refused and does not count.
  assert.equal(taps, 5, 'taps from the office home: open the ballot, two choices, review, confirm');

  // A second try: the page says so in words.
  await one.reload();
  await one.getByText('你已经投过票了。每位代表只能投一次票；投票内容保密，任何人都看不到你选了什么。').waitFor();

  // The second delegate has the ballot open twice; the second ballot is refused in words.
  const twoAgain = await two.context().newPage();
  twoAgain.jsErrors = [];
  twoAgain.on('pageerror', (e) => twoAgain.jsErrors.push(e));
  await two.getByRole('link', { name: /^去投票：/ }).click();
  await twoAgain.goto(two.url());
  for (const page of [two, twoAgain]) {
    await page.getByRole('checkbox', { name: TITLES[0] }).check();
    await page.getByRole('checkbox', { name: TITLES[2] }).check();
    await page.getByRole('button', { name: '核对选票' }).click();
  }
  await two.getByRole('button', { name: '确认投出' }).click();
  await two.getByRole('heading', { name: '投票成功，你的选票已计入' }).waitFor();
  await twoAgain.getByRole('button', { name: '确认投出' }).click();
  await twoAgain.getByRole('alert').filter({ hasText: '你已经投过票了。' }).waitFor();

  // The third, at 320 px.
  await three.getByRole('link', { name: /^去投票：/ }).click();
  await three.getByRole('checkbox', { name: TITLES[0] }).check();
  await three.getByRole('checkbox', { name: TITLES[1] }).check();
  assert.equal(await scrollsSideways(three), false);
  await three.getByRole('button', { name: '核对选票' }).click();
  await three.getByRole('button', { name: '确认投出' }).click();
  const trackerThree = (await three.locator('.tracker code').textContent()).trim();
  assert.deepEqual(await axeViolations(three), []);

  // No count before the close.
  const early = await api(staff, 'GET', `/api/project-cycles/${cycleId}/results`);
  assert.equal(early.status, 409);

  // Staff close the vote; the public result has exact counts and the trackers.
  await staff.getByRole('button', { name: '进入“票决结束”阶段' }).click();
  await staff.getByRole('button', { name: '确定' }).click();
  await staff.getByText('有投票资格的代表 3 人，实际投票 3 人。').waitFor();
  const results = await api(staff, 'GET', `/api/project-cycles/${cycleId}/results`);
  assert.equal(results.status, 200);
  const votes = Object.fromEntries(results.body.candidates.map((c) => [c.candidate.title, [c.votes, c.outcome]]));
  assert.deepEqual(votes, {
    [TITLES[0]]: [3, 'adopted'], [TITLES[1]]: [2, 'adopted'], [TITLES[2]]: [1, 'no_majority'],
  });
  assert.equal(results.body.ballots_cast, 3);
  assert.equal(results.body.eligible, 3);
  assert.equal(results.body.trackers.length, 3);
  const sha256 = async (text) => Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('hex');
  assert.ok(results.body.trackers.includes(await sha256(trackerOne)), 'the first tracker is published');
  assert.ok(results.body.trackers.includes(await sha256(trackerThree)), 'the third tracker is published');
  await staff.getByText(`3 票，当选`).waitFor();

  // Staff post progress on the first project.
  const first = staff.locator('.project-card').filter({ hasText: TITLES[0] });
  await first.getByText('发布进展', { exact: true }).click();
  await first.getByLabel('完成比例（%）').fill('30');
  await first.getByLabel('做了什么').fill('完成施工招标，首批十部电梯开工。');
  await first.getByLabel('照片（可选，最多 3 张）').setInputFiles({ name: 'work.jpg', mimeType: 'image/jpeg', buffer: await canvasJpeg(staff) });
  await first.getByRole('img', { name: '实施进度照片 1' }).waitFor();
  await first.getByRole('button', { name: '发布', exact: true }).click();
  await first.getByText('进展已发布。').waitFor();
  await first.getByText('已完成 30%').first().waitFor();
  await first.locator('.timeline').getByRole('img', { name: '实施进度照片 1' }).waitFor();
  const projectId = await first.getAttribute('data-project');

  // A delegate records an inspection of it.
  await one.goto(server.url + `/manage/projects/${cycleId}`);
  await one.getByText('投票已经结束，不能再投票。结果已公开。').or(one.getByText('你已经投过票了。', { exact: false })).first().waitFor();
  const inspected = one.locator('.project-card').filter({ hasText: TITLES[0] });
  await inspected.getByText('完成施工招标，首批十部电梯开工。').waitFor();
  await inspected.getByText('记录视察').click();
  await inspected.getByLabel('视察记录').fill('现场查看了三个小区的施工，进度与报告一致。');
  await inspected.getByLabel('照片（可选，最多 3 张）').setInputFiles({ name: 'visit.jpg', mimeType: 'image/jpeg', buffer: await canvasJpeg(one, '#a73') });
  await inspected.getByRole('img', { name: '代表视察照片 1' }).waitFor();
  await inspected.getByRole('button', { name: '保存视察记录' }).click();
  await inspected.getByText('视察记录已保存。').waitFor();
  await inspected.getByText('现场查看了三个小区的施工，进度与报告一致。').waitFor();
  await inspected.locator('.timeline').getByRole('img', { name: '代表视察照片 1' }).waitFor();
  // Both photos are on the project's public page.
  const visitor = await newPhonePage(browser);
  await visitor.goto(server.url + `/projects/${projectId}`);
  for (const alt of ['实施进度照片 1', '代表视察照片 1']) {
    const img = visitor.getByRole('img', { name: alt });
    await img.waitFor();
    assert.ok((await img.getAttribute('src')).startsWith('/api/project-photos/'), alt);
  }
  await lookAt(visitor, 'project-page-photos');
  assert.deepEqual(visitor.jsErrors, []);
  await one.getByText('年终评议尚未开始。').waitFor();
  await lookAtBoth(one, 'projects-delegate-closed', 'Livelihood projects vote');

  // The year-end evaluation: staff open it, three delegates evaluate, staff close it.
  await staff.getByRole('button', { name: '开启年终评议' }).click();
  await staff.getByRole('button', { name: '结束年终评议并公布结果' }).waitFor();
  const evaluate = async (page, choices) => {
    await page.goto(server.url + `/manage/projects/${cycleId}`);
    await page.getByRole('button', { name: '提交评议' }).waitFor();
    for (const [title, choice] of choices) {
      await page.getByRole('group', { name: title }).getByRole('radio', { name: choice, exact: true }).check();
    }
    await page.getByRole('button', { name: '提交评议' }).click();
    await page.getByRole('heading', { name: '评议已提交' }).waitFor();
  };
  // An incomplete evaluation is refused in words.
  await one.goto(server.url + `/manage/projects/${cycleId}`);
  await one.getByRole('group', { name: TITLES[0] }).getByRole('radio', { name: '满意', exact: true }).check();
  await one.getByRole('button', { name: '提交评议' }).click();
  await one.getByText('请为每个项目各选一项后再提交。').waitFor();
  await lookAtBoth(one, 'projects-evaluation', 'Livelihood projects vote');
  await evaluate(one, [[TITLES[0], '满意'], [TITLES[1], '基本满意']]);
  // Staff see how many have evaluated, not what anyone chose.
  await staff.getByRole('button', { name: '刷新评议人数' }).click();
  await staff.getByText('已评议 1 人，共 3 人有评议资格。结束前不显示任何人的选择。').waitFor();
  await evaluate(two, [[TITLES[0], '满意'], [TITLES[1], '不满意']]);
  await evaluate(three, [[TITLES[0], '不满意'], [TITLES[1], '基本满意']]);
  await staff.getByRole('button', { name: '结束年终评议并公布结果' }).click();
  const result = staff.locator('.project-card').filter({ hasText: TITLES[0] });
  await result.getByText('年终评议：满意（满意 2 票，基本满意 0 票，不满意 1 票；应评议 3 人）').waitFor();
  await staff.locator('.project-card').filter({ hasText: TITLES[1] })
    .getByText('年终评议：基本满意（满意 0 票，基本满意 2 票，不满意 1 票；应评议 3 人）').waitFor();
  const trackers = await api(staff, 'GET', `/api/project-cycles/${cycleId}/evaluation-trackers`);
  assert.equal(trackers.body.trackers.length, 3);

  for (const page of [staff, one, two, twoAgain, three]) assert.deepEqual(page.jsErrors, []);
});
