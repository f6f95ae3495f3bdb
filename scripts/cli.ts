/**
 * What the command-line tools share: how they stop on bad input or a bad
 * call (every line on stderr after the tool's name, so a line from a long
 * list of problems still says who wrote it), and reading their options.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Writes `lines` to stderr as `command: line` and exits with status 1. */
export function fail(command: string, lines: readonly string[]): never {
  for (const l of lines) process.stderr.write(`${command}: ${l}\n`);
  process.exit(1);
}

/** The parsed options, or (an unknown option, a missing value) the parser's message and `usage`, and exit 1. */
export function parseArgsOrFail<T extends ParseArgsConfig>(command: string, config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    fail(command, [e instanceof Error ? e.message : String(e), usage]);
  }
}
