// The workflows plans and reports run on, and the panel that publishes a
// definition (a new workflow, or the next version of an existing one).
import { tr, localized } from '../../lib/i18n';
import { href } from '../../lib/router';
import { useAsync } from '../../lib/use-async';
import { Empty, Loading, PageHeader, ProblemView } from '../../components/ui';
import { loadPlanTypes } from './directory';
import { WorkflowEditor } from './workflow-editor';
import { loadWorkflows, type WorkflowSummary } from './workflow-model';
import './admin.css';

export function WorkflowsAdmin() {
  const data = useAsync(async () => {
    const [workflows, planTypes] = await Promise.all([loadWorkflows(), loadPlanTypes()]);
    return { workflows, planTypes };
  }, []);

  const planTypeName = (id: string) => {
    const t = data.data?.planTypes.find((p) => p.id === id);
    return t ? tr(t.name_th, t.name_en) : id;
  };

  return (
    <section>
      <PageHeader title={tr('ขั้นตอนการทำงาน', 'Workflows')} />
      <ProblemView error={data.error} onRetry={data.reload} />
      {data.loading && !data.data && <Loading />}
      {data.data && data.data.workflows.length === 0 && <Empty>{tr('ยังไม่มีขั้นตอนการทำงาน', 'No workflows yet')}</Empty>}
      {data.data && data.data.workflows.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{tr('ขั้นตอนการทำงาน', 'Workflows')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('ชื่อ', 'Title')}</th>
                <th scope="col">{tr('รหัส', 'Id')}</th>
                <th scope="col">{tr('ใช้กับแผน', 'Plan types')}</th>
                <th scope="col" class="number">{tr('ฉบับเริ่มต้น', 'Default version')}</th>
                <th scope="col" class="number">{tr('จำนวนฉบับ', 'Versions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.data.workflows.map((w) => (
                <tr key={w.id} data-workflow={w.id}>
                  <td>
                    <a href={href(`/admin/workflows/${encodeURIComponent(w.id)}`)}>{localized(w.title)}</a>
                  </td>
                  <td>
                    <code>{w.id}</code>
                  </td>
                  <td>{w.plan_types.length ? w.plan_types.map(planTypeName).join(', ') : <span class="muted">{tr('ทุกประเภท', 'Any')}</span>}</td>
                  <td class="number">
                    <DefaultVersion w={w} />
                  </td>
                  <td class="number">{w.latest_version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="card admin-card" id="publish">
        <h2>{tr('เผยแพร่นิยามขั้นตอนการทำงาน', 'Publish a workflow definition')}</h2>
        <p class="muted">
          {tr(
            'วางหรือเปิดไฟล์ JSON ของนิยาม หากต้องการแก้ไขขั้นตอนที่มีอยู่ ให้เปิดขั้นตอนนั้นแล้วเลือก “แก้ไขและเผยแพร่เป็นฉบับใหม่”',
            'Paste or open a definition’s JSON file. To change an existing workflow, open it and choose “Edit and publish as a new version”.',
          )}
        </p>
        <WorkflowEditor idPrefix="publish-workflow" onPublished={() => void data.reload()} />
      </div>
    </section>
  );
}

export function DefaultVersion(props: { w: WorkflowSummary }) {
  const { w } = props;
  return (
    <>
      {tr(`ฉบับที่ ${w.default_version}`, `Version ${w.default_version}`)}
      {w.default_is_latest && <span class="muted small">{tr(' (ล่าสุดเสมอ)', ' (always the latest)')}</span>}
    </>
  );
}
