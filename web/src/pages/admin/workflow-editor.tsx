// The one place a workflow definition is published from: a JSON text the
// administrator types, pastes or opens from a file. Mistakes are shown at
// their line — a syntax error before anything is sent, the server's
// validation findings (JSON pointers) after — and choosing one puts the
// cursor on that line.
import { useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api';
import { tr } from '../../lib/i18n';
import { href } from '../../lib/router';
import { asApiError } from '../../lib/use-async';
import { Notice, ProblemView } from '../../components/ui';
import { lineCount, lineOfPointer, lineRange, position, scanJson, type JsonExpectation, type JsonSyntaxError } from './json-lines';
import { findingText, publishDefinition, type Finding, type PublishResult } from './workflow-model';
import './admin.css';

type Outcome =
  | { kind: 'syntax'; error: JsonSyntaxError }
  | { kind: 'invalid'; problems: Finding[]; warnings: Finding[]; text: string }
  | { kind: 'published'; result: PublishResult; text: string };

function expectationText(e: JsonExpectation): string {
  switch (e) {
    case 'value':
      return tr('ต้องการค่า เช่น ข้อความในเครื่องหมายคำพูด ตัวเลข true false null { หรือ [', 'A value was expected: a quoted string, a number, true, false, null, { or [');
    case 'key':
      return tr('ต้องการชื่อช่องในเครื่องหมายคำพูด เช่น "id" (หรือมีจุลภาคเกินก่อน })', 'A quoted member name such as "id" was expected (or there is a comma too many before })');
    case 'colon':
      return tr('ต้องการเครื่องหมาย : หลังชื่อช่อง', 'A colon was expected after the member name');
    case 'comma-or-end-object':
      return tr('ต้องการเครื่องหมาย , หรือ } (อาจลืมจุลภาคระหว่างช่อง)', 'A comma or } was expected (a comma between members may be missing)');
    case 'comma-or-end-array':
      return tr('ต้องการเครื่องหมาย , หรือ ] (อาจลืมจุลภาคระหว่างรายการ)', 'A comma or ] was expected (a comma between items may be missing)');
    case 'end-of-text':
      return tr('มีข้อความเกินมาหลังจบ JSON', 'There is more text after the end of the JSON');
    case 'string-end':
      return tr('ข้อความไม่มีเครื่องหมายคำพูดปิด หรือขึ้นบรรทัดใหม่กลางข้อความ', 'A string is not closed, or breaks across lines');
    case 'escape':
      return tr('เครื่องหมาย \\ ตามด้วยอักขระที่ใช้ไม่ได้', 'A backslash is followed by a character that cannot be escaped');
    case 'number':
      return tr('ตัวเลขเขียนไม่ถูกต้อง', 'A number is written wrongly');
    case 'too-deep':
      return tr('ซ้อนวงเล็บลึกเกินไป', 'Nested too deeply');
  }
}

interface Placed extends Finding {
  line: number;
  severity: 'error' | 'warning';
}

export function WorkflowEditor(props: {
  idPrefix: string;
  initialText?: string;
  onPublished?: (result: PublishResult) => void;
}) {
  const [text, setText] = useState(props.initialText ?? '');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Counts finished attempts, so a test (or a screen reader's live region) can tell a new answer from an old one.
  const [attempts, setAttempts] = useState(0);
  const [opened, setOpened] = useState<string | null>(null);
  const [caret, setCaret] = useState({ line: 1, column: 1 });
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const id = (name: string) => `${props.idPrefix}-${name}`;

  // Findings follow the text as it is edited; while it is not JSON they stay where they were found.
  const placed = useMemo<Placed[]>(() => {
    if (!outcome || outcome.kind === 'syntax') return [];
    const problems = outcome.kind === 'invalid' ? outcome.problems : [];
    const warnings = outcome.kind === 'invalid' ? outcome.warnings : outcome.result.warnings;
    const current = scanJson(text);
    const source = current.error ? outcome.text : text;
    const scan = current.error ? scanJson(source) : current;
    const place = (severity: Placed['severity']) => (f: Finding): Placed => ({ ...f, severity, line: lineOfPointer(source, f.pointer, scan) });
    return [...problems.map(place('error')), ...warnings.map(place('warning'))].sort((a, b) => a.line - b.line);
  }, [outcome, text]);

  const marks = useMemo(() => {
    const m = new Map<number, 'error' | 'warning'>();
    if (outcome?.kind === 'syntax') m.set(outcome.error.line, 'error');
    for (const p of placed) if (m.get(p.line) !== 'error') m.set(p.line, p.severity);
    return m;
  }, [placed, outcome]);

  const lines = lineCount(text);

  function goToLine(line: number) {
    const ta = area.current;
    if (!ta) return;
    const { start, end } = lineRange(ta.value, line);
    ta.focus();
    ta.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 20;
    ta.scrollTop = Math.max(0, (line - 1) * lineHeight - ta.clientHeight / 3);
    syncGutter();
    setCaret({ line, column: 1 });
  }

  function syncGutter() {
    if (gutter.current && area.current) gutter.current.scrollTop = area.current.scrollTop;
  }

  function trackCaret() {
    const ta = area.current;
    if (ta) setCaret(position(ta.value, ta.selectionStart));
  }

  function replaceText(next: string) {
    setText(next);
    setOutcome(null);
    setFailure(null);
  }

  async function openFile(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (text.trim() && text !== (props.initialText ?? '') &&
      !confirm(tr('แทนที่ข้อความที่แก้ไขไว้ด้วยเนื้อหาของไฟล์ใช่หรือไม่', 'Replace your edits with the file?'))) return;
    try {
      replaceText(await file.text());
      setOpened(file.name);
    } catch (err) {
      setFailure(new ApiError(0, 'bad-request', 'File', err instanceof Error ? err.message : String(err)));
    }
  }

  function format() {
    const scan = scanJson(text);
    if (scan.error) {
      setOutcome({ kind: 'syntax', error: scan.error });
      return;
    }
    setText(JSON.stringify(JSON.parse(text), null, 2));
  }

  async function publish(e: Event) {
    e.preventDefault();
    setFailure(null);
    const scan = scanJson(text);
    if (scan.error) {
      setOutcome({ kind: 'syntax', error: scan.error });
      setAttempts((n) => n + 1);
      return;
    }
    const sent = text;
    setOutcome(null);
    setBusy(true);
    try {
      const result = await publishDefinition(JSON.parse(sent));
      setOutcome({ kind: 'published', result, text: sent });
      props.onPublished?.(result);
    } catch (err) {
      const problem = asApiError(err);
      const body = (problem.body ?? {}) as { errors?: Finding[]; warnings?: Finding[] };
      if (problem.slug === 'invalid-workflow' && Array.isArray(body.errors)) {
        setOutcome({ kind: 'invalid', problems: body.errors, warnings: Array.isArray(body.warnings) ? body.warnings : [], text: sent });
      } else {
        setOutcome(null);
        setFailure(problem);
      }
    } finally {
      setBusy(false);
      setAttempts((n) => n + 1);
    }
  }

  const problemCount = placed.filter((p) => p.severity === 'error').length;
  const warningCount = placed.length - problemCount;

  return (
    <form class="workflow-editor" onSubmit={publish} aria-label={tr('เผยแพร่นิยามขั้นตอนการทำงาน', 'Publish a workflow definition')} aria-busy={busy}
      data-attempts={attempts}>
      <div class="workflow-editor-tools">
        <input id={id('file')} class="file-input" type="file" accept=".json,application/json" onChange={openFile} disabled={busy} />
        <label for={id('file')} class="button button--small">
          {tr('เปิดไฟล์ JSON…', 'Open a JSON file…')}
        </label>
        {opened && <span class="muted small">{tr(`เปิด ${opened} แล้ว`, `Opened ${opened}`)}</span>}
        <button type="button" class="button button--small" onClick={format} disabled={busy || !text.trim()}>
          {tr('จัดรูปแบบ JSON', 'Format the JSON')}
        </button>
        <span class="muted small" aria-live="polite">
          {tr(`บรรทัด ${caret.line} คอลัมน์ ${caret.column} จาก ${lines} บรรทัด`, `Line ${caret.line}, column ${caret.column} of ${lines} lines`)}
        </span>
      </div>
      <label id={id('label')} for={id('json')} class="editor-label">
        {tr('นิยามขั้นตอนการทำงาน (JSON)', 'Workflow definition (JSON)')}
      </label>
      <div class="json-editor">
        <div class="json-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lines }, (_, k) => {
            const mark = marks.get(k + 1);
            const cls = `json-gutter-line${mark ? ` json-gutter-line--${mark}` : ''}${caret.line === k + 1 ? ' json-gutter-line--current' : ''}`;
            return (
              <div key={k} class={cls}>
                {k + 1}
              </div>
            );
          })}
        </div>
        <textarea id={id('json')} ref={area} class="json-text" wrap="off" spellcheck={false} autoComplete="off" autoCapitalize="none"
          value={text} aria-describedby={id('hint')} aria-invalid={outcome?.kind === 'syntax' || problemCount > 0}
          onInput={(e) => {
            setText(e.currentTarget.value);
            if (outcome && outcome.kind !== 'invalid') setOutcome(null);
            trackCaret();
          }}
          onScroll={syncGutter} onKeyUp={trackCaret} onClick={trackCaret} onSelect={trackCaret} />
      </div>
      <small id={id('hint')} class="hint">
        {tr('รูปแบบตาม workflows/README.md การเผยแพร่ id เดิมจะได้ฉบับใหม่ ฉบับเดิมไม่เปลี่ยน', 'Format as in workflows/README.md. Publishing an existing id makes its next version; earlier versions never change.')}
      </small>

      {outcome?.kind === 'syntax' && (
        <div class="alert alert--error" role="alert" data-problem="json-syntax">
          <strong>{tr('ข้อความนี้ยังไม่ใช่ JSON ที่ถูกต้อง จึงยังไม่ได้ส่ง', 'This text is not valid JSON yet, so nothing was sent')}</strong>
          <ul class="json-problems">
            <li>
              <button type="button" class="link-button" onClick={() => goToLine(outcome.error.line)} data-line={outcome.error.line}>
                {tr(`บรรทัด ${outcome.error.line} คอลัมน์ ${outcome.error.column}`, `Line ${outcome.error.line}, column ${outcome.error.column}`)}
              </button>{' '}
              {expectationText(outcome.error.expected)}
              {outcome.error.found && (
                <span class="muted">
                  {' '}
                  {tr('พบ', 'found')} <code>{outcome.error.found}</code>
                </span>
              )}
            </li>
          </ul>
        </div>
      )}

      {outcome?.kind === 'invalid' && (
        <div class="alert alert--error" role="alert" data-problem="invalid-workflow">
          <strong>
            {tr(`นิยามนี้มีข้อผิดพลาด ${problemCount} รายการ ยังไม่ได้เผยแพร่`, `This definition has ${problemCount} problem(s); it was not published`)}
          </strong>
          <FindingList findings={placed.filter((p) => p.severity === 'error')} onPick={goToLine} />
        </div>
      )}
      {outcome && outcome.kind !== 'syntax' && warningCount > 0 && (
        <div class="alert alert--warn" role="status" data-problem="workflow-warnings">
          <strong>{tr(`ข้อสังเกต ${warningCount} รายการ (เผยแพร่ได้ แต่ควรตรวจสอบ)`, `${warningCount} warning(s) (allowed, but worth a look)`)}</strong>
          <FindingList findings={placed.filter((p) => p.severity === 'warning')} onPick={goToLine} />
        </div>
      )}
      {outcome?.kind === 'published' && (
        <Notice kind="ok">
          {tr(`เผยแพร่ ${outcome.result.id} ฉบับที่ ${outcome.result.version} แล้ว`, `Published ${outcome.result.id} version ${outcome.result.version}`)}{' '}
          <a href={href(`/admin/workflows/${encodeURIComponent(outcome.result.id)}?version=${outcome.result.version}`)}>
            {tr('ดูฉบับนี้', 'View this version')}
          </a>
        </Notice>
      )}
      <ProblemView error={failure} />

      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={busy || !text.trim()}>
          {busy ? tr('กำลังเผยแพร่…', 'Publishing…') : tr('เผยแพร่', 'Publish')}
        </button>
      </div>
    </form>
  );
}

function FindingList(props: { findings: Placed[]; onPick: (line: number) => void }) {
  return (
    <ul class="json-problems">
      {props.findings.map((f, k) => (
        <li key={`${f.pointer}|${f.code}|${k}`} data-code={f.code} data-line={f.line}>
          <button type="button" class="link-button" onClick={() => props.onPick(f.line)}>
            {tr(`บรรทัด ${f.line}`, `Line ${f.line}`)}
          </button>{' '}
          <strong>{findingText(f.code)}</strong> <span class="finding-detail">{f.detail}</span> <code>{f.pointer || '/'}</code>
        </li>
      ))}
    </ul>
  );
}
