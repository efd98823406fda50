import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '@web/app/Providers';
import { createI18n } from '@web/app/i18n';
import { stubGraphQL } from '@web/test/graphql';
import type { AreaSentimentItemFragment, CommentWordItemFragment } from '@web/graphql/generated/graphql';
import CommentInsight, { chipSize, CommentWordsView, wordSearchPath } from './CommentWords';

const WORDS: CommentWordItemFragment[] = [
  { word: 'hyggelig', term: 'hygg', direction: 'MORE', zScore: 2.5, ownCount: 12, classCount: 20 },
  { word: 'tastemenyen', term: 'tastemeny', direction: 'MORE', zScore: 6, ownCount: 9, classCount: 3 },
  { word: 'treg', term: 'treg', direction: 'LESS', zScore: -1.25, ownCount: 0, classCount: 8 },
];
const SENTIMENT: AreaSentimentItemFragment = { area: 'RECEPTION', mean: 1.256, comments: 23, classMean: 0.8 };

function show(props: { words?: CommentWordItemFragment[]; sentiment?: AreaSentimentItemFragment; channel?: 'PHONE' } = {}) {
  const { createClient } = stubGraphQL({});
  return render(
    <Providers createClient={createClient} i18n={createI18n()}>
      <MemoryRouter>
        <CommentWordsView
          report={{ year: 2024, company: { slug: 'alfa' }, channel: props.channel }}
          area="RECEPTION"
          words={props.words ?? WORDS}
          sentiment={props.sentiment ?? SENTIMENT}
        />
      </MemoryRouter>
    </Providers>,
  );
}

afterEach(cleanup);

describe('CommentWords', () => {
  it('lists the words used more and less than the class, each a link to the responses that use it', () => {
    show();
    expect(screen.getByRole('heading', { level: 4, name: 'Mottak og velkomst' })).toBeTruthy();
    const more = screen.getByRole('list', { name: 'Brukt mer enn klassen' });
    const links = within(more).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['hyggelig', '/rapport/2024/alfa/besvarelser?sok=hyggelig'],
      ['tastemenyen', '/rapport/2024/alfa/besvarelser?sok=tastemenyen'],
    ]);
    expect(links[0]!.getAttribute('aria-label')).toBe('hyggelig, brukt 12 ganger hos dere og 20 hos resten av klassen: se besvarelsene');
    expect(links[0]!.getAttribute('title')).toBe('«hyggelig»: 12 ganger hos dere, 20 hos resten av klassen (z = 2,50)');
    const less = screen.getByRole('list', { name: 'Brukt mindre enn klassen' });
    expect(within(less).getByRole('link').textContent).toBe('treg');
  });

  it('sizes a chip by its z: 1 rem + 0,8 rem · min(|z|, 4) / 4', () => {
    // 2,5 → 1 + 0,8 · 2,5/4 = 1,5; 6 → capped at 4: 1,8; −1,25 → 1 + 0,8 · 1,25/4 = 1,25
    expect([chipSize(2.5), chipSize(6), chipSize(-1.25)]).toEqual(['1.50rem', '1.80rem', '1.25rem']);
    show();
    expect((screen.getByRole('link', { name: /^tastemenyen/ }) as HTMLElement).style.fontSize).toBe('1.8rem');
  });

  it('keeps the channel in the link', () => {
    expect(wordSearchPath({ year: 2024, company: { slug: 'alfa' }, channel: 'PHONE' }, 'svar')).toBe(
      '/rapport/2024/alfa/besvarelser?kanal=PHONE&sok=svar',
    );
  });

  it('says the sentiment the Norwegian way, and when there is too little to say', () => {
    show();
    expect(screen.getByText(/^Snitt 1,26 \(klassen 0,80\) på en skala fra −5/).textContent).toContain('over 23 kommentarer');
    show({ words: [], sentiment: { area: 'RECEPTION', mean: null, comments: 0, classMean: 0.8 } });
    expect(screen.getByText('For få kommentarer til å si noe om ordbruken.')).toBeTruthy();
    expect(screen.getByText('Ingen av kommentarene har ord som sier noe om stemningen.')).toBeTruthy();
  });

  it('is one panel for the three areas: what the words mean and the method said once, not once an area', async () => {
    const { createClient, calls } = stubGraphQL({
      CommentInsight: (v) => ({
        data: {
          participation: {
            report: {
              commentWords: v['area'] === 'RECEPTION' ? WORDS : [],
              commentSentiment: [SENTIMENT, { area: 'AGENT', mean: -0.5, comments: 20, classMean: 0.25 }],
            },
          },
        },
      }),
    });
    render(
      <Providers createClient={createClient} i18n={createI18n()}>
        <MemoryRouter>
          <CommentInsight report={{ year: 2024, company: { slug: 'alfa' } }} />
        </MemoryRouter>
      </Providers>,
    );
    const panel = screen.getByRole('region', { name: 'Hva kommentarene sier' });
    expect(panel.classList.contains('panel')).toBe(true);
    // The areas in the order the report reads them, each its own region inside the panel.
    await within(panel).findByRole('region', { name: 'Totalinntrykk' });
    expect(
      within(panel)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(['Mottak og velkomst', 'Kundebehandleren', 'Totalinntrykk']);
    expect(within(panel).getAllByText(/^Ordene telles med PostgreSQLs norske ordstammer/)).toHaveLength(1);
    expect(within(panel).getAllByText(/^Ordene som skiller observatørenes kommentarer/)).toHaveLength(1);
    // The method comes last, after every area.
    expect(panel.lastElementChild!.textContent).toMatch(/^Ordene telles med/);
    expect(within(within(panel).getByRole('region', { name: 'Kundebehandleren' })).getByText(/^Snitt −0,50 \(klassen 0,25\)/)).toBeTruthy();
    expect(calls.map((c) => c.variables['area'])).toEqual(['RECEPTION', 'AGENT', 'OVERALL']);
  });
});
