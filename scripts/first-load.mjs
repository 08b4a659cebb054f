// Prints what each citizen entry page loads, as bytes on the wire: the page is opened in Debian's
// Chromium at 390x844, once accepting only gzip and once only brotli, and every response's
// encoded length is summed (CDP Network.loadingFinished) until the network has been idle for
// 500 ms. "First load": the page as it arrives, read and not yet touched. A page the server drew
// works so (read, its links followed, its filters sent by forms.js, its form filled in), and the
// app's code is fetched only once the page is used (a tap, a key, a scroll; Trunk.toml). "Used":
// then the app asked to start as a first need does (src/forms.js), until it drew its page.
// Usage: node scripts/first-load.mjs BASE PATH...
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { chromium } = createRequire(join(root, "tools", "package.json"))("playwright-core");

const [base, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });

async function measure(path, encoding, used = true) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": encoding } });
  const urls = new Map();
  const files = [];
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
  cdp.on("Network.loadingFinished", (e) =>
    files.push({ url: urls.get(e.requestId) ?? "?", bytes: e.encodedDataLength }),
  );
  await page.goto(base + path, { waitUntil: "networkidle" });
  if (used) {
    // A drawn page starts the app on its first use (src/forms.js): ask for it as that does.
    await page.evaluate(() => {
      document.documentElement.setAttribute("data-start", "");
      document.dispatchEvent(new Event("deputy-homes:start"));
    });
    // The app is live (it has taken over the shell or the server's first screen) and its page
    // has loaded what it shows.
    await page.waitForSelector("html[data-live] #main:not(:has(.loading))", { timeout: 30000 }).catch(() => {});
    await page.waitForLoadState("networkidle");
  }
  await context.close();
  return files;
}

const kib = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(
  `${"".padEnd(16)} ${"first load".padStart(17)} ${"used".padStart(18)}\n` +
    `${"page".padEnd(16)} ${"gzip KiB".padStart(9)} ${"br KiB".padStart(7)} ${"gzip KiB".padStart(10)} ${"br KiB".padStart(7)}  largest (gzip, used)`,
);
const sum = (files) => files.reduce((s, f) => s + f.bytes, 0);
for (const path of paths) {
  const [firstGz, firstBr] = [await measure(path, "gzip", false), await measure(path, "br", false)];
  const gz = await measure(path, "gzip");
  const br = await measure(path, "br");
  const top = [...gz].sort((a, b) => b.bytes - a.bytes).slice(0, 3)
    .map((f) => `${new URL(f.url).pathname.replace(/^(.{28}).+/, "$1…")} ${kib(f.bytes).trim()}`).join(", ");
  console.log(`${path.padEnd(16)} ${kib(sum(firstGz)).padStart(9)} ${kib(sum(firstBr))} ${kib(sum(gz)).padStart(10)} ${kib(sum(br))}  ${top}`);
}
console.log("goal: at most 200 KiB gzip and 160 KiB brotli per page (headers included)");
console.log("first load: as it arrives, read and not yet touched; used: with the app's code, started");
await browser.close();
