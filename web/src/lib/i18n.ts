// Thai first, English second. Strings live beside the code that shows them
// as tr('ไทย', 'English'), so a page and its wording change together.
import { signal } from './signal';

export type Lang = 'th' | 'en';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('planflow.lang') : null;
export const language = signal<Lang>(stored === 'en' ? 'en' : 'th');

export function lang(): Lang {
  return language.value;
}

export function setLang(next: Lang): void {
  language.value = next;
  if (typeof localStorage !== 'undefined') localStorage.setItem('planflow.lang', next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

export function tr(th: string, en: string): string {
  return language.value === 'th' ? th : en;
}

/** A {th, en} title as the API sends it. */
export function localized(title: { th?: string; en?: string } | null | undefined): string {
  if (!title) return '';
  return (language.value === 'th' ? title.th || title.en : title.en || title.th) ?? '';
}
