/**
 * Bad input, told the way a maintainer can act on it: every problem found
 * (not just the first), each naming the file and line or entry it is about.
 * The one error type for it, build and runtime alike (a seed, an addition,
 * an eval fixture, a saved page, a `data/` file), so the command-line tools
 * print any of them the same way and a caller tells bad input from a bug
 * with one `instanceof`. It sits in the bottom layer so both sides may throw
 * it.
 */
export class InputError extends Error {
  override name = 'InputError';
  /** One line a problem, e.g. `seeds/provenance.json:12: "date" must be ...`. */
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}
