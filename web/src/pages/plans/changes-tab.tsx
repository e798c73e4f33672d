// What changed between two revisions, by place in the plan: by default
// since the revision this person last saw, so a reviewer reads only the fixes.
import { useState } from 'preact/hooks';
import { api } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { useAsync } from '../../lib/use-async';
import { Empty, Field, Loading, ProblemView } from '../../components/ui';
import { describePointer } from './place';
import type { Schema } from './schema';
import type { Diff, DiffEntry, Plan } from './types';

function short(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const o = value as Record<string, unknown>;
  const text = o.title ?? o.text;
  if (typeof text === 'string') return text;
  const s = JSON.stringify(value);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

export function ChangesTab(props: { plan: Plan; schema: Schema; seenBefore: number | null }) {
  const current = props.plan.revision;
  const initial = props.seenBefore && props.seenBefore < current ? props.seenBefore : Math.max(1, current - 1);
  const [from, setFrom] = useState(initial);
  const diff = useAsync(
    () => (from < current ? api.get<Diff>(`/api/v1/plans/${props.plan.id}/diff?from=${from}&to=${current}`) : Promise.resolve(null)),
    [from, current],
  );
  if (current === 1) return <Empty>{tr('แผนมีฉบับเดียว ยังไม่มีการเปลี่ยนแปลง', 'There is only one revision so far')}</Empty>;
  const rows: { kind: 'changed' | 'added' | 'removed'; e: DiffEntry }[] = diff.data
    ? [...diff.data.changed.map((e) => ({ kind: 'changed' as const, e })), ...diff.data.added.map((e) => ({ kind: 'added' as const, e })),
      ...diff.data.removed.map((e) => ({ kind: 'removed' as const, e }))]
    : [];
  return (
    <section aria-label={tr('สิ่งที่เปลี่ยนแปลง', 'Changes')}>
      <div class="field-row">
        <Field id="diff-from" label={tr('เปรียบเทียบจากฉบับที่', 'Compare from revision')}
          hint={props.seenBefore && props.seenBefore < current ? tr(`ท่านเปิดดูล่าสุดที่ฉบับที่ ${props.seenBefore}`, `You last saw revision ${props.seenBefore}`) : undefined}>
          <select id="diff-from" value={from} onChange={(e) => setFrom(Number(e.currentTarget.value))}>
            {Array.from({ length: current - 1 }, (_, i) => i + 1).map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
        </Field>
        <p>{tr(`ถึงฉบับปัจจุบัน (ฉบับที่ ${current})`, `to the current revision (${current})`)}</p>
      </div>
      <ProblemView error={diff.error} onRetry={diff.reload} />
      {diff.loading ? <Loading /> : rows.length === 0 ? <Empty>{tr('ไม่มีความแตกต่าง', 'No differences')}</Empty> : (
        <div class="table-wrap">
          <table data-testid="diff">
            <thead>
              <tr>
                <th scope="col">{tr('ส่วนของแผน', 'Part of the plan')}</th>
                <th scope="col">{tr('เดิม', 'Before')}</th>
                <th scope="col">{tr('ใหม่', 'After')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ kind, e }, i) => (
                <tr key={i} data-change={kind}>
                  <td>
                    {describePointer(props.schema, kind === 'removed' ? undefined : props.plan.content, e.path)}
                    <div class="muted">{kind === 'added' ? tr('เพิ่ม', 'added') : kind === 'removed' ? tr('ลบ', 'removed') : tr('แก้ไข', 'changed')}</div>
                  </td>
                  <td class="diff-removed-cell">{kind === 'added' ? '' : <span class="diff-removed">{short(e.before)}</span>}</td>
                  <td>{kind === 'removed' ? '' : <span class="diff-added">{short(e.after)}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
