// The agencies of one province at a time: the administrator picks the
// province, sees its agencies, adds one and corrects names.
import { useMemo, useState } from 'preact/hooks';
import { api, type ApiError } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { attempted, cleared, NO_ATTEMPTS } from '../../lib/attempts';
import { asApiError, useAsync } from '../../lib/use-async';
import { Empty, Field, Loading, Notice, PageHeader, ProblemView } from '../../components/ui';
import { byThaiName, loadAgencies, loadProvinces, provinceName, type Agency, type Province } from './directory';
import { errorAt, withoutShown } from './field-errors';
import './admin.css';

const AGENCY_FIELDS = ['/name_th', '/name_en'];

export function AgenciesAdmin() {
  // Both lists at once: the whole directory tells which provinces already have agencies.
  const directory = useAsync(async () => {
    const [provinces, agencies] = await Promise.all([loadProvinces(), loadAgencies()]);
    return { provinces, agencies };
  }, []);
  const [picked, setProvince] = useState('');
  // The page's notices answer what its forms and rows did; numbered so an earlier one is not taken for the latest.
  const [notices, setNotices] = useState(NO_ATTEMPTS);
  const say = (notice: string, text: string) => setNotices((a) => attempted(a, { notice, text }));

  const provinces = useMemo(() => [...(directory.data?.provinces ?? [])].sort(byThaiName), [directory.data]);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const a of directory.data?.agencies ?? []) m.set(a.province, (m.get(a.province) ?? 0) + 1);
    return m;
  }, [directory.data]);

  // Until one is picked, the first province that has agencies: chosen as the list is drawn, so a pick made
  // right after it appears is never overridden.
  const province = picked || (provinces.find((p) => counts.has(p.code))?.code ?? '');

  const agencies = useMemo(
    () => (directory.data?.agencies ?? []).filter((a) => a.province === province).sort((a, b) => a.name_th.localeCompare(b.name_th, 'th')),
    [directory.data, province],
  );
  const chosen = provinces.find((p) => p.code === province);

  function upsert(next: Agency) {
    if (!directory.data) return;
    const others = directory.data.agencies.filter((a) => a.id !== next.id);
    directory.setData({ ...directory.data, agencies: [...others, next] });
  }

  return (
    <section data-attempts={notices.count}>
      <PageHeader title={tr('หน่วยงาน', 'Agencies')} />
      <ProblemView error={directory.error} onRetry={directory.reload} />
      {directory.loading && !directory.data && <Loading />}
      {directory.data && (
        <>
          <div class="card">
            <Field id="agency-province" label={tr('จังหวัด', 'Province')} hint={tr('ตัวเลขในวงเล็บคือจำนวนหน่วยงานที่มีแล้ว', 'The number in brackets is how many agencies it has')}>
              <select id="agency-province" value={province} onChange={(e) => {
                setProvince(e.currentTarget.value);
                setNotices(cleared);
              }}>
                {!province && <option value="">{tr('— เลือกจังหวัด —', '— Choose a province —')}</option>}
                {provinces.map((p) => (
                  <option key={p.code} value={p.code}>
                    {`${provinceName(p, p.code)} (${counts.get(p.code) ?? 0})`}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {notices.said && <Notice kind="ok" said={notices.said}>{notices.said.text}</Notice>}
          {!chosen && <Empty>{tr('เลือกจังหวัดเพื่อดูและเพิ่มหน่วยงาน', 'Choose a province to see and add its agencies')}</Empty>}
          {chosen && (
            <>
              <h2>{tr(`หน่วยงานในจังหวัด${chosen.name_th}`, `Agencies of ${chosen.name_en}`)}</h2>
              {agencies.length === 0 ? (
                <Empty>{tr('จังหวัดนี้ยังไม่มีหน่วยงาน', 'This province has no agencies yet')}</Empty>
              ) : (
                <div class="table-wrap">
                  <table>
                    <caption class="sr-only">{tr(`หน่วยงานในจังหวัด${chosen.name_th}`, `Agencies of ${chosen.name_en}`)}</caption>
                    <thead>
                      <tr>
                        <th scope="col" class="number">{tr('รหัส', 'Id')}</th>
                        <th scope="col">{tr('ชื่อหน่วยงาน (ภาษาไทย)', 'Name in Thai')}</th>
                        <th scope="col">{tr('ชื่อหน่วยงาน (ภาษาอังกฤษ)', 'Name in English')}</th>
                        <th scope="col">{tr('จัดการ', 'Manage')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {agencies.map((a) => (
                        <AgencyRow key={a.id} agency={a} onSaved={(next) => {
                          upsert(next);
                          say('agency-saved', tr(`บันทึก ${next.name_th} แล้ว`, `Saved ${next.name_en || next.name_th}`));
                        }} />
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <AddAgency province={chosen} onAdded={(a) => {
                upsert(a);
                say('agency-added', tr(`เพิ่มหน่วยงาน ${a.name_th} แล้ว`, `Added ${a.name_en || a.name_th}`));
              }} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function AddAgency(props: { province: Province; onAdded: (a: Agency) => void }) {
  const [nameTh, setNameTh] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempts, setAttempts] = useState(0);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { province: props.province.code, name_th: nameTh.trim(), name_en: nameEn.trim() || null };
      props.onAdded(await api.post<Agency>('/api/v1/agencies', body));
      setNameTh('');
      setNameEn('');
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
      setAttempts((n) => n + 1);
    }
  }

  return (
    <form class="card form admin-form" onSubmit={submit} aria-labelledby="add-agency-title" aria-busy={busy} data-attempts={attempts}>
      <h2 id="add-agency-title">{tr(`เพิ่มหน่วยงานในจังหวัด${props.province.name_th}`, `Add an agency to ${props.province.name_en}`)}</h2>
      <ProblemView error={withoutShown(error, (p) => AGENCY_FIELDS.includes(p))} />
      <Field id="new-agency-name-th" label={tr('ชื่อหน่วยงาน (ภาษาไทย)', 'Name in Thai')} error={errorAt(error, '/name_th')}>
        <input id="new-agency-name-th" required lang="th" value={nameTh} onInput={(e) => setNameTh(e.currentTarget.value)} />
      </Field>
      <Field id="new-agency-name-en" label={tr('ชื่อหน่วยงาน (ภาษาอังกฤษ)', 'Name in English')} hint={tr('ไม่บังคับ', 'Optional')} error={errorAt(error, '/name_en')}>
        <input id="new-agency-name-en" lang="en" value={nameEn} onInput={(e) => setNameEn(e.currentTarget.value)} />
      </Field>
      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? tr('กำลังเพิ่ม…', 'Adding…') : tr('เพิ่มหน่วยงาน', 'Add the agency')}
        </button>
      </div>
    </form>
  );
}

function AgencyRow(props: { agency: Agency; onSaved: (a: Agency) => void }) {
  const a = props.agency;
  const [editing, setEditing] = useState(false);
  const [nameTh, setNameTh] = useState(a.name_th);
  const [nameEn, setNameEn] = useState(a.name_en);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `agency-${a.id}`;

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { province: a.province, name_th: nameTh.trim(), name_en: nameEn.trim() || null };
      props.onSaved(await api.put<Agency>(`/api/v1/agencies/${a.id}`, body));
      setEditing(false);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  if (!editing) {
    return (
      <tr data-agency={a.id}>
        <td class="number">{a.id}</td>
        <td lang="th">{a.name_th}</td>
        <td lang="en">{a.name_en || <span class="muted">—</span>}</td>
        <td class="row-actions">
          <button type="button" class="button button--small" aria-label={tr(`แก้ไข ${a.name_th}`, `Edit ${a.name_en || a.name_th}`)}
            onClick={() => {
              setNameTh(a.name_th);
              setNameEn(a.name_en);
              setError(null);
              setEditing(true);
            }}>
            {tr('แก้ไข', 'Edit')}
          </button>
        </td>
      </tr>
    );
  }
  const thError = errorAt(error, '/name_th');
  const enError = errorAt(error, '/name_en');
  return (
    <>
      <tr data-agency={a.id} class="row-editing">
        <td class="number">{a.id}</td>
        <td>
          <label class="sr-only" for={`${id}-name-th`}>
            {tr('ชื่อหน่วยงาน (ภาษาไทย)', 'Name in Thai')}
          </label>
          <input id={`${id}-name-th`} form={`${id}-form`} required lang="th" value={nameTh} aria-invalid={!!thError}
            onInput={(e) => setNameTh(e.currentTarget.value)} />
          {thError && <small class="field-error">{thError}</small>}
        </td>
        <td>
          <label class="sr-only" for={`${id}-name-en`}>
            {tr('ชื่อหน่วยงาน (ภาษาอังกฤษ)', 'Name in English')}
          </label>
          <input id={`${id}-name-en`} form={`${id}-form`} lang="en" value={nameEn} aria-invalid={!!enError}
            onInput={(e) => setNameEn(e.currentTarget.value)} />
          {enError && <small class="field-error">{enError}</small>}
        </td>
        <td class="row-actions">
          <form id={`${id}-form`} onSubmit={save} class="inline-form">
            <button type="submit" class="button button--small button--primary" disabled={busy}>
              {busy ? tr('กำลังบันทึก…', 'Saving…') : tr('บันทึก', 'Save')}
            </button>
            <button type="button" class="button button--small" disabled={busy} onClick={() => setEditing(false)}>
              {tr('ยกเลิก', 'Cancel')}
            </button>
          </form>
        </td>
      </tr>
      {error && (
        <tr class="row-problem">
          <td colSpan={4}>
            <ProblemView error={withoutShown(error, (p) => AGENCY_FIELDS.includes(p))} />
          </td>
        </tr>
      )}
    </>
  );
}
