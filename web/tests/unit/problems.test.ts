// The interface words the server's problems from their codes with the
// server's own catalog (api/messages.json): every entry needs Thai, and no
// page may recognise a problem by the English the server happens to write.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import catalog from '../../../api/messages.json';
import { setLang } from '../../src/lib/i18n';
import { messageText } from '../../src/lib/messages';
import { knownProblemSlugs, problemMessage } from '../../src/lib/problems';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(path) ? [path] : [];
  });
}

const thai = /[\u0E00-\u0E7F]/;

describe('problem messages', () => {
  it('have Thai for every problem type and every message of the catalog', () => {
    const problems = Object.entries(catalog.problems as Record<string, { title: { th: string } }>);
    expect(problems.length).toBeGreaterThan(30);
    expect(problems.filter(([, p]) => !thai.test(p.title.th)).map(([slug]) => slug)).toEqual([]);
    const messages = Object.entries(catalog.messages as Record<string, { th: string }>);
    expect(messages.length).toBeGreaterThan(100);
    expect(messages.filter(([, m]) => !thai.test(m.th)).map(([id]) => id)).toEqual([]);
    for (const slug of Object.keys(catalog.problems)) expect(knownProblemSlugs()).toContain(slug);
  });

  it('are never recognised by the English the server writes', () => {
    const english = Object.values(catalog.messages as Record<string, { en: string }>).flatMap((m) =>
      m.en.split(/\{[a-z_]+(?::[a-z]+)?\}/).map((part) => part.trim()).filter((part) => part.length >= 15),
    );
    expect(english.length).toBeGreaterThan(100);
    const offending: string[] = [];
    for (const file of files(resolve(__dirname, '../../src'))) {
      const text = readFileSync(file, 'utf8');
      for (const fragment of english) if (text.includes(fragment)) offending.push(`${file}: ${fragment}`);
    }
    expect(offending).toEqual([]);
  });

  it('word a message from its code and params in the reader’s language', () => {
    setLang('th');
    expect(messageText('too_long', { max: 200 })).toBe('ยาวได้ไม่เกิน 200 ตัวอักษร');
    expect(messageText('one_of', { values: ['dot', 'mermaid'] })).toBe('ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: dot, mermaid');
    expect(messageText('not_a_code_at_all', {})).toBeNull();
    setLang('en');
    expect(messageText('too_long', { max: 200 })).toBe('must be at most 200 characters long');
    setLang('th');
  });

  it('speak Thai first and fall back to the API title for an unknown type', () => {
    setLang('th');
    expect(problemMessage('stale-revision')).toContain('ฉบับร่างของท่านเก็บไว้แล้ว');
    expect(problemMessage('not-found')).toBe('ไม่พบข้อมูล หรือท่านไม่มีสิทธิ์เข้าถึง');
    expect(problemMessage('something-new', 'Something new')).toBe('Something new');
  });
});
