/**
 * One paragraph of a card relevance set (tests/fixtures/card) for the
 * evaluation's tests: its first label quotes `quote` from `file`, its second
 * a sentence no statement holds, which the evaluation must report as stale.
 */
export function labelledParagraph(fields: { paragraph: string; mention: string; file: string; quote: string }) {
  return {
    id: 'x1',
    url: 'https://example.org/a',
    publisher: 'Example',
    date: '2019-05',
    paragraph: fields.paragraph,
    mention: fields.mention,
    relevant: [
      { file: fields.file, quote: fields.quote },
      { file: fields.file, quote: 'a quote that is not in the corpus' },
    ],
    note: 'test',
  };
}
