// Every problem type the server can return has a Thai sentence: a new one
// added to the C++ code without one fails here.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setLang } from '../../src/lib/i18n';
import { knownProblemSlugs, problemMessage } from '../../src/lib/problems';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.cpp') ? [path] : [];
  });
}

describe('problem messages', () => {
  it('cover every problem type the server raises', () => {
    const slugs = new Set<string>();
    for (const file of sources(resolve(__dirname, '../../../core/src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/problem_(?:error|response)\(\s*\d{3},\s*"([a-z0-9-]+)"/g)) slugs.add(m[1]);
    }
    expect(slugs.size).toBeGreaterThan(20);
    const missing = [...slugs].filter((s) => !knownProblemSlugs().includes(s));
    expect(missing).toEqual([]);
  });
  it('speak Thai first and fall back to the API title for an unknown type', () => {
    setLang('th');
    expect(problemMessage('stale-revision')).toContain('ฉบับร่างของท่านเก็บไว้แล้ว');
    expect(problemMessage('something-new', 'Something new')).toBe('Something new');
  });
});
