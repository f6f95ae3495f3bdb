import { describe, expect, it } from 'vitest';
import { statementText } from '../../../scripts/cli.ts';

describe('statementText', () => {
  it('puts verbatim words in quotation marks and marks reported speech, as the card does', () => {
    expect(statementText('We are willing to sign no-spy agreements', 'quote')).toBe('“We are willing to sign no-spy agreements”');
    expect(statementText('Zhao said that the US is a bully', 'reported')).toBe('(reported) Zhao said that the US is a bully');
  });
});
