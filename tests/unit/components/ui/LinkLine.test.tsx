// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { answeredByLines, answersLabel, LinkLine, type LinkTarget } from '../../../../components/ui/LinkLine.tsx';
import { jsonMessageSource, setMessageSource } from '../../../../lib/i18n.ts';
import en from '../../../../public/_locales/en/messages.json';

beforeAll(() => setMessageSource(jsonMessageSource(en)));
afterEach(cleanup);

// Invented speakers and texts (test fixtures, not corpus quotes).
const claim: LinkTarget = { id: 'a', kind: 'primary', voice: 'quote', text: 'We said one thing, and then another, at some length about it.', speaker: { name: 'Speaker A' } };
const dispute: LinkTarget = { id: 'b', kind: 'counterclaim', voice: 'quote', text: 'Not so.', speaker: { name: 'Speaker B' } };
const answer: LinkTarget = { id: 'c', kind: 'context', voice: 'transcript', text: 'For the record.', speaker: { name: 'Speaker C' } };

describe('LinkLine', () => {
  it('labels what a statement answers by its kind', () => {
    expect(answersLabel('counterclaim')).toBe('Disputes:');
    expect(answersLabel('primary')).toBe('Answers:');
  });

  it('splits the answering statements into "Disputed by" then "Answered by", leaving out an empty line', () => {
    expect(answeredByLines([answer, dispute]).map((l) => [l.label, l.targets.map((s) => s.id)])).toEqual([
      ['Disputed by:', ['b']],
      ['Answered by:', ['c']],
    ]);
    expect(answeredByLines([dispute]).map((l) => l.label)).toEqual(['Disputed by:']);
    expect(answeredByLines([])).toEqual([]);
  });

  it('with excerpts, each link is "Speaker — “excerpt”", separated by semicolons (an excerpt may hold a comma)', () => {
    const { container } = render(<LinkLine label="Answers:" targets={[dispute, answer]} excerpts onFollow={() => {}} />);
    expect(container.textContent).toBe('Answers: Speaker B — “Not so.”; Speaker C — “For the record.”');
  });

  it('reported speech is linked without quotation marks: it is not the speaker’s exact words', () => {
    const reported: LinkTarget = { id: 'd', kind: 'counterclaim', voice: 'reported', text: 'Speaker D said it was not so.', speaker: { name: 'Speaker D' } };
    const { container } = render(<LinkLine label="Answers:" targets={[reported, answer]} excerpts onFollow={() => {}} />);
    expect(container.textContent).toBe('Answers: Speaker D — Speaker D said it was not so.; Speaker C — “For the record.”');
  });

  it('without, the speakers’ names separated by commas', () => {
    const { container } = render(<LinkLine label="Disputed by:" targets={[dispute, answer]} excerpts={false} onFollow={() => {}} />);
    expect(container.textContent).toBe('Disputed by: Speaker B, Speaker C');
  });

  it('following a link hands its statement id to the surface', () => {
    const onFollow = vi.fn();
    render(<LinkLine label="Answers:" targets={[claim, dispute]} excerpts={false} onFollow={onFollow} />);
    fireEvent.click(screen.getByRole('button', { name: 'Speaker B' }));
    expect(onFollow).toHaveBeenCalledWith('b');
  });

  it('renders nothing with neither links nor a note, and the note alone when it has no link', () => {
    expect(render(<LinkLine label="Answers:" targets={[]} excerpts onFollow={() => {}} />).container.innerHTML).toBe('');
    cleanup();
    const { container } = render(<LinkLine label="Answers:" targets={[]} excerpts onFollow={() => {}} note="a statement not shown" />);
    expect(container.textContent).toBe('Answers: a statement not shown');
    expect(container.querySelector('button')).toBeNull();
  });
});
