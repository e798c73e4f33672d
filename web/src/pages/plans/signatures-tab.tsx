// Who has signed this revision, who has not yet, and how far the quorum is.
import { api } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { formatDateTime } from '../../lib/thai';
import { useAsync } from '../../lib/use-async';
import { Empty, Loading } from '../../components/ui';
import type { Plan } from './types';

interface Member {
  user_id: number;
  display_name: string;
  role: string;
}

interface Sig {
  user_id: number;
  user: string;
  on_behalf_of: number | null;
  on_behalf_of_name: string | null;
  revision: number;
  comment: string;
  signed_at: string;
  current: boolean;
}

export function SignaturesTab(props: { plan: Plan }) {
  const p = props.plan;
  const committee = useAsync(
    () => api.get<{ members: Member[] }>(`/api/v1/committees?province=${encodeURIComponent(p.province)}&plan_type=${encodeURIComponent(p.plan_type)}`),
    [p.province, p.plan_type],
  );
  const sigs = p.signatures as unknown as Sig[];
  const current = sigs.filter((s) => s.current);
  const quorum = p.available_actions.flatMap((a) => a.guards).find((g) => g.type === 'quorum') as
    | { signed?: number; members?: number; needed?: number }
    | undefined;
  const members = committee.data?.members.filter((m) => m.role === 'committee_member') ?? [];
  const signedFor = new Set(current.map((s) => s.on_behalf_of ?? s.user_id));
  const have = quorum?.signed ?? signedFor.size;
  const total = quorum?.members ?? members.length;
  return (
    <section aria-label={tr('การลงนาม', 'Signatures')}>
      <div class="quorum" data-testid="quorum">
        <span>
          {quorum?.needed !== undefined
            ? tr(`ลงนามแล้ว ${have} จาก ${total} คน (ต้องการ ${quorum.needed} คน)`, `${have} of ${total} signed (${quorum.needed} needed)`)
            : tr(`ลงนามแล้ว ${have} จาก ${total} คน`, `${have} of ${total} signed`)}
        </span>
        <span class="quorum-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, Math.round((have / Math.max(1, total)) * 100))}%` }} />
        </span>
      </div>
      {current.length === 0 ? <Empty>{tr('ยังไม่มีการลงนามในฉบับนี้', 'Nobody has signed this revision yet')}</Empty> : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{tr('ผู้ลงนาม', 'Signed by')}</th>
                <th scope="col">{tr('เมื่อ', 'When')}</th>
                <th scope="col">{tr('ความเห็น', 'Comment')}</th>
              </tr>
            </thead>
            <tbody>
              {current.map((s, i) => (
                <tr key={i}>
                  <td>
                    {s.user}
                    {s.on_behalf_of_name && <div class="muted">{tr(`ลงนามแทน ${s.on_behalf_of_name}`, `for ${s.on_behalf_of_name}`)}</div>}
                  </td>
                  <td>{formatDateTime(s.signed_at)}</td>
                  <td>{s.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{tr('กรรมการที่ยังไม่ได้ลงนาม', 'Members who have not signed')}</h3>
      {!committee.data ? <Loading /> : (
        <ul>
          {members.filter((m) => !signedFor.has(m.user_id)).map((m) => <li key={m.user_id}>{m.display_name}</li>)}
        </ul>
      )}
    </section>
  );
}
