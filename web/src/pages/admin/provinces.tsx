// Provinces are reference data: the 77 are seeded, an administrator may add
// one, correct its names, or remove one that nothing refers to yet.
import { useMemo, useState } from 'preact/hooks';
import { api, type ApiError } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { attempted, NO_ATTEMPTS } from '../../lib/attempts';
import { asApiError, useAsync } from '../../lib/use-async';
import { Empty, Field, Loading, Notice, PageHeader, ProblemView } from '../../components/ui';
import { loadProvinces, REGIONS, regionLabel, type Province } from './directory';
import { errorAt, withoutShown } from './field-errors';
import './admin.css';

export function ProvincesAdmin() {
  const provinces = useAsync(loadProvinces, []);
  const [filter, setFilter] = useState('');
  // The page's notices answer what its forms and rows did; numbered so an earlier one is not taken for the latest.
  const [notices, setNotices] = useState(NO_ATTEMPTS);
  const say = (notice: string, text: string) => setNotices((a) => attempted(a, { notice, text }));

  const shown = useMemo(() => {
    const all = provinces.data ?? [];
    const q = filter.trim().toLowerCase();
    if (!q) return all;
    return all.filter((p) =>
      [p.code, p.name_th, p.name_en, p.region, regionLabel(p.region)].some((s) => s.toLowerCase().includes(q)),
    );
  }, [provinces.data, filter]);

  function replace(next: Province) {
    provinces.setData((provinces.data ?? []).map((p) => (p.code === next.code ? next : p)));
  }

  return (
    <section aria-labelledby="provinces-title" data-attempts={notices.count}>
      <PageHeader title={tr('จังหวัด', 'Provinces')} />
      <h2 id="provinces-title" class="sr-only">
        {tr('รายชื่อจังหวัด', 'The provinces')}
      </h2>
      {notices.said && <Notice kind="ok" said={notices.said}>{notices.said.text}</Notice>}
      <AddProvince
        onAdded={(p) => {
          provinces.setData([...(provinces.data ?? []), p].sort((a, b) => a.code.localeCompare(b.code)));
          say('province-added', tr(`เพิ่มจังหวัด${p.name_th} (${p.code}) แล้ว`, `Added ${p.name_en} (${p.code})`));
        }}
      />
      <div class="card">
        <Field id="province-filter" label={tr('ค้นหาจังหวัด', 'Find a province')} hint={tr('รหัส ชื่อไทย ชื่ออังกฤษ หรือภาค', 'Code, Thai or English name, or region')}>
          <input id="province-filter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </Field>
        <p class="muted" aria-live="polite">
          {tr(`แสดง ${shown.length} จาก ${provinces.data?.length ?? 0} จังหวัด`, `Showing ${shown.length} of ${provinces.data?.length ?? 0} provinces`)}
        </p>
      </div>
      <ProblemView error={provinces.error} onRetry={provinces.reload} />
      {provinces.loading && !provinces.data && <Loading />}
      {provinces.data && shown.length === 0 && <Empty>{tr('ไม่พบจังหวัดที่ค้นหา', 'No province matches')}</Empty>}
      {shown.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{tr('จังหวัด', 'Provinces')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('รหัส', 'Code')}</th>
                <th scope="col">{tr('ชื่อภาษาไทย', 'Thai name')}</th>
                <th scope="col">{tr('ชื่อภาษาอังกฤษ', 'English name')}</th>
                <th scope="col">{tr('ภาค', 'Region')}</th>
                <th scope="col">{tr('จัดการ', 'Manage')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <ProvinceRow
                  key={p.code}
                  province={p}
                  onSaved={(next) => {
                    replace(next);
                    say('province-saved', tr(`บันทึกชื่อจังหวัด ${next.code} แล้ว`, `Saved the names of ${next.code}`));
                  }}
                  onDeleted={() => {
                    provinces.setData((provinces.data ?? []).filter((x) => x.code !== p.code));
                    say('province-removed', tr(`ลบจังหวัด${p.name_th} (${p.code}) แล้ว`, `Removed ${p.name_en} (${p.code})`));
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RegionSelect(props: { id: string; value: string; onChange: (v: string) => void; label?: string; form?: string }) {
  const known = (REGIONS as readonly string[]).includes(props.value);
  return (
    <select id={props.id} form={props.form} value={props.value} aria-label={props.label} required onChange={(e) => props.onChange(e.currentTarget.value)}>
      {!props.value && <option value="">{tr('— เลือกภาค —', '— Choose a region —')}</option>}
      {REGIONS.map((r) => (
        <option key={r} value={r}>
          {regionLabel(r)}
        </option>
      ))}
      {props.value && !known && <option value={props.value}>{props.value}</option>}
    </select>
  );
}

const PROVINCE_FIELDS = ['/code', '/name_th', '/name_en', '/region'];

function AddProvince(props: { onAdded: (p: Province) => void }) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ code: '', name_th: '', name_en: '', region: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempts, setAttempts] = useState(0);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { code: form.code.trim().toUpperCase(), name_th: form.name_th.trim(), name_en: form.name_en.trim(), region: form.region };
      const created = await api.post<Province>('/api/v1/provinces', body);
      props.onAdded(created);
      setForm({ code: '', name_th: '', name_en: '', region: '' });
      setOpen(false);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
      setAttempts((n) => n + 1);
    }
  }

  if (!open) {
    return (
      <div class="page-actions admin-actions">
        <button type="button" class="button button--primary" onClick={() => setOpen(true)}>
          {tr('เพิ่มจังหวัด', 'Add a province')}
        </button>
      </div>
    );
  }
  return (
    <form class="card form form--wide admin-form" onSubmit={submit} aria-labelledby="add-province-title" aria-busy={busy} data-attempts={attempts}>
      <h2 id="add-province-title">{tr('เพิ่มจังหวัด', 'Add a province')}</h2>
      <ProblemView error={withoutShown(error, (p) => PROVINCE_FIELDS.includes(p))} />
      <div class="field-row">
        <Field id="new-province-code" label={tr('รหัสจังหวัด', 'Province code')} hint={tr('ตามมาตรฐาน ISO 3166-2:TH เช่น TH-96', 'ISO 3166-2:TH, e.g. TH-96')} error={errorAt(error, '/code')}>
          <input id="new-province-code" required pattern="TH-[0-9A-Za-z]{2}" value={form.code} onInput={(e) => set('code')(e.currentTarget.value)} />
        </Field>
        <Field id="new-province-region" label={tr('ภาค', 'Region')} error={errorAt(error, '/region')}>
          <RegionSelect id="new-province-region" value={form.region} onChange={set('region')} />
        </Field>
      </div>
      <div class="field-row">
        <Field id="new-province-name-th" label={tr('ชื่อจังหวัด (ภาษาไทย)', 'Name in Thai')} error={errorAt(error, '/name_th')}>
          <input id="new-province-name-th" required lang="th" value={form.name_th} onInput={(e) => set('name_th')(e.currentTarget.value)} />
        </Field>
        <Field id="new-province-name-en" label={tr('ชื่อจังหวัด (ภาษาอังกฤษ)', 'Name in English')} error={errorAt(error, '/name_en')}>
          <input id="new-province-name-en" required lang="en" value={form.name_en} onInput={(e) => set('name_en')(e.currentTarget.value)} />
        </Field>
      </div>
      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? tr('กำลังบันทึก…', 'Saving…') : tr('บันทึกจังหวัด', 'Save the province')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => setOpen(false)}>
          {tr('ยกเลิก', 'Cancel')}
        </button>
      </div>
    </form>
  );
}

function ProvinceRow(props: { province: Province; onSaved: (p: Province) => void; onDeleted: () => void }) {
  const p = props.province;
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({ name_th: p.name_th, name_en: p.name_en, region: p.region });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'save' | 'delete' | null>(null);
  const [attempts, setAttempts] = useState(0);
  const id = `province-${p.code}`;

  async function save(e: Event) {
    e.preventDefault();
    setBusy('save');
    setError(null);
    try {
      const body = { name_th: form.name_th.trim(), name_en: form.name_en.trim(), region: form.region };
      props.onSaved(await api.put<Province>(`/api/v1/provinces/${encodeURIComponent(p.code)}`, body));
      setEditing(false);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(null);
      setAttempts((n) => n + 1);
    }
  }

  async function remove() {
    if (!confirm(tr(`ลบจังหวัด${p.name_th} (${p.code}) ใช่หรือไม่`, `Remove ${p.name_en} (${p.code})?`))) return;
    setBusy('delete');
    setError(null);
    try {
      await api.del(`/api/v1/provinces/${encodeURIComponent(p.code)}`);
      props.onDeleted();
    } catch (err) {
      setError(asApiError(err));
      setBusy(null);
      setAttempts((n) => n + 1);
    }
  }

  const problem = error && (
    <tr class="row-problem">
      <td colSpan={5}>
        <ProblemView error={withoutShown(error, (ptr) => editing && PROVINCE_FIELDS.includes(ptr))} attempt={attempts} />
      </td>
    </tr>
  );

  if (!editing) {
    return (
      <>
        <tr data-province={p.code} data-attempts={attempts}>
          <td>
            <code>{p.code}</code>
          </td>
          <td lang="th">{p.name_th}</td>
          <td lang="en">{p.name_en}</td>
          <td>{regionLabel(p.region)}</td>
          <td class="row-actions">
            <button type="button" class="button button--small" aria-label={tr(`แก้ไขจังหวัด${p.name_th}`, `Edit ${p.name_en}`)}
              onClick={() => {
                setForm({ name_th: p.name_th, name_en: p.name_en, region: p.region });
                setError(null);
                setEditing(true);
              }}>
              {tr('แก้ไข', 'Edit')}
            </button>
            <button type="button" class="button button--small button--danger" disabled={busy !== null}
              aria-label={tr(`ลบจังหวัด${p.name_th}`, `Remove ${p.name_en}`)} onClick={remove}>
              {busy === 'delete' ? tr('กำลังลบ…', 'Removing…') : tr('ลบ', 'Remove')}
            </button>
          </td>
        </tr>
        {problem}
      </>
    );
  }

  const nameThError = errorAt(error, '/name_th');
  const nameEnError = errorAt(error, '/name_en');
  const regionError = errorAt(error, '/region');
  return (
    <>
      <tr data-province={p.code} class="row-editing" data-attempts={attempts}>
        <td>
          <code>{p.code}</code>
        </td>
        <td>
          <label class="sr-only" for={`${id}-name-th`}>
            {tr(`ชื่อภาษาไทยของ ${p.code}`, `Thai name of ${p.code}`)}
          </label>
          <input id={`${id}-name-th`} form={`${id}-form`} required lang="th" value={form.name_th} aria-invalid={!!nameThError}
            onInput={(e) => setForm({ ...form, name_th: e.currentTarget.value })} />
          {nameThError && <small class="field-error">{nameThError}</small>}
        </td>
        <td>
          <label class="sr-only" for={`${id}-name-en`}>
            {tr(`ชื่อภาษาอังกฤษของ ${p.code}`, `English name of ${p.code}`)}
          </label>
          <input id={`${id}-name-en`} form={`${id}-form`} required lang="en" value={form.name_en} aria-invalid={!!nameEnError}
            onInput={(e) => setForm({ ...form, name_en: e.currentTarget.value })} />
          {nameEnError && <small class="field-error">{nameEnError}</small>}
        </td>
        <td>
          <RegionSelect id={`${id}-region`} form={`${id}-form`} label={tr(`ภาคของ ${p.code}`, `Region of ${p.code}`)} value={form.region}
            onChange={(v) => setForm({ ...form, region: v })} />
          {regionError && <small class="field-error">{regionError}</small>}
        </td>
        <td class="row-actions">
          {/* A form cannot wrap table cells, so the inputs join it by its id. */}
          <form id={`${id}-form`} onSubmit={save} class="inline-form">
            <button type="submit" class="button button--small button--primary" disabled={busy !== null}>
              {busy === 'save' ? tr('กำลังบันทึก…', 'Saving…') : tr('บันทึก', 'Save')}
            </button>
            <button type="button" class="button button--small" disabled={busy !== null} onClick={() => setEditing(false)}>
              {tr('ยกเลิก', 'Cancel')}
            </button>
          </form>
        </td>
      </tr>
      {problem}
    </>
  );
}
