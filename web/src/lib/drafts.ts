// Unsaved plan content kept in the browser, so that a failed save, a lapsed
// session or a closed tab never loses what an officer typed.

export interface Draft {
  revision: number;
  content: unknown;
  saved_at: string;
}

function key(userId: number, planId: number): string {
  return `planflow.draft.${userId}.${planId}`;
}

export function loadDraft(userId: number, planId: number): Draft | null {
  try {
    const raw = localStorage.getItem(key(userId, planId));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function keepDraft(userId: number, planId: number, revision: number, content: unknown): void {
  const draft: Draft = { revision, content, saved_at: new Date().toISOString() };
  try {
    localStorage.setItem(key(userId, planId), JSON.stringify(draft));
  } catch {
    /* storage full or disabled: the save itself is still attempted */
  }
}

export function dropDraft(userId: number, planId: number): void {
  localStorage.removeItem(key(userId, planId));
}

/** The revision this person last opened, so reviewers see what changed since. */
export function lastSeenRevision(userId: number, planId: number): number | null {
  const raw = localStorage.getItem(`planflow.seen.${userId}.${planId}`);
  return raw ? Number(raw) : null;
}

export function markSeen(userId: number, planId: number, revision: number): void {
  localStorage.setItem(`planflow.seen.${userId}.${planId}`, String(revision));
}
