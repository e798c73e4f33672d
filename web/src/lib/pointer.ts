// JSON Pointers (RFC 6901) into plan content: findings, comments and diffs
// all name a place in the content this way, and the editor puts them there.

export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(base: string, key: string | number): string {
  return `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function getAt(value: unknown, pointer: string): unknown {
  let here: unknown = value;
  for (const part of parsePointer(pointer)) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[part];
  }
  return here;
}

/** A copy of `root` with the value at `pointer` replaced; the rest is shared, not copied. */
export function setAt<T>(root: T, pointer: string, next: unknown): T {
  const parts = parsePointer(pointer);
  if (parts.length === 0) return next as T;
  const [head, ...rest] = parts;
  const restPointer = rest.length ? `/${rest.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '';
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[Number(head)] = setAt(copy[Number(head)], restPointer, next);
    return copy as T;
  }
  const obj = (root ?? {}) as Record<string, unknown>;
  return { ...obj, [head]: setAt(obj[head], restPointer, next) } as T;
}

/** Whether `pointer` is `ancestor` or lies under it. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}
