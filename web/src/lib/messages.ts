// What the server's problems and field errors say, worded here from their
// code and parameters with the catalog the server itself words them from
// (api/messages.json), so a reworded C++ sentence cannot break a page and
// a Thai reader never sees the English one.
import catalog from '../../../api/messages.json';
import { lang } from './i18n';

type Localized = { th: string; en: string };
const problems = catalog.problems as Record<string, { status: number; title: Localized }>;
const messages = catalog.messages as Record<string, Localized>;

const bahtFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function formatValue(value: unknown, how: string | undefined): string {
  if (how === 'baht' && typeof value === 'number') {
    // Satang are shown only when there are any, always as two digits.
    const satang = Math.round(Math.abs(value) * 100) % 100 !== 0;
    return satang ? value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : bahtFormat.format(value);
  }
  if (Array.isArray(value)) return value.map((v) => formatValue(v, how)).join(', ');
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Why something is as it is, as the API sends it: a code, its params and its English wording. */
export interface Reason {
  code: string;
  params: Record<string, unknown>;
  detail: string;
}

/** A reason in the reader's language; the API's wording for a code this build does not know. */
export function reasonText(r: Reason): string {
  return messageText(r.code, r.params) ?? r.detail;
}

/** A message of the catalog in the reader's language, or null when the code is not one this build knows. */
export function messageText(code: string | undefined, params: Record<string, unknown> = {}): string | null {
  const entry = code ? messages[code] : undefined;
  if (!entry) return null;
  return entry[lang()].replace(/\{([a-z_]+)(?::([a-z]+))?\}/g, (whole, name: string, how?: string) =>
    name in params ? formatValue(params[name], how) : whole,
  );
}

/** The title of a problem type in the reader's language, or null when it is unknown here. */
export function problemTitle(slug: string): string | null {
  const entry = problems[slug];
  return entry ? entry.title[lang()] : null;
}

export function catalogProblemSlugs(): string[] {
  return Object.keys(problems);
}

export function catalogMessageIds(): string[] {
  return Object.keys(messages);
}
