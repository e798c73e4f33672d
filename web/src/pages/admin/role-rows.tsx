// A user's roles as repeatable rows: the role, and for the roles that are
// scoped, the province and the plan type it covers.
import { tr } from '../../lib/i18n';
import type { ApiError } from '../../lib/api';
import { errorAt } from './field-errors';
import {
  isAgencyRole,
  isCommitteeRole,
  provinceName,
  ROLES,
  roleOptionLabel,
  roleTakesProvince,
  type PlanType,
  type Province,
} from './directory';

export interface RoleRow {
  /** Stable across re-renders so removing a row keeps the others' inputs. */
  key: number;
  role: string;
  province: string;
  plan_type: string;
}

let nextKey = 1;
export function newRoleRow(role = '', province = '', plan_type = ''): RoleRow {
  return { key: nextKey++, role, province, plan_type };
}

/** The roles as the API takes them; a province or plan type only where the role uses one. */
export function rolesBody(rows: RoleRow[]): { role: string; province?: string; plan_type?: string }[] {
  return rows
    .filter((r) => r.role)
    .map((r) => {
      const out: { role: string; province?: string; plan_type?: string } = { role: r.role };
      if (roleTakesProvince(r.role) && r.province) out.province = r.province;
      if (isCommitteeRole(r.role) && r.plan_type) out.plan_type = r.plan_type;
      return out;
    });
}

/** Field errors found before sending, at the same pointers the API would use. */
export function checkRoles(rows: RoleRow[], hasAgency: boolean): { pointer: string; detail: string }[] {
  const errors: { pointer: string; detail: string }[] = [];
  rows.filter((r) => r.role).forEach((r, i) => {
    if (isCommitteeRole(r.role) && !r.province) {
      errors.push({ pointer: `/roles/${i}/province`, detail: tr('บทบาทในคณะกรรมการต้องระบุจังหวัด', 'Committee roles need a province') });
    }
    if (isAgencyRole(r.role) && !hasAgency) {
      errors.push({ pointer: `/roles/${i}/role`, detail: tr('บทบาทนี้ต้องสังกัดหน่วยงาน กรุณาเลือกหน่วยงาน', 'This role needs an agency; choose one') });
    }
  });
  return errors;
}

export function RoleRows(props: {
  idPrefix: string;
  rows: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  provinces: Province[];
  planTypes: PlanType[];
  error: ApiError | null;
  disabled?: boolean;
}) {
  const { rows, idPrefix } = props;
  const update = (key: number, patch: Partial<RoleRow>) => props.onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  // The API numbers roles after dropping the empty rows, so errors are matched the same way.
  let index = -1;

  return (
    <fieldset class="role-rows">
      <legend>{tr('บทบาท', 'Roles')}</legend>
      {rows.length === 0 && <p class="muted">{tr('ยังไม่มีบทบาท ผู้ใช้จะเข้าสู่ระบบได้แต่ไม่เห็นข้อมูลใด', 'No roles yet: the user can sign in but sees nothing')}</p>}
      {errorAt(props.error, '/roles') && <p class="field-error">{errorAt(props.error, '/roles')}</p>}
      {rows.map((r, shown) => {
        if (r.role) index += 1;
        const n = shown + 1;
        const at = `/roles/${index}`;
        const err = (p: string) => (r.role ? errorAt(props.error, at + p) : null);
        const id = `${idPrefix}-role-${r.key}`;
        const rowError = err('');
        return (
          <div class="role-row" key={r.key} data-role-row={n}>
            <div class="field">
              <label for={`${id}-role`}>{tr(`บทบาทที่ ${n}`, `Role ${n}`)}</label>
              <select id={`${id}-role`} value={r.role} disabled={props.disabled} aria-invalid={!!err('/role')}
                aria-describedby={err('/role') ? `${id}-role-error` : undefined}
                onChange={(e) => update(r.key, { role: e.currentTarget.value })}>
                <option value="">{tr('— เลือกบทบาท —', '— Choose a role —')}</option>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {roleOptionLabel(role)}
                  </option>
                ))}
              </select>
              {err('/role') && <small id={`${id}-role-error`} class="field-error" role="alert">{err('/role')}</small>}
            </div>
            {roleTakesProvince(r.role) && (
              <div class="field">
                <label for={`${id}-province`}>{tr(`จังหวัดของบทบาทที่ ${n}`, `Province of role ${n}`)}</label>
                <select id={`${id}-province`} value={r.province} disabled={props.disabled} required={isCommitteeRole(r.role)}
                  aria-invalid={!!err('/province')} aria-describedby={err('/province') ? `${id}-province-error` : undefined}
                  onChange={(e) => update(r.key, { province: e.currentTarget.value })}>
                  <option value="">
                    {isCommitteeRole(r.role) ? tr('— เลือกจังหวัด —', '— Choose a province —') : tr('ทั่วประเทศ', 'The whole country')}
                  </option>
                  {props.provinces.map((p) => (
                    <option key={p.code} value={p.code}>
                      {provinceName(p, p.code)}
                    </option>
                  ))}
                </select>
                {err('/province') && <small id={`${id}-province-error`} class="field-error" role="alert">{err('/province')}</small>}
              </div>
            )}
            {isCommitteeRole(r.role) && (
              <div class="field">
                <label for={`${id}-plan-type`}>{tr(`ประเภทแผนของบทบาทที่ ${n}`, `Plan type of role ${n}`)}</label>
                <select id={`${id}-plan-type`} value={r.plan_type} disabled={props.disabled} aria-invalid={!!err('/plan_type')}
                  aria-describedby={err('/plan_type') ? `${id}-plan-type-error` : undefined}
                  onChange={(e) => update(r.key, { plan_type: e.currentTarget.value })}>
                  <option value="">{tr('ทุกประเภทแผน', 'Every plan type')}</option>
                  {props.planTypes.map((t) => (
                    <option key={t.id} value={t.id}>
                      {tr(t.name_th, t.name_en)}
                    </option>
                  ))}
                </select>
                {err('/plan_type') && <small id={`${id}-plan-type-error`} class="field-error" role="alert">{err('/plan_type')}</small>}
              </div>
            )}
            <div class="role-row-tools">
              <button type="button" class="button button--small button--danger" disabled={props.disabled}
                aria-label={tr(`ลบบทบาทที่ ${n}`, `Remove role ${n}`)} onClick={() => props.onChange(rows.filter((x) => x.key !== r.key))}>
                {tr('ลบ', 'Remove')}
              </button>
            </div>
            {rowError && <p class="field-error role-row-error" role="alert">{rowError}</p>}
          </div>
        );
      })}
      <div>
        <button type="button" class="button button--small" disabled={props.disabled} onClick={() => props.onChange([...rows, newRoleRow()])}>
          {tr('เพิ่มบทบาท', 'Add a role')}
        </button>
      </div>
    </fieldset>
  );
}
