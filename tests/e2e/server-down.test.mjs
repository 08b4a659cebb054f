// When the server cannot be reached, the app says so and recovers with "retry".
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPhonePage, screenshot } from './harness.mjs';

let browser;
after(async () => browser?.close());

test('a stopped server shows a message, and retry recovers once it is back', async () => {
  let server = await startServer();
  browser = await launchBrowser();
  const page = await newPhonePage(browser);
  await page.goto(server.url + '/');
  await page.getByText('共找到 104 个代表之家').waitFor();

  const addr = server.url.replace('http://', '');
  await server.stop();
  await page.getByRole('link', { name: '分布图' }).click();
  const alert = page.getByRole('alert');
  await alert.getByText('无法连接服务器').waitFor();
  await screenshot(page, 'server-down-390');

  server = await startServer({ dir: server.dir, addr });
  try {
    await alert.getByRole('button', { name: '重试' }).click();
    await page.getByRole('heading', { level: 2, name: '按旗县区查看' }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
  } finally {
    await server.stop();
  }
});
