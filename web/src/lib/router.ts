// Hash routes (#/plans/12): the server serves one page, and a bookmarked or
// reloaded address still opens the same screen.
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
}

export function currentRoute(): Route {
  const hash = typeof location !== 'undefined' ? location.hash.replace(/^#/, '') : '';
  const [path, query = ''] = (hash || '/').split('?');
  return { path: path || '/', params: {}, query: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Matches "/plans/:id" against "/plans/12" → {id: "12"}; null when it does not fit. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

export function navigate(path: string): void {
  location.hash = path;
}

export function href(path: string): string {
  return `#${path}`;
}
