import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';
import { errorCodes, useApi } from '../../test/api.js';
import { useAccessFixture, type Who } from '../../test/access-fixture.js';
import * as grantModule from './grant.js';
import { reportAbilities } from './abilities.js';

/**
 * The abilities the server sends with a report (`Report.abilities`), which the web reads instead
 * of working the access rules out again. Expectations are written by hand from domain.md: staff
 * and the own report open every chapter, the competitors side by side only in the konkurrent tier
 * (staff always), a chosen competitor's reader the aggregate chapters and the PDF, and a manager
 * without the report nothing (the report itself is refused).
 */
const db = useTestDatabase();
const api = useApi(db);
const clients = useAccessFixture(db, api);

const ask = (who: Who, slug: string) =>
  clients.get(who)!.query(`{ participation(year: 2024, companySlug: "${slug}") {
  report { abilities { chapters ownReport canSeeCompetitors canDownloadPdf canDownloadResponses } } } }`);

const ALL = ['OVERVIEW', 'AREAS', 'CATEGORIES', 'CX', 'VARIATION', 'INSIGHT', 'RESPONSES', 'COMPETITORS', 'HISTORY', 'BACKGROUND'];
const OWN_ENKEL = ['OVERVIEW', 'AREAS', 'CATEGORIES', 'CX', 'VARIATION', 'INSIGHT', 'RESPONSES', 'HISTORY', 'BACKGROUND'];
const AGGREGATES = ['OVERVIEW', 'AREAS', 'CATEGORIES', 'CX', 'VARIATION'];

describe('the abilities of a report', () => {
  it('give staff every chapter, the competitors side by side and both downloads, for any participant', async () => {
    for (const slug of ['konk', 'enkel', 'rival']) {
      const result = await ask('staff', slug);
      expect(result.errors, slug).toBeUndefined();
      expect(result.data!.participation.report.abilities, slug).toEqual({
        chapters: ALL,
        ownReport: true,
        canSeeCompetitors: true,
        canDownloadPdf: true,
        canDownloadResponses: true,
      });
    }
  });

  it('give a konkurrent manager its own report with the competitors, and an enkel manager its own without them', async () => {
    const konk = await ask('konk', 'konk');
    expect(konk.errors).toBeUndefined();
    expect(konk.data!.participation.report.abilities).toEqual({
      chapters: ALL,
      ownReport: true,
      canSeeCompetitors: true,
      canDownloadPdf: true,
      canDownloadResponses: true,
    });
    const enkel = await ask('enkel', 'enkel');
    expect(enkel.errors).toBeUndefined();
    expect(enkel.data!.participation.report.abilities).toEqual({
      chapters: OWN_ENKEL,
      ownReport: true,
      canSeeCompetitors: false,
      canDownloadPdf: true,
      canDownloadResponses: true,
    });
  });

  it('give a konkurrent manager its chosen competitor’s aggregate chapters and PDF, nothing of the own report', async () => {
    const result = await ask('konk', 'rival');
    expect(result.errors).toBeUndefined();
    expect(result.data!.participation.report.abilities).toEqual({
      chapters: AGGREGATES,
      ownReport: false,
      canSeeCompetitors: false,
      canDownloadPdf: true,
      canDownloadResponses: false,
    });
  });

  it('give a manager without the report none: the report is refused, and a public grant allows nothing', async () => {
    // enkel-uten did not buy its report; konk-uten chose rival but without its own report; enkel never chose rival.
    for (const [who, slug] of [
      ['enkel-uten', 'enkel-uten'],
      ['konk-uten', 'konk-uten'],
      ['konk-uten', 'rival'],
      ['enkel', 'rival'],
    ] as const) {
      const result = await ask(who, slug);
      expect(errorCodes(result), `${who} → ${slug}`).toEqual(['participation.report:FORBIDDEN']);
      expect(result.data!.participation.report, `${who} → ${slug}`).toBeNull();
    }
    const manager = { kind: 'user', userId: 9, role: 'MANAGER', companyId: 9, observerId: null } as const;
    expect(reportAbilities(manager, { tier: 'KONKURRENT', reportPurchased: true }, 'PUBLIC')).toEqual({
      chapters: [],
      ownReport: false,
      canSeeCompetitors: false,
      canDownloadPdf: false,
      canDownloadResponses: false,
    });
  });
});

describe('grants', () => {
  it('are decided only by grantReport (asked by openReport): nothing stamps a grant of its own making', () => {
    expect(Object.keys(grantModule)).not.toContain('withGrant');
    expect(Object.keys(grantModule)).toContain('grantReport');
  });
});
