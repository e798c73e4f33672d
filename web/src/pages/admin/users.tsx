// Everyone who may sign in: their agency, their roles in words, whether the
// account is active; the administrator creates and changes accounts here.
import { useMemo, useState } from 'preact/hooks';
import { tr } from '../../lib/i18n';
import { attempted, cleared, NO_ATTEMPTS } from '../../lib/attempts';
import { useAsync } from '../../lib/use-async';
import { Empty, Field, Loading, Notice, PageHeader, ProblemView } from '../../components/ui';
import {
  byThaiName,
  loadAgencies,
  loadPlanTypes,
  loadProvinces,
  loadUsers,
  provinceName,
  roleLabel,
  type AdminUser,
  type RoleGrant,
} from './directory';
import { UserForm, type Directory } from './user-form';
import './admin.css';

type Editor = { kind: 'create' } | { kind: 'edit'; user: AdminUser } | null;

export function UsersAdmin() {
  const data = useAsync(async () => {
    const [users, provinces, agencies, planTypes] = await Promise.all([loadUsers(), loadProvinces(), loadAgencies(), loadPlanTypes()]);
    return { users, directory: { provinces: provinces.sort(byThaiName), agencies, planTypes } as Directory };
  }, []);
  const [editor, setEditor] = useState<Editor>(null);
  const [filter, setFilter] = useState('');
  // Numbered so an earlier notice is not taken for the answer to the latest form.
  const [notices, setNotices] = useState(NO_ATTEMPTS);

  const directory = data.data?.directory;
  const users = useMemo(() => {
    const all = [...(data.data?.users ?? [])].sort((a, b) => a.username.localeCompare(b.username));
    const q = filter.trim().toLowerCase();
    if (!q || !directory) return all;
    return all.filter((u) => {
      const agency = directory.agencies.find((a) => a.id === u.agency_id);
      return [u.username, u.display_name, agency?.name_th ?? '', agency?.name_en ?? '', ...u.roles.map((r) => roleLabel(r.role, r.province))]
        .some((s) => s.toLowerCase().includes(q));
    });
  }, [data.data, filter]);

  function saved(user: AdminUser, created: boolean) {
    if (!data.data) return;
    const others = data.data.users.filter((u) => u.id !== user.id);
    data.setData({ ...data.data, users: [...others, user] });
    setEditor(null);
    setNotices((a) => attempted(a, created
      ? { notice: 'user-created', text: tr(`สร้างผู้ใช้ ${user.display_name} (${user.username}) แล้ว`, `Created ${user.display_name} (${user.username})`) }
      : { notice: 'user-saved', text: tr(`บันทึกการแก้ไขผู้ใช้ ${user.display_name} แล้ว`, `Saved ${user.display_name}`) }));
  }

  return (
    <section data-attempts={notices.count}>
      <PageHeader title={tr('ผู้ใช้งาน', 'Users')}>
        {directory && editor?.kind !== 'create' && (
          <button type="button" class="button button--primary" onClick={() => {
            setNotices(cleared);
            setEditor({ kind: 'create' });
          }}>
            {tr('เพิ่มผู้ใช้งาน', 'Add a user')}
          </button>
        )}
      </PageHeader>
      <ProblemView error={data.error} onRetry={data.reload} />
      {data.loading && !data.data && <Loading />}
      {notices.said && <Notice kind="ok" said={notices.said}>{notices.said.text}</Notice>}
      {directory && editor && (
        <UserForm
          key={editor.kind === 'edit' ? `edit-${editor.user.id}` : 'create'}
          user={editor.kind === 'edit' ? editor.user : undefined}
          directory={directory}
          onSaved={(u) => saved(u, editor.kind === 'create')}
          onCancel={() => setEditor(null)}
        />
      )}
      {directory && (
        <>
          <div class="card">
            <Field id="user-filter" label={tr('ค้นหาผู้ใช้', 'Find a user')} hint={tr('ชื่อ ชื่อผู้ใช้ หน่วยงาน หรือบทบาท', 'Name, username, agency or role')}>
              <input id="user-filter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
            </Field>
          </div>
          {users.length === 0 ? (
            <Empty>{tr('ไม่พบผู้ใช้', 'No users found')}</Empty>
          ) : (
            <div class="table-wrap">
              <table class="users-table">
                <caption class="sr-only">{tr('ผู้ใช้งาน', 'Users')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tr('ชื่อ', 'Name')}</th>
                    <th scope="col">{tr('ชื่อผู้ใช้', 'Username')}</th>
                    <th scope="col">{tr('หน่วยงาน', 'Agency')}</th>
                    <th scope="col">{tr('บทบาท', 'Roles')}</th>
                    <th scope="col">{tr('สถานะ', 'Status')}</th>
                    <th scope="col">{tr('จัดการ', 'Manage')}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.map((u) => (
                    <UserRow key={u.id} user={u} directory={directory} onEdit={() => {
                      setNotices(cleared);
                      setEditor({ kind: 'edit', user: u });
                    }} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function UserRow(props: { user: AdminUser; directory: Directory; onEdit: () => void }) {
  const u = props.user;
  const { agencies, provinces } = props.directory;
  const agency = agencies.find((a) => a.id === u.agency_id);
  const agencyProvince = agency && provinces.find((p) => p.code === agency.province);
  return (
    <tr data-username={u.username} class={u.active ? undefined : 'row-inactive'}>
      <td>{u.display_name}</td>
      <td>
        <code>{u.username}</code>
      </td>
      <td>
        {agency ? (
          <>
            {tr(agency.name_th, agency.name_en || agency.name_th)}
            <div class="muted small">{provinceName(agencyProvince, agency.province)}</div>
          </>
        ) : (
          <span class="muted">—</span>
        )}
      </td>
      <td>
        <ul class="role-list">
          {u.roles.map((r) => (
            <li key={`${r.role}|${r.province}|${r.plan_type}`}>
              <RoleText grant={r} directory={props.directory} />
            </li>
          ))}
        </ul>
      </td>
      <td>
        {u.active ? <span class="badge badge--green">{tr('ใช้งาน', 'Active')}</span> : <span class="badge badge--red">{tr('ระงับ', 'Inactive')}</span>}
      </td>
      <td class="row-actions">
        <button type="button" class="button button--small" aria-label={tr(`แก้ไขผู้ใช้ ${u.username}`, `Edit ${u.username}`)} onClick={props.onEdit}>
          {tr('แก้ไข', 'Edit')}
        </button>
      </td>
    </tr>
  );
}

function RoleText(props: { grant: RoleGrant; directory: Directory }) {
  const g = props.grant;
  const province = g.province ? provinceName(props.directory.provinces.find((p) => p.code === g.province), g.province) : '';
  const planType = g.plan_type ? props.directory.planTypes.find((t) => t.id === g.plan_type) : undefined;
  const scope = [province, planType ? tr(planType.name_th, planType.name_en) : g.plan_type].filter(Boolean);
  return (
    <>
      <span class="role-name">{roleLabel(g.role, g.province)}</span>
      {scope.length > 0 && <span class="muted small"> · {scope.join(' · ')}</span>}
    </>
  );
}
