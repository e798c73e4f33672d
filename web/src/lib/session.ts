// Who is signed in. The bearer token lives in sessionStorage: closing the
// browser on a shared office PC ends the session.
import { signal } from './signal';

export interface Role {
  role: string;
  province: string;
  plan_type: string;
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  active: boolean;
  roles: Role[];
  agency_id: number | null;
}

export interface Session {
  token: string;
  expires_at: string;
  user: User;
}

const KEY = 'planflow.session';

function load(): Session | null {
  try {
    const raw = typeof sessionStorage !== 'undefined' ? sessionStorage.getItem(KEY) : null;
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export const session = signal<Session | null>(load());

export function setSession(next: Session | null): void {
  session.value = next;
  if (typeof sessionStorage === 'undefined') return;
  if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
}

export function hasRole(user: User | null | undefined, ...roles: string[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r.role));
}

/** The provinces the user's roles name (committee roles are per province). */
export function roleProvinces(user: User | null | undefined, ...roles: string[]): string[] {
  if (!user) return [];
  return [...new Set(user.roles.filter((r) => roles.includes(r.role) && r.province).map((r) => r.province))];
}
