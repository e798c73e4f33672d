// Agency references in plan content (the plugin SDK's agency_refs): the name
// as the document wrote it, and the directory agency it stands for. The
// editor offers the province's agencies nearest to the written name first,
// as the server's matcher does: spaces ignored, "สนง." read as "สำนักงาน".
export interface DirectoryAgency {
  id: number;
  name_th: string;
}

export interface AgencyRef {
  name: string;
  agency_id?: number;
  sub_unit?: string;
  collective?: boolean;
}

/** The key two spellings of a name share (the server's agency_key, without the province). */
export function nameKey(name: string): string {
  return name
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, '')
    .replace(/^สนง\.?/, 'สำนักงาน')
    .replace(/สนง\./g, 'สำนักงาน');
}

function bigrams(s: string): Map<string, number> {
  const chars = Array.from(s);
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice similarity of two keys over their character bigrams, 0..1. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let total = 0;
  let common = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  if (total === 0) return 0;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return (2 * common) / total;
}

/** The directory, nearest to `name` first (ties by name, in Thai order). */
export function rankAgencies(name: string, agencies: DirectoryAgency[]): DirectoryAgency[] {
  const key = nameKey(name);
  const scored = agencies.map((a) => ({ a, score: key ? similarity(key, nameKey(a.name_th)) : 0 }));
  scored.sort((p, q) => q.score - p.score || p.a.name_th.localeCompare(q.a.name_th, 'th'));
  return scored.map((s) => s.a);
}

/** A reference with `patch` applied; an absent or null agency_id is left out, as the schema wants. */
export function patched(ref: AgencyRef, patch: Partial<AgencyRef>): AgencyRef {
  const next: AgencyRef = { ...ref, ...patch };
  if (next.agency_id === undefined || next.agency_id === null) delete next.agency_id;
  if (!next.sub_unit) delete next.sub_unit;
  if (!next.collective) delete next.collective;
  return next;
}
