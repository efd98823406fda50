import { describe, expect, it } from 'vitest';
import { DEFAULT_WAIT_LIMITS, osloDate, responseProblems, reviewFlags, type Channel } from '@ksp/shared';
import { isoWeek } from './calendar.js';
import { defaultQuestionnaire } from './default-questionnaire.js';
import {
  DEMO_APPROVED_SHARE,
  DEMO_OBSERVER_STATES,
  DEMO_RETURNED,
  DEMO_SUBMITTED,
  demoFieldwork,
  type DemoFieldworkAssignment,
} from './fieldwork.js';

const { questions } = defaultQuestionnaire(2025);
const CHANNELS: Channel[] = ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'];
const NOW = new Date('2026-12-05T12:00:00Z');
/** 40 participants × 25 assignments over weeks 36–44; OBS-DEMO has six of them (two on PHONE). */
const assignments: DemoFieldworkAssignment[] = Array.from({ length: 1000 }, (_, i) => ({
  id: i + 1,
  companySlug: `c${i % 40}`,
  channel: CHANNELS[i % 4]!,
  week: 36 + (i % 9),
  observerId: [5, 100, 205, 310, 415, 520].includes(i) ? 'OBS-DEMO' : `OBS-${i}`,
  // Some participants keep their own hours: live channels follow them, e-mail keeps 09–12.
  openingHours: i % 40 === 7 ? '08:00–16:00' : null,
}));
const run = () =>
  demoFieldwork(assignments, { year: 2025, questions, waitLimits: DEFAULT_WAIT_LIMITS, demoObserverId: 'OBS-DEMO', now: NOW });

describe('the demo fieldwork', () => {
  it('is deterministic and has the states as designed: most planned, a third approved, a queue, a few returned', () => {
    const responses = run();
    expect(run()).toEqual(responses);
    const others = responses.filter((r) => assignments[r.assignmentId - 1]!.observerId !== 'OBS-DEMO');
    const count = (s: string) => others.filter((r) => r.state === s).length;
    expect([count('APPROVED'), count('SUBMITTED'), count('RETURNED')]).toEqual([
      Math.floor(994 * DEMO_APPROVED_SHARE),
      DEMO_SUBMITTED,
      DEMO_RETURNED,
    ]);
    expect(1000 - responses.length).toBeGreaterThan(500);
  });

  it("gives the demo observer's assignments the designed states, PHONE and another channel still planned", () => {
    const responses = run();
    const own = assignments.filter((a) => a.observerId === 'OBS-DEMO');
    const stateOf = (id: number) => responses.find((r) => r.assignmentId === id)?.state ?? 'PLANNED';
    expect(own.map((a) => stateOf(a.id)).sort()).toEqual([...DEMO_OBSERVER_STATES].sort());
    const planned = own.filter((a) => stateOf(a.id) === 'PLANNED').map((a) => a.channel);
    expect(planned).toContain('PHONE');
    expect(planned.some((c) => c !== 'PHONE')).toBe(true);
  });

  it('makes every response pass the form rules (all questions asked), contacted in its own fieldwork week', () => {
    for (const r of run()) {
      const a = assignments[r.assignmentId - 1]!;
      expect(responseProblems(r.input, { channel: a.channel, questions, openingHours: a.openingHours, requireAll: true })).toEqual([]);
      for (const t of r.input.attempts) {
        const [year, month, day] = osloDate(t.at).split('-').map(Number) as [number, number, number];
        expect(isoWeek({ year, month, day })).toEqual({ year: 2025, week: a.week });
      }
    }
  });

  it('flags some of the queue, returns with a note naming a question (one overdue), and orders each history', () => {
    const responses = run();
    const flags = responses
      .filter((r) => r.state === 'SUBMITTED')
      .flatMap((r) => reviewFlags(r.input, { channel: assignments[r.assignmentId - 1]!.channel, firstResponse: false }).map((f) => f.flag));
    expect(flags).toContain('SHORT_COMMENT');
    expect(flags).toContain('WAIT_NEAR_LIMIT');
    const returns = responses.filter((r) => r.state === 'RETURNED').map((r) => r.events.at(-1)!);
    for (const e of returns) {
      expect(e.action).toBe('RETURNED');
      expect(e.byStaff).toBe(true);
      expect(e.questions).toHaveLength(1);
      // By its text, as the observer reads it, not its code.
      expect(e.note).toContain(`«${questions.find((q) => q.code === e.questions![0])!.text}»`);
    }
    expect(returns.filter((e) => NOW.getTime() - e.at.getTime() > 3 * 86_400_000)).toHaveLength(1);
    for (const r of responses) {
      expect(r.events[0]!.action).toBe('SUBMITTED');
      const times = r.events.map((e) => e.at.getTime());
      expect([...times].sort((x, y) => x - y)).toEqual(times);
      expect(new Date(r.input.attempts.at(-1)!.at).getTime()).toBeLessThan(times[0]!);
    }
  });
});
