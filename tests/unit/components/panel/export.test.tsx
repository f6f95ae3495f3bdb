// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { escapeMarkdown, markdownCitation, plainCitation } from '../../../../components/panel/cite.ts';
import { csvCell, EXPORT_COLUMNS, exportName, toCsv, toJson } from '../../../../components/panel/export.ts';
import { downloadText } from '../../../../components/ui/download.ts';
import { searchCorpus } from '../../../../lib/search/search.ts';
import type { Result } from '../../../../lib/search/result.ts';
import { App, fakeServices, shipped } from './helpers.tsx';
import { jsonMessageSource, setMessageSource } from '../../../../lib/i18n.ts';
import en from '../../../../public/_locales/en/messages.json';

// The strings are the English locale file's, through the same lookup rules as the browser's.
beforeAll(() => setMessageSource(jsonMessageSource(en)));

afterEach(cleanup);

/** An RFC 4180 reader, to check that what we write reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

const result = (overrides: Partial<Result> = {}): Result => ({
  ...searchCorpus(shipped().corpus, 'no-spy', {}).all().find((r) => r.speaker.id === 'liang-hua')!,
  ...overrides,
});

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('Huawei = fine')).toBe('Huawei = fine');
  });

  it('quotes per RFC 4180 and reads back exactly, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const back = parseCsv(`${csvCell(text)}\r\n`)[0]![0]!;
        expect(back).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
      }),
    );
  });

  it('has a header, one CRLF-ended row per result, a BOM, and the verbatim quote', () => {
    const results = searchCorpus(shipped().corpus, 'no-spy', {}).all();
    const csv = toCsv(results);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(results.length + 1);
    const liang = rows.find((r) => r[1] === 'Liang Hua')!;
    const original = results.find((r) => r.speaker.name === 'Liang Hua')!;
    expect(liang[EXPORT_COLUMNS.indexOf('quote')]).toBe(original.text);
    expect(liang[EXPORT_COLUMNS.indexOf('date')]).toBe('2019-06-04');
  });
});

describe('JSON', () => {
  it('carries the same rows, unknown metadata as empty strings', () => {
    const rows = JSON.parse(toJson([result({ source: { file: 'x.txt', title: null, publisher: null, date: null, url: null } })]));
    expect(Object.keys(rows[0])).toEqual([...EXPORT_COLUMNS]);
    expect(rows[0]).toMatchObject({ speaker: 'Liang Hua', kind: 'primary', date: '', url: '', publisher: '' });
  });
});

describe('export from the panel', () => {
  it('exports every result of the current list, not just those rendered, as CSV and JSON', () => {
    const services = fakeServices();
    render(<App services={services} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'Huawei' } });
    const total = Number(/^(\d+)/.exec(document.querySelector('.sc-panel-results__count')!.textContent!)![1]);
    fireEvent.click(screen.getByRole('button', { name: 'CSV' }));
    const [name, type, text] = services.download.mock.calls[0]!;
    expect(name).toMatch(/^source-context-huawei-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(type).toBe('text/csv;charset=utf-8');
    expect(parseCsv((text as string).slice(1))).toHaveLength(total + 1);
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    expect(JSON.parse(services.download.mock.calls[1]![2] as string)).toHaveLength(total);
  });

  it('downloads through a Blob URL and a temporary <a download>, then revokes the URL', async () => {
    vi.useFakeTimers();
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { href: string; download: string }[] = [];
    const onClick = (e: Event) => {
      const a = e.target as HTMLAnchorElement;
      clicked.push({ href: a.getAttribute('href')!, download: a.download });
      e.preventDefault();
    };
    document.addEventListener('click', onClick);
    downloadText(document, 'a.csv', 'text/csv', 'x');
    expect((create.mock.calls[0]![0] as Blob).type).toBe('text/csv');
    expect(clicked).toEqual([{ href: 'blob:test', download: 'a.csv' }]);
    expect(document.querySelector('a[download]')).toBeNull();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:test');
    document.removeEventListener('click', onClick);
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('names files after the query, or "all"', () => {
    const day = new Date('2025-01-31T12:00:00Z');
    expect(exportName('No-spy  pledges!', day)).toBe('source-context-no-spy-pledges-2025-01-31');
    expect(exportName('', day)).toBe('source-context-all-2025-01-31');
  });
});

describe('citations', () => {
  it('plain text is the card’s one-line form', () => {
    expect(plainCitation(result())).toBe(
      `Liang Hua (${result().speaker.role}), “${result().text}”, KGOU (Oklahoma public radio, NPR member station), republishing NPR content, 4 Jun 2019, https://www.kgou.org/post/huawei-chairman-willing-sign-no-spy-deal-united-states`,
    );
  });

  it('Markdown quotes the words, links the title, and escapes what Markdown would read as syntax', () => {
    const md = markdownCitation(result({ text: 'We *never* [spy](javascript:x) <b>' }));
    expect(md).toContain('> “We \\*never\\* \\[spy\\]\\(javascript:x\\) \\<b\\>”');
    expect(md).toMatch(/\[Huawei Chairman Willing To Sign A 'No\\-Spy' Deal With The United States\]\(https:\/\/www\.kgou\.org\/post\/huawei-chairman-willing-sign-no-spy-deal-united-states\)/);
    expect(markdownCitation(result({ source: { ...result().source, url: 'javascript:alert(1)' } }))).not.toContain('javascript:');
    expect(escapeMarkdown('a_b')).toBe('a\\_b');
  });

  it('copy buttons hand the citation to the clipboard service', async () => {
    const services = fakeServices();
    render(<App services={services} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'no-spy' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Copy Markdown' })[0]!);
    expect(services.copy.mock.calls[0]![0]).toMatch(/^> “/);
    expect(await screen.findAllByText('Copied')).toHaveLength(1);
  });
});
