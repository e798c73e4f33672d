// Every validation code a workflow definition can get (the tables of
// workflows/README.md) has Thai words in the editor: a code added to the C++
// validator and its README without them fails here.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setLang } from '../../src/lib/i18n';
import { findingText } from '../../src/pages/admin/workflow-model';

describe('workflow findings', () => {
  it('have Thai words for every code of workflows/README.md', () => {
    const readme = readFileSync(resolve(__dirname, '../../../workflows/README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Validation codes'), readme.indexOf('### Params'));
    const codes = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(codes).toContain('no_path_to_terminal');
    expect(codes.length).toBeGreaterThan(25);
    setLang('th');
    expect(codes.filter((code) => findingText(code) === code)).toEqual([]);
  });
});
