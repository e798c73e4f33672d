import { describe, expect, it } from 'vitest';
import { lineCount, lineOfPointer, lineRange, parentPointer, position, scanJson } from '../../src/pages/admin/json-lines';

const WORKFLOW = `{
  "id": "provincial_plan",
  "title": {"th": "แผนระดับจังหวัด", "en": "Provincial plan"},
  "stages": [
    {
      "id": "draft",
      "title": {"th": "ร่าง", "en": "Draft"},
      "kind": "editing"
    },
    {"id": "closed", "title": {"th": "ปิดแผน", "en": "Closed"}, "kind": "terminal"}
  ],
  "transitions": [
    {
      "action": "close",
      "from": "draft",
      "to": "nowhere",
      "roles": [
        "committee_secretary",
        "bogus"
      ]
    }
  ]
}`;

describe('lineOfPointer', () => {
  it('finds members of nested objects on the line of their key', () => {
    expect(lineOfPointer(WORKFLOW, '/id')).toBe(2);
    expect(lineOfPointer(WORKFLOW, '/title')).toBe(3);
    expect(lineOfPointer(WORKFLOW, '/title/en')).toBe(3);
    expect(lineOfPointer(WORKFLOW, '/stages/0/title/th')).toBe(7);
    expect(lineOfPointer(WORKFLOW, '/transitions/0/to')).toBe(16);
  });

  it('finds array elements on the line where their value starts', () => {
    expect(lineOfPointer(WORKFLOW, '/stages')).toBe(4);
    expect(lineOfPointer(WORKFLOW, '/stages/0')).toBe(5);
    expect(lineOfPointer(WORKFLOW, '/stages/1')).toBe(10);
    expect(lineOfPointer(WORKFLOW, '/stages/1/kind')).toBe(10);
    expect(lineOfPointer(WORKFLOW, '/transitions/0/roles/1')).toBe(19);
  });

  it('gives the whole document its first line', () => {
    expect(lineOfPointer(WORKFLOW, '')).toBe(1);
    expect(lineOfPointer('\n\n  [1, 2]', '')).toBe(3);
    expect(lineOfPointer('\n\n  [1,\n 2]', '/1')).toBe(4);
  });

  it('falls back to the nearest existing parent for a missing pointer', () => {
    expect(lineOfPointer(WORKFLOW, '/stages/0/deadline')).toBe(5);
    expect(lineOfPointer(WORKFLOW, '/stages/0/deadline/days')).toBe(5);
    expect(lineOfPointer(WORKFLOW, '/transitions/0/title/th')).toBe(13);
    expect(lineOfPointer(WORKFLOW, '/transitions/7')).toBe(12);
    expect(lineOfPointer(WORKFLOW, '/initial_stage')).toBe(1);
    expect(lineOfPointer(WORKFLOW, '/')).toBe(1);
  });

  it('reads keys with escapes and pointer tokens with ~0 and ~1', () => {
    const text = '{\n "a/b": 1,\n "m~n": 2,\n "q\\"uote": 3,\n "\\u0e01": {\n  "x": [\n   "]\\\\\\"}",\n   4\n  ]\n }\n}';
    expect(JSON.parse(text)).toBeTruthy();
    expect(lineOfPointer(text, '/a~1b')).toBe(2);
    expect(lineOfPointer(text, '/m~0n')).toBe(3);
    expect(lineOfPointer(text, '/q"uote')).toBe(4);
    expect(lineOfPointer(text, '/ก/x')).toBe(6);
    expect(lineOfPointer(text, '/ก/x/1')).toBe(8);
  });

  it('is not misled by brackets, quotes and newlines escaped inside strings', () => {
    const text = '{\n "a": "{[\\"\\n]}",\n "b": [\n  "\\\\",\n  {"c": true}\n ]\n}';
    expect(lineOfPointer(text, '/b/1/c')).toBe(5);
    expect(lineOfPointer(text, '/b/0')).toBe(4);
  });

  it('takes the last of repeated keys, as JSON.parse does', () => {
    const text = '{\n "a": {"x": 1},\n "a": {\n  "y": 2\n }\n}';
    expect(lineOfPointer(text, '/a')).toBe(3);
    expect(lineOfPointer(text, '/a/y')).toBe(4);
    expect(lineOfPointer(text, '/a/x')).toBe(3);
  });

  it('still places pointers before a syntax error', () => {
    const text = '{\n "id": "x",\n "stages": [\n  {"id": "a"}\n  {"id": "b"}\n ]\n}';
    expect(lineOfPointer(text, '/stages/0/id')).toBe(4);
    expect(lineOfPointer(text, '/stages/1/id')).toBe(3);
  });
});

describe('scanJson', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const text of [WORKFLOW, '0', '-1.5e+3', '"x"', 'true', ' null ', '[]', '{}', '[[],{},[{"a":[null]}]]']) {
      expect(scanJson(text).error, text).toBeNull();
    }
  });

  it('finds where the text stops being JSON, with what was expected', () => {
    const missingComma = scanJson('{\n "a": 1\n "b": 2\n}');
    expect(missingComma.error).toMatchObject({ line: 3, column: 2, expected: 'comma-or-end-object', found: '"' });
    expect(scanJson('{"a": 1,}').error).toMatchObject({ expected: 'key', column: 9 });
    expect(scanJson('[1, 2').error).toMatchObject({ expected: 'comma-or-end-array', offset: 5, found: '' });
    expect(scanJson('{"a" 1}').error).toMatchObject({ expected: 'colon' });
    expect(scanJson('{"a": tru}').error).toMatchObject({ expected: 'value' });
    expect(scanJson('{"a": "x\ny"}').error).toMatchObject({ expected: 'string-end', line: 1 });
    expect(scanJson('"\\x"').error).toMatchObject({ expected: 'escape' });
    expect(scanJson('"\\u12g4"').error).toMatchObject({ expected: 'escape' });
    expect(scanJson('{} {}').error).toMatchObject({ expected: 'end-of-text', column: 4 });
    expect(scanJson('').error).toMatchObject({ expected: 'value', line: 1, column: 1 });
    expect(scanJson('"open').error).toMatchObject({ expected: 'string-end' });
    expect(scanJson('[01]').error).toMatchObject({ expected: 'comma-or-end-array' });
    expect(scanJson('-').error).toMatchObject({ expected: 'number' });
  });

  it('refuses nesting too deep to walk', () => {
    expect(scanJson('['.repeat(2000) + ']'.repeat(2000)).error).toMatchObject({ expected: 'too-deep' });
  });
});

describe('line helpers', () => {
  it('count lines and find their ranges', () => {
    const text = 'ab\ncd\n\nef';
    expect(lineCount(text)).toBe(4);
    expect(lineRange(text, 2)).toEqual({ start: 3, end: 5 });
    expect(lineRange(text, 3)).toEqual({ start: 6, end: 6 });
    expect(lineRange(text, 4)).toEqual({ start: 7, end: 9 });
    expect(lineRange(text, 9)).toEqual({ start: 9, end: 9 });
    expect(position(text, 4)).toEqual({ line: 2, column: 2 });
  });

  it('name the parent of a pointer', () => {
    expect(parentPointer('/a/b')).toBe('/a');
    expect(parentPointer('/a')).toBe('');
    expect(parentPointer('')).toBeNull();
  });
});
