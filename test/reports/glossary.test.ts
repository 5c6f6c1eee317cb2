// The glossary on a finished page or report: meanings a person wrote in glossary.csv are shown as
// text (escaped for HTML and for Markdown), quoted notes, styles and charts are left alone, and
// "Words we use" lists only the terms the page uses, before its footer.
import { describe, expect, it } from 'vitest';
import { mapVisibleText, renderGlossaryPage, withGlossaryHtml, withGlossaryMarkdown } from '../../src/reports/glossary.js';

const G = {
  terms: [{ term: 'EHC', meaning: 'education, <b>health</b> & care' }, { term: 'ICB', meaning: 'integrated care board' }, { term: 'DfE', meaning: 'Department for Education' }],
  workstreams: [{ code: 'WS3', name: 'Data and Insight' }],
};

const PAGE = ['<!DOCTYPE html>', '<html><head><title>EHC plans</title><style>.EHC { color: red }</style></head><body><main>',
  '<p>How many EHC plans were issued this term?</p>', '<blockquote>The ICB said yes.</blockquote>',
  '<svg><text>EHC</text></svg>', '<p>The ICB met WS3 leads today.</p>', '<footer><p>About this page.</p></footer>', '</main></body></html>'].join('\n');

describe('the glossary on a web page', () => {
  it('spells out in the running text only, escapes the meaning, and lists the terms used before the footer', () => {
    const html = withGlossaryHtml(PAGE, G);
    expect(html).toContain('<p>How many EHC (education, &lt;b&gt;health&lt;/b&gt; &amp; care) plans were issued this term?</p>');
    expect(html).toContain('<title>EHC plans</title>');
    expect(html).toContain('<style>.EHC { color: red }</style>');
    expect(html).toContain('<blockquote>The ICB said yes.</blockquote>');
    expect(html).toContain('<svg><text>EHC</text></svg>');
    expect(html).toContain('<p>The ICB (integrated care board) met WS3 leads today.</p>');
    const section = html.slice(html.indexOf('<h2 id="words-we-use">'), html.indexOf('<footer>'));
    expect(section).toContain('<dt>EHC</dt><dd>education, &lt;b&gt;health&lt;/b&gt; &amp; care</dd>');
    expect(section).toContain('<dt>WS3</dt><dd>the Data and Insight workstream</dd>');
    expect(section).not.toContain('DfE');
  });

  it('leaves a page with no term as it was', () => {
    const page = '<html><body><main><p>Nothing short here at all.</p><footer>x</footer></main></body></html>';
    expect(withGlossaryHtml(page, G)).toBe(page);
    expect(mapVisibleText(page, (t) => t.toUpperCase())).toBe('<html><body><main><p>NOTHING SHORT HERE AT ALL.</p><footer>X</footer></main></body></html>');
  });

  it('lists every workstream and term at /glossary, escaped', () => {
    const html = renderGlossaryPage(G);
    expect(html).toContain('<dt>WS3</dt><dd>the Data and Insight workstream</dd>');
    expect(html).toContain('<dt>DfE</dt><dd>Department for Education</dd>');
    expect(html).not.toContain('<b>health</b>');
  });
});

describe('the glossary in the Markdown report', () => {
  it('spells out on first use, escapes the meaning, leaves table rules alone and adds the list before "About this report"', () => {
    const md = ['# Report', '', 'How many EHC plans were issued?', '', '| Workstream | Total |', '| --- | ---: |', '| WS3 Data and Insight | 4 |', '',
      'More EHC plans are due.', '', '## About this report', '', 'Built by the bot.', ''].join('\n');
    const out = withGlossaryMarkdown(md, G);
    expect(out).toContain('How many EHC (education, \\<b\\>health\\</b\\> \\& care) plans were issued?');
    expect(out).toContain('| WS3 Data and Insight | 4 |');
    expect(out).toContain('| --- | ---: |');
    expect(out).toContain('More EHC plans are due.');
    expect(out).toMatch(/## Words we use\n\nWhat the short forms and special words on this page mean\.\n\n- \*\*WS3\*\*: the Data and Insight workstream\n- \*\*EHC\*\*: education, \\<b\\>health\\<\/b\\> \\& care\n\n## About this report/);
  });
});
