import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeDocument } from '../../src/lib/document-text';
import { utf16, windows874 } from '../encodings';

// The seed as its UTF-8 bytes, and the same text in the other encodings.
const seedPath = new URL('../../../tests/fixtures/seeds/000_f86febe8b6e44396.txt', import.meta.url);
const seed = readFileSync(seedPath, 'utf-8');

describe('decodeDocument', () => {
  it('reads the seed identically from UTF-8, UTF-16 and TIS-620', () => {
    const utf8 = new TextEncoder().encode(seed);
    expect(decodeDocument(utf8)).toEqual({ text: seed, encoding: 'UTF-8' });
    expect(decodeDocument(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: seed, encoding: 'UTF-8 (BOM)' });
    expect(decodeDocument(utf16(seed, true))).toEqual({ text: seed, encoding: 'UTF-16LE' });
    expect(decodeDocument(utf16(seed, false))).toEqual({ text: seed, encoding: 'UTF-16BE' });
    const thai = windows874(seed);
    expect(thai.length).toBeLessThan(utf8.length / 2);
    expect(decodeDocument(thai)).toEqual({ text: seed, encoding: 'TIS-620/Windows-874' });
  });

  it('does not take the Thai code page for UTF-8', () => {
    const text = 'สวัสดี';
    expect(decodeDocument(new TextEncoder().encode(text)).encoding).toBe('UTF-8');
    expect(decodeDocument(windows874(text)).text).toBe(text);
  });
});
