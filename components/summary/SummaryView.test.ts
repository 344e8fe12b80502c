/**
 * The summary page renders the model's records (issue 9 in issue 10's sections 4–6): the
 * same lines as every other format, and a reading's "added by" only as the policy gave it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../lib/summary/buildSummary';
import { summaryFixture } from '../../lib/summary/fixture';
import { SummaryView } from './SummaryView';

describe('the page', () => {
  it('[I39] shows each decision’s and indicator’s lines and what became of each priority', () => {
    const data = {
      model: buildSummary(summaryFixture()),
      settings: { shareDraft: false, final: false },
      canManage: false,
    };
    const html = renderToStaticMarkup(createElement(SummaryView, { data }));
    for (const t of [
      'How it is decided: Nobody objects (consent)',
      'This goes against what people with lived experience asked for, because there is no money',
      'Action: Write the call script. Who: Ward sister.',
      'Adopted: both groups endorsed it as it is now',
      'Reading on 8 December 2026: 57.5. Added by Ann.',
      'Not possible, because the rota is set by the trust, not this ward.',
    ])
      expect(html).toContain(t);
    expect(html).not.toContain('HiddenHana');
    // The statement stands out, and a divergent vote is said once, in bold.
    expect(html).toContain('<strong>This goes against what people with lived experience');
    expect(html).toContain('The groups voted differently on this.</strong>');
    expect(html).not.toContain('Seen differently');
  });
});
