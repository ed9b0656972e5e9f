import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// End-to-end: `trustlens serve` as a child process on a free loopback port, driven by Debian's
// chromium through playwright-core. Skipped (with a message) only when chromium is absent and
// CI is not set; in CI a missing browser fails the run.

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = fs.readFileSync(path.join(root, 'examples', 'demo-article.txt'), 'utf8');
const shots = path.join(os.tmpdir(), 'trustlens-e2e');
const skip = !fs.existsSync(CHROMIUM) && !process.env.CI
  ? `${CHROMIUM} not found and CI is not set: browser tests skipped (apt-get install chromium to run them)`
  : false;

// Article text that would run script if any renderer treated it as HTML.
const HOSTILE = [
  'Hostile markup test',
  '',
  '"Nothing to see <script>window.__pwned = "script"</script> here," said Ann Lee.',
  '',
  'The page had <img src=x onerror="window.__pwned = \'img\'"> and <svg onload="window.__pwned=\'svg\'"></svg> in it.',
  '',
  'Readers were told to <a href="javascript:window.__pwned=\'link\'">click here</a> or javascript:alert(1) by Bob Kay, who said "trust <b>me</b>".',
].join('\n');

let server: ChildProcess | null = null;
let base = '';
let browser: Browser | null = null;

async function startServe(): Promise<string> {
  server = spawn(process.execPath, [path.join(root, 'bin', 'trustlens.js'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  server.stderr!.on('data', (d) => { err += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 30 s: ${err}`)), 30_000);
    let out = '';
    server!.stdout!.on('data', (d) => {
      out += d;
      const m = /serving .* on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server!.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited (${code}): ${err}`)); });
  });
}

async function newPage(width = 1280, height = 900): Promise<{ ctx: BrowserContext; page: Page; dialogs: string[]; errors: string[] }> {
  const ctx = await browser!.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await ctx.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  page.on('pageerror', (e) => errors.push(e.message));
  // Console errors include CSP violations: the app must need nothing its policy forbids.
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text()); });
  return { ctx, page, dialogs, errors };
}

async function analyseText(page: Page, text: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.fill('#text-input', text);
  await page.click('#analyse');
  await page.waitForSelector('#results:not([hidden])');
  await page.waitForFunction(() => /Done/.test(document.querySelector('#status')!.textContent ?? ''));
}

const noHorizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('web app and HTML report in chromium', { skip }, () => {
  before(async () => {
    fs.mkdirSync(shots, { recursive: true });
    [base, browser] = await Promise.all([
      startServe(),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      }),
    ]);
  });
  after(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });

  test('analyse the demo article: highlights, quote details, a source, a finding, the JSON download', async () => {
    const api = (await (await fetch(`${base}/api/analyze`, { method: 'POST', body: JSON.stringify({ text: demo }) })).json()) as {
      quotes: { id: string; speakerName: string | null }[]; findings: unknown[]; trust?: { indicators: unknown[] };
    };
    const { ctx, page, errors } = await newPage();
    try {
      await analyseText(page, demo);
      // Every quote is highlighted, and the article shows the text exactly.
      assert.equal(await page.locator('#article mark.q[id]').count(), api.quotes.length);
      assert.ok(api.quotes.length >= 5);
      assert.equal(await page.locator('#article').textContent(), demo);
      assert.ok(await page.locator('#article .cue').count() >= 5, 'cues marked');
      assert.ok(await page.locator('#article .ch').count() >= 1, 'channels marked');

      // Hover a quote: the tooltip and the detail panel name the speaker, cue and channel.
      const withChannel = page.locator('#article mark.q[id][data-tip*="via "]').first();
      await withChannel.hover();
      const tip = await withChannel.evaluate((el) => getComputedStyle(el, '::after').content);
      assert.match(tip, /cue: “.*via /);
      assert.match(await page.locator('#detail').textContent() ?? '', /Speaker.*Cue.*Channel.*Kind/s);

      // Keyboard: Tab reaches the quotes (after the download buttons) and shows their details.
      await page.locator('button[data-download="html"]').focus();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({ id: document.activeElement?.id ?? '', q: (document.activeElement as HTMLElement | null)?.dataset.q ?? '' }));
      assert.match(focused.id, /^q-/);
      const detailText = await page.locator('#detail').textContent();
      const q0 = api.quotes.find((q) => q.id === focused.q)!;
      if (q0.speakerName) assert.ok(detailText!.includes(q0.speakerName), 'detail names the focused quote\'s speaker');

      // Click a source: its quotes are listed and marked in the article.
      const source = page.locator('.sources > li').first();
      const key = await source.getAttribute('data-src');
      await source.locator('summary').click();
      assert.equal(await source.locator('details').getAttribute('open'), '');
      const listed = await source.locator('.quotes li').count();
      assert.ok(listed >= 1);
      await page.waitForFunction((n) => document.querySelectorAll('#article mark.q.sel[id]').length === n, listed);
      assert.equal(await page.locator(`#article mark.q.sel[data-src="${key}"][id]`).count(), listed);
      await source.locator('.quotes a').first().click();
      assert.match(await page.evaluate(() => document.activeElement?.id ?? ''), /^q-/);

      // Open a finding: the span is focused and on screen.
      if (api.findings.length) {
        const link = page.locator('.findings a.jump').first();
        const target = (await link.getAttribute('href'))!.slice(1);
        await link.click();
        await page.waitForFunction((id) => document.activeElement?.id === id, target);
        await page.waitForTimeout(400); // smooth scroll
        const box = await page.locator(`#${target}`).boundingBox();
        assert.ok(box && box.y >= 0 && box.y < 900, `finding ${target} scrolled into view`);
      } else {
        assert.match(await page.locator('#findings').textContent() ?? '', /No findings/);
      }

      // The Trust Indicator scorecard, when the analysis has one; text evidence links to its span.
      if (api.trust) {
        assert.equal(await page.locator('#trust ul.trust > li').count(), api.trust.indicators.length);
        const ev = page.locator('#trust a.jump').first();
        if (await ev.count()) {
          const target = (await ev.getAttribute('href'))!.slice(1);
          await ev.click();
          await page.waitForFunction((id) => document.activeElement?.id === id, target);
        }
      }

      // Download the JSON: the same analysis the API gives.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="json"]')]);
      assert.match(download.suggestedFilename(), /\.trustlens\.json$/);
      const saved = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
      assert.equal(saved.text, demo);
      assert.equal(saved.quotes.length, api.quotes.length);
      for (const fmt of ['markdown', 'sarif', 'html']) {
        const [d] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-download="${fmt}"]`)]);
        assert.ok(fs.statSync((await d.path())!).size > 200, fmt);
      }
      assert.deepEqual(errors, []);
    } finally {
      await ctx.close();
    }
  });

  test('hostile article text renders as text in the web app and the HTML report; no script runs', async () => {
    const { ctx, page, dialogs, errors } = await newPage();
    try {
      await analyseText(page, HOSTILE);
      assert.equal(await page.locator('#article').textContent(), HOSTILE);
      assert.equal(await page.locator('#article img, #article script, #article svg, #article a, #article b').count(), 0);
      await page.getByText('click here', { exact: false }).first().click();
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null), null);

      // The downloaded HTML report, opened as a file in the browser.
      const [d] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="html"]')]);
      const file = path.join(shots, 'hostile-report.html');
      fs.copyFileSync((await d.path())!, file);
      const report = await ctx.newPage();
      report.on('dialog', (x) => { dialogs.push(x.message()); void x.dismiss(); });
      await report.goto(`file://${file}`);
      assert.equal(await report.locator('#article').textContent(), HOSTILE);
      assert.equal(await report.locator('script').count(), 0);
      assert.equal(await report.locator('#article img, #article svg, #article a').count(), 0);
      await report.getByText('click here', { exact: false }).first().click();
      assert.equal(await report.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null), null);
      assert.deepEqual(dialogs, [], 'no alert() ran');
      assert.deepEqual(errors, []);
    } finally {
      await ctx.close();
    }
  });

  test('upload a text file and an HTML page; a refused URL shows the API\'s message', async () => {
    const { ctx, page, errors } = await newPage();
    try {
      await page.goto(`${base}/`);
      await page.check('input[name=mode][value=file]');
      assert.equal(await page.locator('#text-input').isVisible(), false, 'only the chosen input shows');
      await page.setInputFiles('#file-input', { name: 'ferry.txt', mimeType: 'text/plain', buffer: Buffer.from('Ferry stops\n\n"We are sorry," Ruth Ellis told Reuters.\n') });
      await page.click('#analyse');
      await page.waitForSelector('#results:not([hidden])');
      assert.ok(await page.locator('#article mark.q').count() >= 1);
      // An HTML page: the body is extracted, the page's metadata shown.
      const page2 = '<!doctype html><html><head><title>Ferry</title><meta property="og:title" content="Ferry service ends">'
        + '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry service ends","author":{"@type":"Person","name":"Jo Park"}}</script></head>'
        + '<body><nav>Home | Sport</nav><article><h1>Ferry service ends</h1><p>"We are sorry," Ruth Ellis told Reuters on Monday.</p>'
        + '<p>The ferry ran for seventy years and carried millions of passengers across the bay, officials said.</p></article></body></html>';
      await page.setInputFiles('#file-input', { name: 'ferry.html', mimeType: 'text/html', buffer: Buffer.from(page2) });
      await page.click('#analyse');
      await page.waitForFunction(() => /Ferry service ends/.test(document.querySelector('#meta')?.textContent ?? ''));
      assert.doesNotMatch(await page.locator('#article').textContent() ?? '', /Home \| Sport/);
      assert.ok(await page.locator('#trust ul.trust > li').count() > 0, 'Trust Indicator scorecard shown');
      await page.check('input[name=mode][value=url]');
      await page.fill('#url-input', 'http://127.0.0.1:22/');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#status')!.classList.contains('error'));
      assert.match(await page.locator('#status').textContent() ?? '', /private or loopback address/);
      assert.deepEqual(errors, []);
    } finally {
      await ctx.close();
    }
  });

  test('screenshots at desktop and phone width: no horizontal overflow', async () => {
    for (const [name, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]] as const) {
      const { ctx, page } = await newPage(width, height);
      try {
        await analyseText(page, demo);
        assert.ok(await noHorizontalOverflow(page), `${name}: web app fits ${width} px`);
        const png = await page.screenshot({ path: path.join(shots, `app-${name}.png`), fullPage: true });
        assert.equal(png.readUInt32BE(16), width, 'PNG width is the viewport width');
        assert.ok(png.readUInt32BE(20) >= height);
        // A focused quote's tooltip must not push the page sideways either.
        await page.locator('#article mark.q[id][data-tip*="via "]').first().focus();
        assert.ok(await noHorizontalOverflow(page), `${name}: tooltip fits ${width} px`);
        if (name === 'phone') {
          // One column: the sources panel sits below the article, not beside it.
          const a = (await page.locator('#article').boundingBox())!;
          const s = (await page.locator('#sources').boundingBox())!;
          assert.ok(s.y > a.y + a.height - 1, 'panels stack under the article');
          assert.ok(a.width <= width);
        }
        const [d] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="html"]')]);
        const file = path.join(shots, `report-${name}.html`);
        fs.copyFileSync((await d.path())!, file);
        const report = await ctx.newPage();
        await report.goto(`file://${file}`);
        assert.ok(await noHorizontalOverflow(report), `${name}: report fits ${width} px`);
        await report.screenshot({ path: path.join(shots, `report-${name}.png`), fullPage: true });
      } finally {
        await ctx.close();
      }
    }
    console.log(`screenshots in ${shots}`);
  });
});
