// Where in the administrator's own JSON text a JSON Pointer lands, and where
// that text stops being JSON. The text is scanned as typed, never
// re-serialised, so line numbers match what is on the screen.

export type JsonExpectation =
  | 'value'
  | 'key'
  | 'colon'
  | 'comma-or-end-object'
  | 'comma-or-end-array'
  | 'end-of-text'
  | 'string-end'
  | 'escape'
  | 'number'
  | 'too-deep';

export interface JsonSyntaxError {
  /** Offset into the text (UTF-16 code units, as textarea selections count). */
  offset: number;
  line: number;
  column: number;
  expected: JsonExpectation;
  /** The character found there; empty at the end of the text. */
  found: string;
}

export interface JsonScan {
  /** Where each pointer's member (its key) or element (its value) starts. */
  locations: Map<string, number>;
  /** Null when the whole text is one JSON value. */
  error: JsonSyntaxError | null;
}

const MAX_DEPTH = 512;

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly expected: JsonExpectation,
  ) {
    super(expected);
  }
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Scans the whole text; the locations found before a syntax error are still given. */
export function scanJson(text: string): JsonScan {
  const locations = new Map<string, number>();
  let i = 0;

  const skipSpace = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };

  const readString = (): string => {
    const start = i;
    i++; // the opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (c < 0x20) throw new Stop(i, 'string-end');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i, 'escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          throw new Stop(i, 'escape');
        }
        continue;
      }
      i++;
    }
    throw new Stop(i, 'string-end');
  };

  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

  const readValue = (pointer: string, depth: number): void => {
    if (depth > MAX_DEPTH) throw new Stop(i, 'too-deep');
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') throw new Stop(i, 'key');
        const keyAt = i;
        const key = readString();
        const child = `${pointer}/${escapePointerToken(key)}`;
        // A repeated key: the last one wins, as JSON.parse and the server read it.
        if (locations.has(child)) forget(child);
        locations.set(child, keyAt);
        skipSpace();
        if (text[i] !== ':') throw new Stop(i, 'colon');
        i++;
        readValue(child, depth + 1);
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        throw new Stop(i, 'comma-or-end-object');
      }
    }
    if (c === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        const child = `${pointer}/${n}`;
        skipSpace();
        locations.set(child, i);
        readValue(child, depth + 1);
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        throw new Stop(i, 'comma-or-end-array');
      }
    }
    if (c === '"') {
      readString();
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) throw new Stop(i, 'number');
      i += m[0].length;
      return;
    }
    throw new Stop(i, 'value');
  };

  const forget = (pointer: string) => {
    for (const key of [...locations.keys()]) if (key === pointer || key.startsWith(`${pointer}/`)) locations.delete(key);
  };

  try {
    skipSpace();
    locations.set('', i);
    readValue('', 0);
    skipSpace();
    if (i < text.length) throw new Stop(i, 'end-of-text');
    return { locations, error: null };
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const { line, column } = position(text, e.offset);
    return { locations, error: { offset: e.offset, line, column, expected: e.expected, found: text.slice(e.offset, e.offset + 1) } };
  }
}

/** 1-based line and column of an offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let k = 0; k < end; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The parent of a pointer ("/a/b" → "/a", "/a" → ""); null for the whole document. */
export function parentPointer(pointer: string): string | null {
  if (pointer === '') return null;
  const cut = pointer.lastIndexOf('/');
  return cut <= 0 ? '' : pointer.slice(0, cut);
}

/**
 * The 1-based line a JSON Pointer refers to in the text: the line of the
 * member's key, or of an array element's value. A pointer that names nothing
 * there (a missing member, say) falls back to its nearest existing parent,
 * and finally to the first line of the document.
 */
export function lineOfPointer(text: string, pointer: string, scan: JsonScan = scanJson(text)): number {
  for (let p: string | null = pointer; p !== null; p = parentPointer(p)) {
    const at = scan.locations.get(p);
    if (at !== undefined) return position(text, at).line;
  }
  return 1;
}

/** Offsets of the start and end (before the newline) of a 1-based line. */
export function lineRange(text: string, line: number): { start: number; end: number } {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return { start: text.length, end: text.length };
    start = next + 1;
  }
  const nl = text.indexOf('\n', start);
  return { start, end: nl < 0 ? text.length : nl };
}

export function lineCount(text: string): number {
  let n = 1;
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 0x0a) n++;
  return n;
}
