/**
 * What the command-line tools share: how they stop on bad input or a bad
 * call (every line on stderr after the tool's name, so a line from a long
 * list of problems still says who wrote it), reading their options, and
 * printing a statement's words as the card shows them.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isVerbatim, type Voice } from '../lib/data/types.ts';

/** Writes `lines` to stderr as `command: line` and exits with `status` (1: bad input; 2: a bad call, with the usage). */
export function fail(command: string, lines: readonly string[], status = 1): never {
  for (const l of lines) process.stderr.write(`${command}: ${l}\n`);
  process.exit(status);
}

/**
 * The parsed options (of `config.args`, else the command line), or (an
 * unknown option, a missing value) the parser's message and `usage`, and
 * exit 2: every tool reads its options through here.
 */
export function parseArgsOrFail<T extends ParseArgsConfig>(command: string, config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    fail(command, [e instanceof Error ? e.message : String(e), usage], 2);
  }
}

/**
 * A statement's `text` as the card shows it: in quotation marks only when
 * its voice is verbatim (`isVerbatim`); reported speech ("Zhao said that …")
 * is marked as such, never printed as if it were the speaker's own words.
 */
export function statementText(text: string, voice: Voice): string {
  return isVerbatim(voice) ? `“${text}”` : `(reported) ${text}`;
}
