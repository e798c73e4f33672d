// Comments on the plan, each optionally anchored to a part of the content
// (a goal, an activity); reviewers use them to say what to fix.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { formatDateTime } from '../../lib/thai';
import { asApiError, useAsync } from '../../lib/use-async';
import { Empty, Field, Loading, ProblemView } from '../../components/ui';
import { describePointer } from './place';
import type { Schema } from './schema';
import type { Comment, Plan } from './types';

export function CommentsTab(props: { plan: Plan; schema: Schema; anchor: string | null; onAnchorUsed: () => void }) {
  const list = useAsync(() => api.get<{ items: Comment[] }>(`/api/v1/plans/${props.plan.id}/comments`), [props.plan.id]);
  const [body, setBody] = useState('');
  const [anchor, setAnchor] = useState<string | null>(props.anchor);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (props.anchor) setAnchor(props.anchor);
  }, [props.anchor]);

  async function post(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/plans/${props.plan.id}/comments`, { body: body.trim(), anchor });
      setBody('');
      setAnchor(null);
      props.onAnchorUsed();
      await list.reload();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-label={tr('ความคิดเห็น', 'Comments')}>
      <ProblemView error={list.error} onRetry={list.reload} />
      {!list.data ? <Loading /> : list.data.items.length === 0 ? <Empty>{tr('ยังไม่มีความคิดเห็น', 'No comments yet')}</Empty> : (
        <ol class="comments">
          {list.data.items.map((c) => (
            <li key={c.id} class="card">
              <div class="muted">
                <strong>{c.author ?? ''}</strong> · {formatDateTime(c.created_at)}
                {c.revision ? ` · ${tr('ฉบับที่', 'revision')} ${c.revision}` : ''}
              </div>
              {c.anchor && <div class="finding-place">{describePointer(props.schema, props.plan.content, c.anchor)}</div>}
              <p class="comment-body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form class="form card" onSubmit={post}>
        {anchor && (
          <p>
            {tr('ความคิดเห็นต่อ', 'About')}: <span class="finding-place">{describePointer(props.schema, props.plan.content, anchor)}</span>{' '}
            <button type="button" class="link-button" onClick={() => setAnchor(null)}>
              {tr('ทั้งแผน', 'the whole plan instead')}
            </button>
          </p>
        )}
        <Field id="comment-body" label={tr('เพิ่มความคิดเห็น', 'Add a comment')} error={error?.messageAt('/body') ?? null}>
          <textarea id="comment-body" rows={3} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        </Field>
        <ProblemView error={error} />
        <div class="form-actions">
          <button type="submit" class="button button--primary" disabled={busy || !body.trim()}>
            {busy ? tr('กำลังส่ง…', 'Sending…') : tr('ส่งความคิดเห็น', 'Post comment')}
          </button>
        </div>
      </form>
    </section>
  );
}
