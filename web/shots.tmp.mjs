import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4500';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const chapters = ['', '/omrader/AGENT', '/kategorier', '/cx', '/variasjon', '/besvarelser', '/konkurrenter', '/historikk', '/bakgrunn'];
for (const width of [1280, 820, 360]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(base + '/logg-inn');
  await page.getByLabel('E-post').fill('konkurrent@ksp.demo');
  await page.getByLabel('Passord').fill('ksp-demo');
  await page.getByLabel('Passord').press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/logg-inn'));
  const me = await (await page.request.post(base + '/graphql', { data: { query: '{ me { company { slug } participations { year } } }' } })).json();
  const p = { year: me.data.me.participations[0].year, company: me.data.me.company };
  for (const c of chapters) {
    await page.goto(`${base}/rapport/${p.year}/${p.company.slug}${c}`);
    await page.getByRole('heading', { level: 2 }).first().waitFor({ timeout: 60000 });
    await page.waitForFunction(() => !document.body.innerText.includes('Laster'), null, { timeout: 60000 }).catch(() => {});
    await page.waitForTimeout(800);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(width, c || '/', 'scrollWidth', sw);
    await page.screenshot({ path: `/tmp/shots/${width}${(c || '/oversikt').replaceAll('/', '_')}.png`, fullPage: true });
  }
  await ctx.close();
}
await browser.close();
