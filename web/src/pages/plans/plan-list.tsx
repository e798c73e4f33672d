// My plans, and the inbox of plans awaiting my action (agency heads,
// committee members): stage, due date and fiscal year at a glance.
import { useState } from 'preact/hooks';
import { api } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { href, navigate } from '../../lib/router';
import { formatDate, formatDateTime } from '../../lib/thai';
import { useAsync } from '../../lib/use-async';
import { hasRole, session } from '../../lib/session';
import { Empty, Loading, PageHeader, ProblemView, StageBadge } from '../../components/ui';
import type { PlanSummary, PlanType } from './types';

interface Page {
  items: PlanSummary[];
  next_cursor: number | null;
}

export function PlanList(props: { query?: URLSearchParams; inbox?: boolean }) {
  const q = props.query ?? new URLSearchParams();
  const [text, setText] = useState(q.get('q') ?? '');
  const stage = q.get('stage') ?? '';
  const [more, setMore] = useState<PlanSummary[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const types = useAsync(() => api.get<{ items: PlanType[] }>('/api/v1/plan-types'), []);
  const agencies = useAsync(() => api.get<{ items: { id: number; name_th: string }[] }>('/api/v1/agencies'), []);
  // The first page and every further one ask the same question; only the cursor moves.
  const pageUrl = (after?: number) => {
    const params = new URLSearchParams();
    if (props.inbox) params.set('awaiting', 'me');
    if (q.get('q')) params.set('q', q.get('q')!);
    if (stage) params.set('stage', stage);
    if (after) params.set('cursor', String(after));
    return `/api/v1/plans?${params}`;
  };
  const list = useAsync(async () => {
    const page = await api.get<Page>(pageUrl());
    setMore([]);
    setCursor(page.next_cursor);
    return page.items;
  }, [props.inbox, q.toString()]);

  async function loadMore() {
    if (!cursor) return;
    const page = await api.get<Page>(pageUrl(cursor));
    setMore((m) => [...m, ...page.items]);
    setCursor(page.next_cursor);
  }

  const typeName = (id: string) => {
    const t = types.data?.items.find((x) => x.id === id);
    return t ? (tr(t.name_th, t.name_en) || t.name_th) : id;
  };
  const user = session.value?.user;
  const items = [...(list.data ?? []), ...more];
  const title = props.inbox ? tr('แผนที่รอการพิจารณาของฉัน', 'Plans awaiting me') : tr('แผน', 'Plans');

  return (
    <>
      <PageHeader title={title}>
        {hasRole(user, 'agency_officer') && (
          <a class="button button--primary" href={href('/plans/new')}>
            {tr('จัดทำแผนใหม่', 'New plan')}
          </a>
        )}
      </PageHeader>
      {!props.inbox && (
        <form class="filters" role="search" onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams(q);
          if (text.trim()) next.set('q', text.trim());
          else next.delete('q');
          navigate(`/plans?${next}`);
        }}>
          <label for="plan-search">{tr('ค้นหาชื่อแผน', 'Search titles')}</label>
          <input id="plan-search" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="button">{tr('ค้นหา', 'Search')}</button>
        </form>
      )}
      <ProblemView error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>{props.inbox ? tr('ไม่มีแผนที่รอท่านดำเนินการ', 'Nothing is waiting for you') : tr('ยังไม่มีแผน', 'No plans yet')}</Empty>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('แผน', 'Plan')}</th>
                <th scope="col">{tr('ประเภท', 'Type')}</th>
                <th scope="col">{tr('ปีงบประมาณ', 'Fiscal year')}</th>
                <th scope="col">{tr('หน่วยงาน', 'Agency')}</th>
                <th scope="col">{tr('ขั้นตอน', 'Stage')}</th>
                <th scope="col">{tr('กำหนดเสร็จ', 'Due')}</th>
                <th scope="col">{tr('ปรับปรุงล่าสุด', 'Updated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} data-plan={p.id}>
                  <td>
                    <a href={href(`/plans/${p.id}`)}>{p.title}</a>
                    {p.revision_rounds > 0 && <div class="muted">{tr(`แก้ไขแล้ว ${p.revision_rounds} รอบ`, `${p.revision_rounds} revision round(s)`)}</div>}
                  </td>
                  <td>{typeName(p.plan_type)}</td>
                  <td class="number">{p.fiscal_year}</td>
                  <td>{agencies.data?.items.find((a) => a.id === p.agency)?.name_th ?? ''}</td>
                  <td>
                    <StageBadge kind={p.stage_kind} title={p.stage_title} />
                    <div class="muted">{tr('ตั้งแต่', 'since')} {formatDate(p.stage_entered_at)}</div>
                  </td>
                  <td>{p.deadline_at ? <span class={new Date(p.deadline_at) < new Date() ? 'overdue' : ''}>{formatDate(p.deadline_at)}</span> : '–'}</td>
                  <td>{formatDateTime(p.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" class="button" onClick={loadMore}>
          {tr('แสดงเพิ่ม', 'Show more')}
        </button>
      )}
    </>
  );
}
