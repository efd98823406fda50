import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { api, checkAxe, failOnCspViolations, settled, SHOTS, shootAtEveryWidth, signIn, startFresh } from './support';

// Issue 18: running an edition in the product, from the first call to the last query. An observer
// fills in and submits a phone inquiry (a rule refused first, then fixed); staff return it with a
// note; the observer corrects and resubmits; staff approve it, and the participant's live total
// moves by exactly the hand-computed amount; staff publish; the manager sees the published total
// and queries the response; staff uphold the query with a correction, and the total moves again.

failOnCspViolations();

test.beforeEach(async ({ page }) => {
  // One long story on two shared cores: the edition is published (every report stored) on the way.
  test.setTimeout(600_000);
  await startFresh(page);
});

const YEAR = 2025;
const OBSERVER = 'observer@ksp.demo';
const STAFF = 'staff@ksp.demo';
/** The demo's manager in the konkurrent tier; the demo gives observer@ksp.demo a planned phone call to this company. */
const MANAGER = 'konkurrent@ksp.demo';

/**
 * The full possible points of an inquiry on each channel in the demo questionnaire
 * (server/src/demo/default-questionnaire.ts): an unanswered inquiry adds these to the possible
 * points and nothing to the earned (domain.md "Scoring (exact)").
 */
const FULL_POINTS = { PHONE: 97, EMAIL: 88, CHAT: 95, MESSENGER: 92 } as const;
type Channel = keyof typeof FULL_POINTS;

/** The demo's 2025 fieldwork weeks start in week 36: Tuesday 2 September 2025 is a weekday in them. */
const CALL_DATE = '2025-09-02';

/** "57,41 %", as the report shows a total (two decimals, Norwegian). */
const percent = (value: number) => `${value.toFixed(2).replace('.', ',')} %`;
/** Spaces as the test writes them: the page uses no-break spaces before "%". */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

/**
 * The participant's pooled points over its approved inquiries, as staff's API gives the report:
 * an answered inquiry's earned and possible points are the sums of its answers' points and
 * maxima (a "not applicable" answer has neither), an unanswered one earns 0 of its channel's full
 * points. The test checks they give the report's own total before relying on them.
 */
async function pooledPoints(page: Page, slug: string): Promise<{ earned: number; possible: number; total: number }> {
  type Node = { status: 'ANSWERED' | 'UNANSWERED'; channel: Channel; answers: { points: number | null; maxPoints: number | null }[] };
  const { participation } = await api<{
    participation: { report: { total: number; responses: { edges: { node: Node }[]; pageInfo: { hasNextPage: boolean } } } };
  }>(
    page,
    `query ($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report { total
       responses(first: 100) { edges { node { status channel answers { points maxPoints } } } pageInfo { hasNextPage } } } } }`,
    { year: YEAR, slug },
  );
  const report = participation.report;
  expect(report.responses.pageInfo.hasNextPage).toBe(false);
  let earned = 0;
  let possible = 0;
  for (const { node } of report.responses.edges) {
    if (node.status === 'UNANSWERED') {
      possible += FULL_POINTS[node.channel];
      continue;
    }
    for (const a of node.answers) {
      earned += a.points ?? 0;
      possible += a.maxPoints ?? 0;
    }
  }
  expect(100 * (earned / possible)).toBeCloseTo(report.total, 9);
  return { earned, possible, total: report.total };
}

/** The total on the report's overview (`/rapport/:year/:company`), as the page shows it. */
async function shownTotal(page: Page, slug: string): Promise<string> {
  await page.goto(`/rapport/${YEAR}/${slug}`);
  await settled(page);
  return plain(await page.locator('.kpi--main dd').textContent());
}

/** Nothing scrolls sideways at any width, and a screenshot at each. */
async function shoot(page: Page, name: string): Promise<void> {
  await shootAtEveryWidth(page, name, async (width) => {
    await page.waitForTimeout(150);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width} px`).toBeLessThanOrEqual(width);
  });
}

type FormQuestion = { code: string; text: string; kind: 'CHOICE' | 'SCALE'; min: number | null; options: { code: string }[] };

// Not yet passing to its end (issue 18 stays open): the observer's form, the rule refused, the
// return, the resubmission, approval with the hand-computed total, the refused and then accepted
// publication and the manager's query pass in Chromium; staff's uphold with a correction (step 6)
// has not yet run through. Its server side is covered by server/src/modules/fieldwork/response-flow.int.test.ts.
test('an observer submits a phone inquiry, staff return and approve it, publish, and uphold the manager’s query', async ({ page }) => {
  // ---- Who is who: the manager's company, and the observer's planned phone call to it. ----
  await signIn(page, MANAGER);
  const { me } = await api<{ me: { company: { slug: string; name: string } } }>(page, '{ me { company { slug name } } }');
  const { slug, name: company } = me.company;
  await page.context().clearCookies();

  await signIn(page, OBSERVER);
  const { myAssignments } = await api<{
    myAssignments: { id: string; status: string; channel: string; company: { slug: string }; questions: FormQuestion[] }[];
  }>(
    page,
    'query ($year: Int!) { myAssignments(year: $year) { id status channel company { slug } questions { code text kind min options { code } } } }',
    { year: YEAR },
  );
  const assignment = myAssignments.find((a) => a.company.slug === slug && a.channel === 'PHONE' && a.status === 'PLANNED');
  expect(assignment, `observer@ksp.demo has a planned phone call to ${slug}`).toBeDefined();
  const { id: assignmentId, questions } = assignment!;
  const inquiryId = `O${assignmentId}`;
  const textOf = (code: string) => questions.find((q) => q.code === code)!.text;

  // The answers: the first (best) option of every question, a mid value on each CX scale, except
  // AGT_NEEDS (first "Nei", which staff return; the observer corrects it to the first option) and
  // AGT_SELF_SERVICE ("Nei", 0 of 3 points; the manager's query has it corrected to the first option).
  const answerIndex = (q: FormQuestion, round: 'first' | 'corrected'): number => {
    if (q.kind === 'SCALE') return 3;
    if (q.code === 'AGT_NEEDS' && round === 'first') return q.options.findIndex((o) => o.code === 'C');
    if (q.code === 'AGT_SELF_SERVICE') return q.options.findIndex((o) => o.code === 'C');
    return 0;
  };

  // ---- 1. The observer's list and form: a call outside the window is named, then fixed. ----
  await page.goto('/oppdrag');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine oppdrag' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: company }) });
  await expect(card.getByText('Planlagt')).toBeVisible();
  await expect(card.getByText('man–fre 09:00–15:00')).toBeVisible();
  await shoot(page, 'assignments');
  await card.getByRole('link', { name: /Åpne skjemaet/ }).click();
  await expect(page).toHaveURL(`/oppdrag/${assignmentId}`);
  await expect(page.getByRole('heading', { level: 1, name: company })).toBeVisible();

  await page.getByLabel('Dato').fill(CALL_DATE);
  await page.getByLabel('Klokkeslett (norsk tid)').fill('16:30');
  const atProblem = page.locator('#attempt-0-at-problem');
  await expect(atProblem).toContainText('Utenfor kontakttid');
  await expect(page.getByLabel('Klokkeslett (norsk tid)')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Klokkeslett (norsk tid)').fill('10:00');
  await expect(atProblem).toHaveCount(0);
  await page.getByLabel('Fikk svar').check();
  await page.getByLabel('Ventetid, minutter').fill('0');
  await page.getByLabel('Ventetid, sekunder').fill('45');
  await expect(page.getByText('Henvendelsen fikk svar: svar på alle spørsmålene og skriv de tre kommentarene.')).toBeVisible();
  for (const q of questions) await page.locator(`input[name="q-${q.code}"]`).nth(answerIndex(q, 'first')).check();
  await page
    .locator('#comment-reception')
    .fill('Svarte etter under et minutt, presenterte seg med firmanavn og eget navn og var hyggelig.');
  await page
    .locator('#comment-agent')
    .fill('Kundebehandleren stilte flere gode spørsmål om behovet mitt og forklarte forsikringen godt, men nevnte ikke Min side.');
  await page.locator('#comment-overall').fill('En effektiv og vennlig samtale; jeg fikk svar på alt jeg lurte på.');
  await checkAxe(page, 'the observer’s form');
  await shoot(page, 'response-form');
  await page.getByRole('button', { name: 'Send inn' }).click();
  await expect(page.getByText('Besvarelsen er sendt inn. Status: Sendt inn.')).toBeVisible();

  // The total before approval, on staff's live report marked "foreløpig", and its pooled points.
  await page.context().clearCookies();
  await signIn(page, STAFF);
  const before = await pooledPoints(page, slug);
  expect(await shownTotal(page, slug)).toBe(percent(before.total));
  await expect(page.getByRole('note').filter({ hasText: 'Foreløpige resultater' })).toContainText('feltarbeid');

  // ---- 2. Staff return it with a note naming the question; the observer corrects and resubmits. ----
  await page.goto(`/drift/${YEAR}/kontroll`);
  await expect(page.getByRole('heading', { level: 1, name: `Kontroll av besvarelser ${YEAR}` })).toBeVisible();
  const approveName = `Godkjenn besvarelsen fra OBS-0001 til ${company}`;
  const reviewCard = page.getByRole('article').filter({ has: page.getByRole('button', { name: approveName }) });
  await expect(reviewCard).toHaveCount(1);
  // Staff read the answer beside the comment that contradicts it.
  await reviewCard.getByText('Detaljer').click();
  await expect(reviewCard.getByRole('definition').filter({ hasText: /^Nei$/ }).first()).toBeVisible();
  await expect(reviewCard.getByText(/flere gode spørsmål om behovet mitt/)).toBeVisible();
  await checkAxe(page, 'the review queue');
  await shoot(page, 'review');
  await reviewCard.getByRole('button', { name: 'Send tilbake' }).click();
  const note = 'Du svarte «Nei» på behovsavdekking, men kommentaren sier at kundebehandleren stilte flere gode spørsmål. Rett svaret.';
  // The card loses its approve button while the return form is open: the form is found by its name.
  const returnForm = page.getByRole('form', { name: 'Send tilbake til observatøren' });
  await returnForm.getByLabel('Hva skal observatøren rette? (påkrevd)').fill(note);
  await returnForm.getByRole('checkbox', { name: textOf('AGT_NEEDS') }).check();
  await returnForm.getByRole('button', { name: 'Send tilbake' }).click();
  await expect(page.getByText('Besvarelsen er sendt tilbake til OBS-0001.')).toBeVisible();
  const returnedCard = page.getByRole('article', { name: `${company}, OBS-0001` });
  await expect(returnedCard.getByText(note, { exact: true })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, OBSERVER);
  await page.goto('/oppdrag');
  await expect(card.getByText('Sendt tilbake', { exact: true })).toBeVisible();
  await expect(card.getByRole('note')).toContainText(note);
  await expect(card.getByText('Spørsmål å rette:')).toBeVisible();
  await expect(card.getByRole('listitem').filter({ hasText: textOf('AGT_NEEDS') })).toBeVisible();
  await card.getByRole('link', { name: /Åpne skjemaet/ }).click();
  const needs = page.locator('fieldset.response-form__question--returned');
  await expect(needs).toHaveCount(1);
  await expect(needs).toContainText(textOf('AGT_NEEDS'));
  await page
    .locator('input[name="q-AGT_NEEDS"]')
    .nth(
      answerIndex(
        questions.find((q) => q.code === 'AGT_NEEDS')!,
        'corrected',
      ),
    )
    .check();
  await page.getByRole('button', { name: 'Send inn' }).click();
  await expect(page.getByText('Besvarelsen er sendt inn. Status: Sendt inn.')).toBeVisible();

  // ---- 3. Staff approve it; the live total moves by exactly the hand-computed amount. ----
  await page.context().clearCookies();
  await signIn(page, STAFF);
  await page.goto(`/drift/${YEAR}/kontroll`);
  await page.getByRole('button', { name: approveName }).click();
  await expect(page.getByText('1 besvarelse er godkjent.')).toBeVisible();
  // By hand: every scored phone question's maximum adds up to 97 possible points (RT 3, RECEPTION 16,
  // AGENT 60, OVERALL 18; no "not applicable" chosen); the answers earn all of them but
  // AGT_SELF_SERVICE's 3 ("Nei" = 0 of 3), so 94. Pooled: total = 100 · (E + 94) / (P + 97).
  const expectedAfterApproval = (100 * (before.earned + 94)) / (before.possible + 97);
  const afterApproval = await pooledPoints(page, slug);
  expect(afterApproval.total).toBeCloseTo(expectedAfterApproval, 9);
  expect(afterApproval.total - before.total).toBeCloseTo(expectedAfterApproval - before.total, 9);
  expect(await shownTotal(page, slug)).toBe(percent(expectedAfterApproval));

  // ---- 4. Publication: refused while responses wait, then REVIEW → PUBLISHED. ----
  await page.goto(`/drift/${YEAR}`);
  await page.getByRole('button', { name: 'Gå videre til Kontroll …' }).click();
  await page.getByRole('button', { name: 'Ja, gå videre' }).click();
  await page.getByRole('button', { name: 'Gå videre til Publisert …' }).click();
  await page.getByRole('button', { name: 'Ja, gå videre' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'kan ikke publiseres ennå' });
  await expect(refusal).toContainText(/Utgaven kan ikke publiseres ennå: \d+ besvarelser? venter på kontroll\./);
  await expect(refusal).toContainText(/\d+ er sendt tilbake til observatørene/);

  // Responses returned to their observers do not hold publication back (only they could resubmit
  // them); they do not count. What waits for review does.
  // Staff follow the refusal's link to the review and approve every waiting response at once.
  await page.context().clearCookies();
  await signIn(page, STAFF);
  await page.goto(`/drift/${YEAR}`);
  await page.getByRole('button', { name: 'Gå videre til Publisert …' }).click();
  await page.getByRole('button', { name: 'Ja, gå videre' }).click();
  await expect(refusal).toBeVisible();
  await refusal.getByRole('link', { name: 'Gå til kontrollen' }).click();
  await expect(page).toHaveURL(`/drift/${YEAR}/kontroll`);
  const all = page.getByRole('checkbox', { name: /^Velg alle \(\d+\)$/ });
  await expect(all).toBeVisible();
  const waiting = await page.getByRole('checkbox', { name: /^Velg (?!alle)/ }).count();
  expect(waiting).toBeGreaterThan(0);
  await all.check();
  await page.getByRole('button', { name: `Godkjenn valgte (${waiting})` }).click();
  await expect(page.getByText(`${waiting} besvarelser er godkjent.`)).toBeVisible();
  await expect(page.getByText('Ingen besvarelser venter på kontroll.')).toBeVisible();

  await page.goto(`/drift/${YEAR}`);
  await page.getByRole('button', { name: 'Gå videre til Publisert …' }).click();
  await page.getByRole('button', { name: 'Ja, gå videre' }).click();
  await expect(page.getByText('Utgaven er publisert. Resultatene endres nå bare gjennom korrigeringer.')).toBeVisible({ timeout: 120_000 });

  // The published total: other responses to this company were approved on the way, so it is read again.
  const published = await pooledPoints(page, slug);

  // ---- 5. The manager sees the published total and queries the observer's response. ----
  await page.context().clearCookies();
  await signIn(page, MANAGER);
  expect(await shownTotal(page, slug)).toBe(percent(published.total));
  await expect(page.getByText('Foreløpige resultater', { exact: false })).toHaveCount(0);
  await page.goto(`/rapport/${YEAR}/${slug}/besvarelser/${inquiryId}`);
  await settled(page);
  await page.getByRole('button', { name: 'Spør om denne besvarelsen' }).click();
  const message =
    'Kundebehandleren viste observatøren til Min side for å se vilkårene; det står også i kommentaren. Kan dere se på svaret?';
  await page.getByLabel('Hva lurer du på?').fill(message);
  await shoot(page, 'query-form');
  await page.getByRole('button', { name: 'Send henvendelsen' }).click();
  await expect(page.getByText('Henvendelsen er sendt.')).toBeVisible();

  // ---- 6. Staff uphold the query with a correction of one answer. ----
  await page.context().clearCookies();
  await signIn(page, STAFF);
  await page.goto(`/drift/${YEAR}/henvendelser`);
  const queryCard = page.getByRole('article').filter({ hasText: message });
  await expect(queryCard.getByText('Åpen', { exact: true })).toBeVisible();
  await checkAxe(page, 'the queries');
  await shoot(page, 'queries');
  await queryCard.getByRole('button', { name: 'Ta til følge' }).click();
  await queryCard.getByLabel(textOf('AGT_SELF_SERVICE')).selectOption('A');
  const reason = 'Opptaket bekrefter at kundebehandleren viste til Min side på en hjelpsom måte: svaret er rettet.';
  await queryCard.getByLabel('Begrunnelse for korrigeringen (påkrevd)').fill(reason);
  await shoot(page, 'correction-form');
  await queryCard.getByRole('button', { name: 'Korriger og ta til følge' }).click();
  // The correction answers once committed; the edition's stored sections are computed again after it.
  await expect(page.getByText('Besvarelsen er korrigert og henvendelsen tatt til følge.')).toBeVisible();
  await expect(queryCard.getByText('Tatt til følge', { exact: true })).toBeVisible();

  // By hand: AGT_SELF_SERVICE goes from "Nei" (0) to its first option (3 of 3), the possible
  // points stay: total = 100 · (E + 3) / P over the published inquiries.
  const expectedCorrected = (100 * (published.earned + 3)) / published.possible;
  const corrected = await pooledPoints(page, slug);
  expect(corrected.total).toBeCloseTo(expectedCorrected, 9);
  expect(corrected.total - published.total).toBeCloseTo(300 / published.possible, 9);

  // The manager reads the new total, the correction notice and the outcome on the response.
  await page.context().clearCookies();
  await signIn(page, MANAGER);
  expect(await shownTotal(page, slug)).toBe(percent(expectedCorrected));
  await expect(page.getByText(/Korrigert etter publisering: 1 besvarelse, sist/)).toBeVisible();
  await shoot(page, 'corrections-notice');
  // The PDF's cover says it too: kept beside the screenshots to be read.
  const pdf = await page.request.get(`/eksport/${YEAR}/${slug}/rapport.pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  writeFileSync(`${SHOTS}/report-corrected.pdf`, await pdf.body());
  await page.goto(`/rapport/${YEAR}/${slug}/besvarelser/${inquiryId}`);
  await settled(page);
  const queries = page.getByRole('region', { name: 'Henvendelser om besvarelsen' });
  await expect(queries.getByText('Tatt til følge', { exact: true })).toBeVisible();
  await expect(queries.getByText(message)).toBeVisible();
  await expect(queries.getByText(reason)).toBeVisible();
  await shoot(page, 'query-outcome');
});
