// One workflow: its published versions, which one new plans start on, and
// the chosen version drawn as a diagram with its transitions in a table.
// A changed copy of a version is published from here as the next version.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../lib/api';
import { localized, tr } from '../../lib/i18n';
import { href, navigate } from '../../lib/router';
import { formatDateTime } from '../../lib/thai';
import { attempted, cleared, NO_ATTEMPTS } from '../../lib/attempts';
import { asApiError, useAsync } from '../../lib/use-async';
import { Empty, Loading, Notice, PageHeader, ProblemView } from '../../components/ui';
import { loadUsers, roleLabel } from './directory';
import { WorkflowDiagram } from './workflow-diagram';
import { WorkflowEditor } from './workflow-editor';
import {
  guardText,
  loadVersion,
  loadVersions,
  loadWorkflows,
  setDefaultVersion,
  type Definition,
  type VersionInfo,
  type WorkflowSummary,
} from './workflow-model';
import { DefaultVersion } from './workflows';
import './admin.css';

export function WorkflowPage(props: { id: string; version?: string }) {
  const meta = useAsync(async () => {
    const [workflows, versions, users] = await Promise.all([
      loadWorkflows(),
      loadVersions(props.id),
      loadUsers().catch(() => []),
    ]);
    return { summary: workflows.find((w) => w.id === props.id) ?? null, versions, users };
  }, [props.id]);
  // Numbered so an earlier notice is not taken for the answer to the latest step.
  const [notices, setNotices] = useState(NO_ATTEMPTS);
  const say = (notice: string, text: string) => setNotices((a) => attempted(a, { notice, text }));
  const [editing, setEditing] = useState(false);

  const summary = meta.data?.summary;
  const asked = Number(props.version);
  const chosen = Number.isInteger(asked) && asked > 0 ? asked : summary?.default_version ?? 0;
  const version = useAsync(async () => (chosen ? loadVersion(props.id, chosen) : null), [props.id, chosen]);

  return (
    <section data-attempts={notices.count}>
      <p class="breadcrumb">
        <a href={href('/admin/workflows')}>{tr('ขั้นตอนการทำงานทั้งหมด', 'All workflows')}</a>
      </p>
      <PageHeader title={summary ? localized(summary.title) : props.id}>
        {version.data && !editing && (
          <button type="button" class="button button--primary" onClick={() => {
            setNotices(cleared);
            setEditing(true);
          }}>
            {tr('แก้ไขและเผยแพร่เป็นฉบับใหม่', 'Edit and publish as a new version')}
          </button>
        )}
      </PageHeader>
      <ProblemView error={meta.error} onRetry={meta.reload} />
      {meta.loading && !meta.data && <Loading />}
      {notices.said && <Notice kind="ok" said={notices.said}>{notices.said.text}</Notice>}
      {meta.data && !summary && <Empty>{tr('ไม่พบขั้นตอนการทำงานนี้', 'There is no such workflow')}</Empty>}
      {summary && meta.data && (
        <Versions
          summary={summary}
          versions={meta.data.versions}
          users={meta.data.users}
          chosen={chosen}
          onDefaultSet={async (v) => {
            // Said once the page shows the new default.
            await meta.reload();
            say('default-set', v ? tr(`ตั้งฉบับที่ ${v} เป็นฉบับเริ่มต้นแล้ว แผนใหม่จะใช้ฉบับนี้`, `Version ${v} is now the default for new plans`)
              : tr('แผนใหม่จะใช้ฉบับล่าสุดเสมอ', 'New plans will follow the latest version'));
          }}
        />
      )}

      {editing && version.data && (
        <EditorPanel
          definition={version.data.definition}
          version={version.data.version}
          onCancel={() => setEditing(false)}
          onPublished={(published) => {
            setEditing(false);
            say('published', tr(`เผยแพร่ฉบับที่ ${published} แล้ว (ยังไม่ได้ตั้งเป็นฉบับเริ่มต้น)`, `Published version ${published} (not yet the default)`));
            void meta.reload();
            navigate(`/admin/workflows/${encodeURIComponent(props.id)}?version=${published}`);
          }}
        />
      )}

      <ProblemView error={version.error} onRetry={version.reload} />
      {version.loading && !version.data && chosen > 0 && <Loading label={tr('กำลังโหลดนิยาม…', 'Loading the definition…')} />}
      {version.data && (
        <>
          <h2>{tr(`แผนภาพฉบับที่ ${version.data.version}`, `Version ${version.data.version} as a diagram`)}</h2>
          <Facts d={version.data.definition} />
          <WorkflowDiagram definition={version.data.definition} version={version.data.version} />
          <h2>{tr('การดำเนินการ', 'Transitions')}</h2>
          <TransitionTable d={version.data.definition} />
        </>
      )}
    </section>
  );
}

function EditorPanel(props: { definition: Definition; version: number; onCancel: () => void; onPublished: (version: number) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <div class="card admin-card">
      <h2 tabIndex={-1} ref={heading}>
        {tr(`แก้ไขจากฉบับที่ ${props.version} แล้วเผยแพร่เป็นฉบับใหม่`, `Edit version ${props.version} and publish it as a new version`)}
      </h2>
      <WorkflowEditor
        idPrefix="edit-workflow"
        initialText={JSON.stringify(props.definition, null, 2)}
        onPublished={(r) => props.onPublished(r.version)}
      />
      <button type="button" class="button" onClick={() => {
        if (confirm(tr('ปิดตัวแก้ไขโดยไม่เผยแพร่ใช่หรือไม่ ข้อความที่แก้ไขไว้จะหายไป', 'Close the editor without publishing? Your edits will be lost.'))) props.onCancel();
      }}>
        {tr('ปิดโดยไม่เผยแพร่', 'Close without publishing')}
      </button>
    </div>
  );
}

function Versions(props: {
  summary: WorkflowSummary;
  versions: VersionInfo[];
  users: { id: number; display_name: string }[];
  chosen: number;
  onDefaultSet: (version: number) => Promise<void>;
}) {
  const { summary } = props;
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function choose(version: number) {
    setBusy(version);
    setError(null);
    try {
      await setDefaultVersion(summary.id, version);
      await props.onDefaultSet(version);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(null);
    }
  }

  const pinned = (v: number) => !summary.default_is_latest && summary.default_version === v;
  const who = (v: VersionInfo) => {
    if (v.origin === 'builtin') return tr('ติดตั้งมากับระบบ', 'Built in');
    const u = props.users.find((x) => x.id === v.published_by);
    return u ? u.display_name : tr(`ผู้ใช้ #${v.published_by}`, `User #${v.published_by}`);
  };

  return (
    <>
      <h2>{tr('ฉบับที่เผยแพร่', 'Published versions')}</h2>
      <p>
        {tr('แผนใหม่เริ่มที่: ', 'New plans start on: ')}
        <strong data-testid="default-version" data-version={summary.default_version} data-follows-latest={summary.default_is_latest}>
          <DefaultVersion w={summary} />
        </strong>
        <span class="muted">
          {tr(' — แผนที่เริ่มไปแล้วใช้ฉบับเดิมจนจบ', ' — plans already started keep their version to the end')}
        </span>
      </p>
      <ProblemView error={error} />
      <div class="table-wrap">
        <table class="versions-table">
          <caption class="sr-only">{tr('ฉบับที่เผยแพร่', 'Published versions')}</caption>
          <thead>
            <tr>
              <th scope="col" class="number">{tr('ฉบับที่', 'Version')}</th>
              <th scope="col">{tr('เผยแพร่เมื่อ', 'Published')}</th>
              <th scope="col">{tr('โดย', 'By')}</th>
              <th scope="col">SHA-256</th>
              <th scope="col">{tr('สถานะ', 'Status')}</th>
              <th scope="col">{tr('จัดการ', 'Manage')}</th>
            </tr>
          </thead>
          <tbody>
            {[...props.versions].sort((a, b) => b.version - a.version).map((v) => (
              <tr key={v.version} data-version={v.version} aria-current={v.version === props.chosen ? 'true' : undefined}
                class={v.version === props.chosen ? 'row-current' : undefined}>
                <td class="number">{v.version}</td>
                <td>{formatDateTime(v.published_at)}</td>
                <td>{who(v)}</td>
                <td>
                  <code title={v.content_sha256}>{v.content_sha256.slice(0, 12)}</code>
                </td>
                <td class="badges">
                  {v.version === summary.default_version && <span class="badge badge--green">{tr('ฉบับเริ่มต้น', 'Default')}</span>}
                  {v.version === summary.latest_version && <span class="badge badge--blue">{tr('ล่าสุด', 'Latest')}</span>}
                  {v.version === props.chosen && <span class="badge badge--grey">{tr('กำลังแสดง', 'Shown')}</span>}
                </td>
                <td class="row-actions">
                  {v.version !== props.chosen && (
                    <a class="button button--small" href={href(`/admin/workflows/${encodeURIComponent(summary.id)}?version=${v.version}`)}>
                      {tr(`ดูฉบับที่ ${v.version}`, `View version ${v.version}`)}
                    </a>
                  )}
                  {!pinned(v.version) && (
                    <button type="button" class="button button--small" disabled={busy !== null} onClick={() => choose(v.version)}>
                      {busy === v.version ? tr('กำลังบันทึก…', 'Saving…') : tr(`ตั้งฉบับที่ ${v.version} เป็นฉบับเริ่มต้น`, `Make version ${v.version} the default`)}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!summary.default_is_latest && (
        <button type="button" class="button button--small" disabled={busy !== null} onClick={() => choose(0)}>
          {busy === 0 ? tr('กำลังบันทึก…', 'Saving…') : tr('ให้แผนใหม่ใช้ฉบับล่าสุดเสมอ', 'Let new plans always follow the latest version')}
        </button>
      )}
    </>
  );
}

function Facts(props: { d: Definition }) {
  const d = props.d;
  const initial = d.stages.find((s) => s.id === d.initial_stage);
  return (
    <dl class="facts">
      <dt>{tr('รหัส', 'Id')}</dt>
      <dd>
        <code>{d.id}</code>
      </dd>
      <dt>{tr('ขั้นตอนเริ่มต้น', 'Initial stage')}</dt>
      <dd>{initial ? localized(initial.title) : d.initial_stage}</dd>
      <dt>{tr('ส่งกลับแก้ไขได้สูงสุด', 'Revision rounds')}</dt>
      <dd>{d.max_revision_rounds ? tr(`${d.max_revision_rounds} รอบ`, `${d.max_revision_rounds}`) : tr('ไม่จำกัด', 'No limit')}</dd>
    </dl>
  );
}

function TransitionTable(props: { d: Definition }) {
  const d = props.d;
  const stageTitle = (id: string) => {
    const s = d.stages.find((x) => x.id === id);
    return s ? localized(s.title) : id;
  };
  return (
    <div class="table-wrap">
      <table class="transitions-table">
        <caption class="sr-only">{tr('การดำเนินการของขั้นตอนการทำงานนี้', 'The transitions of this workflow')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('การดำเนินการ', 'Action')}</th>
            <th scope="col">{tr('จาก', 'From')}</th>
            <th scope="col">{tr('ไปยัง', 'To')}</th>
            <th scope="col">{tr('ผู้ดำเนินการได้', 'Roles')}</th>
            <th scope="col">{tr('เงื่อนไข', 'Guards')}</th>
            <th scope="col">{tr('ต้องระบุเหตุผล', 'Comment required')}</th>
            <th scope="col">{tr('ลงนาม', 'Signature')}</th>
          </tr>
        </thead>
        <tbody>
          {d.transitions.map((t, k) => (
            <tr key={k} data-action={t.action}>
              <td>
                {localized(t.title)}
                <div class="muted small">
                  <code>{t.action}</code>
                </div>
              </td>
              <td>{stageTitle(t.from)}</td>
              <td>{stageTitle(t.to)}</td>
              <td>{t.roles.map((r) => roleLabel(r)).join(', ')}</td>
              <td>{t.guards?.length ? t.guards.map(guardText).join('; ') : <span class="muted">—</span>}</td>
              <td>{t.comment_required ? tr('ต้องระบุ', 'Yes') : <span class="muted">{tr('ไม่ต้อง', 'No')}</span>}</td>
              <td>{t.signature ? tr('✍ ลงนาม', '✍ Yes') : <span class="muted">{tr('ไม่ลงนาม', 'No')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
