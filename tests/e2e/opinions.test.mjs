// Opinions end to end (citizen side): sending one from a home's page with a photo, refused files
// keeping the form, the phone verified by a text code, the receipt (tracking number + private
// link), following it by link and by the verified phone, and hostile text shown as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, lookAt, newPhonePage, typeTextCode, canvasJpeg,
} from './harness.mjs';

let server, browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

const TITLE = '<script>window.__xss=1</script>公交站台';
const BODY = '新华大街公交站没有遮阳棚 <img src=x onerror="window.__xss=2"> 夏天老人等车很晒。';

test('a citizen sends an opinion with a photo from a home page and follows it', async () => {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/homes/xc-02');
  await page.getByRole('link', { name: '提意见建议' }).click();
  await page.getByRole('heading', { level: 1, name: '提意见建议' }).waitFor();
  const home = page.getByLabel('相关的代表之家（可选）');
  await page.waitForFunction(() => document.querySelector('#opinion-home').value === 'xc-02');

  await page.locator('form button[type=submit]').click();
  await page.getByText('标题需要 5–60 个字。').waitFor();
  await page.getByLabel('类别').selectOption({ label: '交通出行' });
  await page.getByLabel('标题').fill(TITLE);
  await page.getByLabel('具体内容').fill(BODY);
  await page.getByText(`${[...BODY].length}/2000 字`).waitFor();

  // A text file with an image name is refused; the form keeps what was written.
  await page.getByLabel('照片（可选，最多 3 张）').setInputFiles({ name: 'x.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not an image at all') });
  await page.getByText('这个文件不是 JPG、PNG 或 WebP 图片，未上传。表单其他内容已保留。').waitFor();
  assert.equal(await page.getByLabel('标题').inputValue(), TITLE);
  await page.getByLabel('照片（可选，最多 3 张）').setInputFiles({ name: 'stop.jpg', mimeType: 'image/jpeg', buffer: await canvasJpeg(page) });
  const thumb = page.getByRole('img', { name: '第 1 张照片' });
  await thumb.waitFor();
  assert.ok(await thumb.evaluate((img) => img.complete && img.naturalWidth > 0 && img.naturalWidth <= 320));

  await page.getByLabel('姓名', { exact: true }).fill('张三');
  await page.getByLabel('手机号', { exact: true }).fill('1380013');
  await page.getByLabel(/我同意人大常委会/).check();
  await page.locator('form button[type=submit]').click();
  await page.getByText('请填写正确的 11 位手机号，例如 138 0013 8000。').waitFor();
  // Contact details need the phone verified: sending without the code asks for it.
  await page.getByLabel('手机号', { exact: true }).fill('138 0013 8000');
  await page.locator('form button[type=submit]').click();
  await page.getByText('请先获取验证码，并填入短信中的 6 位数字。').waitFor();
  await typeTextCode(page, server, 'opinion-contact', '138 0013 8000');
  assert.equal(await home.inputValue(), 'xc-02');
  assert.equal(await page.getByLabel('标题').inputValue(), TITLE, 'the form kept what was typed');
  await lookAt(page, 'opinion-form');
  await page.locator('form button[type=submit]').click();

  await page.getByRole('heading', { name: '已提交' }).waitFor();
  const tracking = (await page.locator('.tracking-number').textContent()).trim();
  assert.match(tracking, /^YJ\d{8}-\d{4}$/);
  await lookAt(page, 'opinion-sent');

  // The private link shows it, hostile text as plain text.
  await page.locator('a.private-link').click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByText(BODY).waitFor();
  await page.locator('.timeline').getByText('已提交').waitFor();
  await page.getByText('联系人：张三 138******00').waitFor();
  assert.equal(await page.locator('.opinion img').count(), 1);
  assert.equal(await page.locator('.opinion script').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no injected script ran');
  await lookAt(page, 'opinion-status');

  // With the verified phone, "查询办理进度" lists it and opens it by number.
  await page.goto(server.url + '/opinions');
  const listed = page.locator(`[data-tracking="${tracking}"]`);
  await listed.getByText('已提交').waitFor();
  await lookAt(page, 'opinion-lookup');
  await listed.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await page.goto(server.url + '/opinions');
  await listed.waitFor();
  // Another phone, verified on another browser, cannot open it.
  const other = await newPhonePage(browser);
  await other.goto(server.url + '/opinions');
  await typeTextCode(other, server, 'lookup', '13700137001');
  await other.getByRole('button', { name: '验证', exact: true }).click();
  await other.getByText('这个手机号还没有提交过留下联系方式的意见。').waitFor();
  await other.goto(server.url + `/opinions/n/${tracking}`);
  await other.getByText(/没有找到这条意见/).waitFor();
  assert.deepEqual(other.jsErrors, []);
  await lookAt(page, 'opinion-lookup');
  assert.deepEqual(page.jsErrors, []);
});

test('an anonymous opinion opens only with its private link', async () => {
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/opinions/new');
  await page.getByLabel('标题').fill('小区路灯不亮');
  await page.getByLabel('具体内容').fill('幸福小区三号楼前的路灯坏了一个月。');
  await page.getByLabel(/匿名提交/).check();
  assert.equal(await page.getByLabel('姓名', { exact: true }).count(), 0, 'no contact fields when anonymous');
  await page.getByLabel(/我同意人大常委会/).check();
  await page.locator('form button[type=submit]').click();
  const tracking = (await page.locator('.tracking-number').textContent()).trim();
  await page.locator('a.private-link').click();
  await page.getByText('匿名提交').waitFor();
  // Without a verified phone, its number opens nothing: the page asks for a phone instead.
  await page.goto(server.url + `/opinions/n/${tracking}`);
  await page.locator('#lookup-phone').waitFor();
  await page.getByText('匿名提交的意见没有手机号，请用回执中的专属链接查看。').waitFor();
  await lookAt(page, 'opinion-by-number-unverified');
  assert.equal(await page.getByText('幸福小区三号楼前的路灯坏了一个月。').count(), 0);
  assert.deepEqual(page.jsErrors, []);
});
