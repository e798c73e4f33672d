// Small building blocks every page uses: labelled fields, problem messages,
// loading states and stage badges.
import type { ComponentChildren } from 'preact';
import { ApiError } from '../lib/api';
import type { Said } from '../lib/attempts';
import { localized, tr } from '../lib/i18n';

export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  children: ComponentChildren;
}) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`} data-described={described || undefined}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <small id={`${props.id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <small id={`${props.id}-error`} class="field-error" role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}

/**
 * The problem the API returned, in words, with the fields it names;
 * `attempt` is the attempt it answers (see lib/attempts.ts).
 */
export function ProblemView(props: { error: ApiError | null; labels?: (pointer: string) => string; onRetry?: () => void; attempt?: number }) {
  const e = props.error;
  if (!e) return null;
  return (
    <div class="alert alert--error" role="alert" data-problem={e.slug} data-attempt={props.attempt}>
      <strong>{e.message}</strong>
      {e.detail && e.slug !== 'network' && <div class="alert-detail">{e.detail}</div>}
      {e.errors.length > 0 && (
        <ul>
          {e.errors.map((f) => (
            <li key={f.pointer + f.detail}>
              <code>{props.labels ? props.labels(f.pointer) : f.pointer || '/'}</code> {f.detail}
            </li>
          ))}
        </ul>
      )}
      {props.onRetry && (
        <button type="button" class="button" onClick={props.onRetry}>
          {tr('ลองใหม่', 'Try again')}
        </button>
      )}
    </div>
  );
}

export function Loading(props: { label?: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" /> {props.label ?? tr('กำลังโหลด…', 'Loading…')}
    </p>
  );
}

/** A message; an answer to an attempt names its kind and the attempt it answers (see lib/attempts.ts). */
export function Notice(props: { kind?: 'ok' | 'info' | 'warn'; said?: Said | null; children: ComponentChildren }) {
  return (
    <div class={`alert alert--${props.kind ?? 'info'}`} role="status" data-notice={props.said?.notice} data-attempt={props.said?.attempt}>
      {props.children}
    </div>
  );
}

const STAGE_COLOURS: Record<string, string> = {
  editing: 'grey', review: 'amber', approval: 'blue', reporting: 'green', terminal: 'dark',
};

export function StageBadge(props: { kind: string; title: { th?: string; en?: string } | string }) {
  const text = typeof props.title === 'string' ? props.title : localized(props.title);
  return <span class={`badge badge--${STAGE_COLOURS[props.kind] ?? 'grey'}`}>{text}</span>;
}

export function PageHeader(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="page-header">
      <h1>{props.title}</h1>
      {props.children && <div class="page-actions">{props.children}</div>}
    </div>
  );
}

export function Empty(props: { children: ComponentChildren }) {
  return <p class="empty">{props.children}</p>;
}
