/**
 * Just enough of a TypeScript lexer for the layout tests: tells comments,
 * strings, template literals and regular-expression literals from code, so
 * an import or a name in a comment is not counted and `'https://x'` is not
 * taken for a comment.
 */

/** Characters after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set([...'(,=:[!&|?{};+-*%<>~^', '']);
const KEYWORDS_BEFORE_REGEX = /(?:^|[^\w$])(?:return|typeof|case|of|in|void|yield|await|else)$/;

/**
 * `source` without its comments (each replaced by a space); with `strings:
 * false`, string, template and regex contents are blanked too (their
 * delimiters stay).
 */
export function codeOf(source: string, { strings = true }: { strings?: boolean } = {}): string {
  let out = '';
  let i = 0;
  let last = '';
  const n = source.length;
  const literal = (end: number, open: string, close: string) => {
    out += strings ? source.slice(i, end) : `${open}${close}`;
    i = end;
    last = 'x';
  };
  while (i < n) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? n : end;
      out += ' ';
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < n && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      literal(j + 1, c, c);
    } else if (c === '/' && (BEFORE_REGEX.has(last) || KEYWORDS_BEFORE_REGEX.test(out.trimEnd()))) {
      let j = i + 1;
      let inClass = false;
      while (j < n && (inClass || source[j] !== '/') && source[j] !== '\n') {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j++;
      }
      literal(j + 1, '/', '/');
    } else {
      out += c;
      if (!/\s/.test(c)) last = c;
      i++;
    }
  }
  return out;
}

/** Module specifiers of `import ... from`, `export ... from`, `import '...'` and `import('...')` in comment-free code. */
export function importsOf(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/\b(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g)) out.push(m[1] ?? m[2]!);
  return out;
}
