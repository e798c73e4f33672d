// One form for creating a user and for changing one: names, password (twice),
// agency (picked within a province) and roles. What the person typed stays
// on the form whatever the server answers.
import { useMemo, useRef, useEffect, useState } from 'preact/hooks';
import { api, type ApiError } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { asApiError } from '../../lib/use-async';
import { Field, ProblemView } from '../../components/ui';
import { provinceName, type AdminUser, type Agency, type PlanType, type Province } from './directory';
import { errorAt, localProblem, withoutShown } from './field-errors';
import { checkRoles, newRoleRow, RoleRows, rolesBody, type RoleRow } from './role-rows';

export interface Directory {
  provinces: Province[];
  agencies: Agency[];
  planTypes: PlanType[];
}

const FORM_FIELDS = ['/username', '/display_name', '/password', '/password_confirmation', '/agency', '/active', '/roles'];
const shownOnForm = (p: string) => FORM_FIELDS.includes(p) || p.startsWith('/roles/');

export function UserForm(props: {
  user?: AdminUser;
  directory: Directory;
  onSaved: (user: AdminUser) => void;
  onCancel: () => void;
}) {
  const editing = props.user;
  const { provinces, agencies, planTypes } = props.directory;
  const agencyOf = (id: number | null) => agencies.find((a) => a.id === id);
  const prefix = editing ? `edit-user` : 'new-user';

  const [username, setUsername] = useState(editing?.username ?? '');
  const [displayName, setDisplayName] = useState(editing?.display_name ?? '');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [agencyProvince, setAgencyProvince] = useState(agencyOf(editing?.agency_id ?? null)?.province ?? '');
  const [agency, setAgency] = useState(editing?.agency_id ? String(editing.agency_id) : '');
  const [active, setActive] = useState(editing?.active ?? true);
  const [roles, setRoles] = useState<RoleRow[]>(
    editing ? editing.roles.map((r) => newRoleRow(r.role, r.province, r.plan_type)) : [newRoleRow()],
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempts, setAttempts] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [editing?.id]);

  // Agencies grouped by province; choosing a province narrows the list.
  const groups = useMemo(() => {
    const byCode = new Map(provinces.map((p) => [p.code, p]));
    const m = new Map<string, Agency[]>();
    for (const a of agencies) {
      if (agencyProvince && a.province !== agencyProvince) continue;
      m.set(a.province, [...(m.get(a.province) ?? []), a]);
    }
    return [...m.entries()]
      .map(([code, list]) => ({ code, name: provinceName(byCode.get(code), code), list: list.sort((x, y) => x.name_th.localeCompare(y.name_th, 'th')) }))
      .sort((x, y) => x.name.localeCompare(y.name, 'th'));
  }, [agencies, provinces, agencyProvince]);
  const provincesWithAgencies = useMemo(() => {
    const codes = new Set(agencies.map((a) => a.province));
    return provinces.filter((p) => codes.has(p.code));
  }, [agencies, provinces]);

  function check(): ApiError | null {
    const errors: { pointer: string; detail: string }[] = [];
    if (!editing || password || confirmation) {
      if ([...password].length < 10) {
        errors.push({ pointer: '/password', detail: tr('รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร', 'The password needs at least 10 characters') });
      }
      if (password !== confirmation) {
        errors.push({ pointer: '/password_confirmation', detail: tr('รหัสผ่านทั้งสองช่องไม่ตรงกัน', 'The two passwords differ') });
      }
    }
    errors.push(...checkRoles(roles, !!agency));
    return errors.length ? localProblem(errors) : null;
  }

  async function submit(e: Event) {
    e.preventDefault();
    const local = check();
    setError(local);
    if (local) {
      setAttempts((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      let saved: AdminUser;
      if (editing) {
        const body: Record<string, unknown> = { display_name: displayName.trim(), active, roles: rolesBody(roles) };
        if (agency) body.agency = Number(agency);
        if (password) body.password = password;
        saved = await api.put<AdminUser>(`/api/v1/users/${editing.id}`, body);
      } else {
        const body: Record<string, unknown> = {
          username: username.trim(),
          display_name: displayName.trim(),
          password,
          roles: rolesBody(roles),
        };
        if (agency) body.agency = Number(agency);
        saved = await api.post<AdminUser>('/api/v1/users', body);
      }
      setPassword('');
      setConfirmation('');
      setError(null);
      props.onSaved(saved);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
      setAttempts((n) => n + 1);
    }
  }

  const title = editing
    ? tr(`แก้ไขผู้ใช้ ${editing.display_name} (${editing.username})`, `Edit ${editing.display_name} (${editing.username})`)
    : tr('เพิ่มผู้ใช้งาน', 'Add a user');
  const id = (name: string) => `${prefix}-${name}`;

  return (
    <form class="card form form--wide user-form admin-form" onSubmit={submit} aria-labelledby={id('title')} noValidate aria-busy={busy} data-attempts={attempts}>
      <h2 id={id('title')} tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <ProblemView error={withoutShown(error, shownOnForm)} />
      <div class="field-row">
        {!editing && (
          <Field id={id('username')} label={tr('ชื่อผู้ใช้', 'Username')} error={errorAt(error, '/username')}
            hint={tr('อักษรภาษาอังกฤษตัวพิมพ์เล็ก ตัวเลข . _ หรือ - ยาว 2–64 ตัว ใช้เข้าสู่ระบบ', "2–64 lower-case letters, digits, '.', '_' or '-', used to sign in")}>
            <input id={id('username')} required autoComplete="off" autoCapitalize="none" spellcheck={false} value={username}
              aria-invalid={!!errorAt(error, '/username')} aria-describedby={`${id('username')}-hint${errorAt(error, '/username') ? ` ${id('username')}-error` : ''}`}
              onInput={(e) => setUsername(e.currentTarget.value)} />
          </Field>
        )}
        <Field id={id('display-name')} label={tr('ชื่อที่แสดง', 'Display name')} hint={tr('ชื่อ-นามสกุล หรือตำแหน่ง', 'Full name or position')}
          error={errorAt(error, '/display_name')}>
          <input id={id('display-name')} required value={displayName} aria-invalid={!!errorAt(error, '/display_name')}
            onInput={(e) => setDisplayName(e.currentTarget.value)} />
        </Field>
      </div>
      <div class="field-row">
        <Field id={id('password')} label={editing ? tr('รหัสผ่านใหม่', 'New password') : tr('รหัสผ่าน', 'Password')}
          hint={editing ? tr('เว้นว่างไว้หากไม่เปลี่ยน อย่างน้อย 10 ตัวอักษร', 'Leave empty to keep it; at least 10 characters') : tr('อย่างน้อย 10 ตัวอักษร', 'At least 10 characters')}
          error={errorAt(error, '/password')}>
          <input id={id('password')} type="password" autoComplete="new-password" required={!editing} value={password}
            aria-invalid={!!errorAt(error, '/password')} onInput={(e) => setPassword(e.currentTarget.value)} />
        </Field>
        <Field id={id('password-confirmation')} label={tr('ยืนยันรหัสผ่าน', 'Confirm the password')} error={errorAt(error, '/password_confirmation')}>
          <input id={id('password-confirmation')} type="password" autoComplete="new-password" required={!editing} value={confirmation}
            aria-invalid={!!errorAt(error, '/password_confirmation')} onInput={(e) => setConfirmation(e.currentTarget.value)} />
        </Field>
      </div>
      <div class="field-row">
        <Field id={id('agency-province')} label={tr('จังหวัดของหน่วยงาน', 'Province of the agency')} hint={tr('ใช้กรองรายชื่อหน่วยงาน', 'Narrows the list of agencies')}>
          <select id={id('agency-province')} value={agencyProvince} onChange={(e) => {
            const next = e.currentTarget.value;
            setAgencyProvince(next);
            if (next && agency && agencyOf(Number(agency))?.province !== next) setAgency('');
          }}>
            <option value="">{tr('ทุกจังหวัด', 'Every province')}</option>
            {provincesWithAgencies.map((p) => (
              <option key={p.code} value={p.code}>
                {provinceName(p, p.code)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('agency')} label={tr('หน่วยงาน', 'Agency')} error={errorAt(error, '/agency')}
          hint={editing?.agency_id ? tr('ย้ายไปหน่วยงานอื่นได้ แต่ไม่สามารถยกเลิกการสังกัดได้', 'May move to another agency, but cannot be left without one') : tr('จำเป็นสำหรับเจ้าหน้าที่และหัวหน้าหน่วยงาน', 'Needed by agency officers and heads')}>
          <select id={id('agency')} value={agency} aria-invalid={!!errorAt(error, '/agency')} onChange={(e) => setAgency(e.currentTarget.value)}>
            {!editing?.agency_id && <option value="">{tr('— ไม่สังกัดหน่วยงาน —', '— No agency —')}</option>}
            {editing?.agency_id && !agency && (
              <option value="">{tr(`— คงหน่วยงานเดิม: ${agencyOf(editing.agency_id)?.name_th ?? editing.agency_id} —`, `— Keep the current agency —`)}</option>
            )}
            {groups.map((g) => (
              <optgroup key={g.code} label={g.name}>
                {g.list.map((a) => (
                  <option key={a.id} value={String(a.id)}>
                    {tr(a.name_th, a.name_en || a.name_th)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
      </div>
      {editing && (
        <div class="field checkbox-field">
          <label for={id('active')}>
            <input id={id('active')} type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />{' '}
            {tr('เปิดใช้งานบัญชีนี้', 'This account is active')}
          </label>
          <small class="hint">{tr('ปิดแล้วผู้ใช้จะถูกออกจากระบบทันทีและเข้าสู่ระบบไม่ได้', 'Switching it off signs the user out at once and blocks sign-in')}</small>
        </div>
      )}
      <RoleRows idPrefix={prefix} rows={roles} onChange={setRoles} provinces={provinces} planTypes={planTypes} error={error} disabled={busy} />
      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? tr('กำลังบันทึก…', 'Saving…') : editing ? tr('บันทึกการแก้ไข', 'Save changes') : tr('สร้างผู้ใช้', 'Create the user')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={props.onCancel}>
          {tr('ยกเลิก', 'Cancel')}
        </button>
      </div>
    </form>
  );
}
