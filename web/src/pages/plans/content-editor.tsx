// The plan content as forms, drawn from the plan type's schema: nested
// lists open and close, numbers accept Thai numerals, and every finding is
// shown at the field it concerns.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { lang, tr } from '../../lib/i18n';
import { isWithin, joinPointer } from '../../lib/pointer';
import { placeOf } from './place';
import { parseNumber, toArabicDigits } from '../../lib/thai';
import { emptyValue, enumOptions, isHidden, isLongText, isNullable, itemCaption, kindOf, labelOf, resolve, type Schema } from './schema';
import type { Finding } from './types';
import { patched, rankAgencies, type AgencyRef, type DirectoryAgency } from './agency-ref';

interface EditorContext {
  root: Schema;
  readOnly: boolean;
  findingsAt: (pointer: string) => Finding[];
  errorsWithin: (pointer: string) => number;
  change: (pointer: string, value: unknown) => void;
  onComment?: (pointer: string) => void;
  /** The plan's province's agencies, for agency references. */
  agencies: DirectoryAgency[];
  /** Adds a name to the directory (administrators only) and gives its id. */
  addAgency?: (name: string) => Promise<number>;
}

const Ctx = createContext<EditorContext | null>(null);

export function fieldId(pointer: string): string {
  return `field${pointer.replace(/[^A-Za-z0-9]/g, '_')}`;
}

export function FindingList(props: { findings: Finding[] }) {
  if (props.findings.length === 0) return null;
  return (
    <div class="findings">
      {props.findings.map((f, i) => (
        <div key={f.code + i} class={`finding finding--${f.severity}`} data-finding={f.code} role={f.severity === 'error' ? 'alert' : undefined}>
          <strong>{f.severity === 'error' ? tr('ข้อผิดพลาด', 'Error') : f.severity === 'warning' ? tr('คำเตือน', 'Warning') : tr('หมายเหตุ', 'Note')}:</strong>{' '}
          {lang() === 'th' ? f.message_th : f.message_en}
        </div>
      ))}
    </div>
  );
}

export function ContentEditor(props: {
  schema: Schema;
  value: Record<string, unknown>;
  readOnly: boolean;
  findings: Finding[];
  onChange: (pointer: string, value: unknown) => void;
  onComment?: (pointer: string) => void;
  agencies?: DirectoryAgency[];
  addAgency?: (name: string) => Promise<number>;
}) {
  const placed = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of props.findings) {
      const at = placeOf(props.value, f.path);
      map.set(at, [...(map.get(at) ?? []), f]);
    }
    return map;
  }, [props.findings, props.value]);
  const ctx: EditorContext = {
    root: props.schema,
    readOnly: props.readOnly,
    findingsAt: (pointer) => placed.get(pointer) ?? [],
    errorsWithin: (pointer) => props.findings.filter((f) => f.severity === 'error' && isWithin(f.path, pointer)).length,
    change: props.onChange,
    onComment: props.onComment,
    agencies: props.agencies ?? [],
    addAgency: props.addAgency,
  };
  return (
    <Ctx.Provider value={ctx}>
      <div class="content-editor">
        <ObjectFields schema={resolve(props.schema, props.schema)} pointer="" value={props.value} depth={0} />
      </div>
    </Ctx.Provider>
  );
}

function useEditor(): EditorContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('editor context missing');
  return ctx;
}

function Node(props: { name: string; schema: Schema; pointer: string; value: unknown; depth: number; required: boolean }) {
  const { root } = useEditor();
  const schema = resolve(root, props.schema);
  switch (kindOf(schema)) {
    case 'object':
      return (
        <fieldset class="group" data-pointer={props.pointer}>
          <legend>{labelOf(root, props.name)}</legend>
          <ObjectFields schema={schema} pointer={props.pointer} value={props.value as Record<string, unknown>} depth={props.depth} />
        </fieldset>
      );
    case 'map':
      return <MapField {...props} schema={schema} />;
    case 'array': {
      const items = resolve(root, schema.items);
      if (items['x-planflow-widget'] === 'agency') return <AgencyList {...props} schema={schema} />;
      const kind = kindOf(items);
      return kind === 'object' ? <ObjectList {...props} schema={schema} /> : <ScalarList {...props} schema={schema} />;
    }
    default:
      return <Scalar {...props} schema={schema} />;
  }
}

function ObjectFields(props: { schema: Schema; pointer: string; value: Record<string, unknown> | undefined; depth: number }) {
  const { root, findingsAt } = useEditor();
  const isScalar = (raw: Schema) => {
    const kind = kindOf(resolve(root, raw));
    return kind !== 'object' && kind !== 'array' && kind !== 'map';
  };
  const value = props.value ?? {};
  const properties = Object.entries((props.schema.properties ?? {}) as Record<string, Schema>);
  const required = new Set<string>(props.schema.required ?? []);
  const scalars = properties.filter(([name, s]) => !isHidden(name) && isScalar(s));
  const nested = properties.filter(([name, s]) => !isHidden(name) && !isScalar(s) && (required.has(name) || value[name] !== undefined));
  return (
    <>
      <FindingList findings={findingsAt(props.pointer)} />
      {scalars.length > 0 && (
        <div class="field-row">
          {scalars.map(([name, s]) => (
            <Node key={name} name={name} schema={s} pointer={joinPointer(props.pointer, name)} value={value[name]} depth={props.depth + 1} required={required.has(name)} />
          ))}
        </div>
      )}
      {nested.map(([name, s]) => (
        <Node key={name} name={name} schema={s} pointer={joinPointer(props.pointer, name)} value={value[name]} depth={props.depth + 1} required={required.has(name)} />
      ))}
    </>
  );
}

/**
 * A list item that opens and closes. It opens by itself when an error
 * appears inside, and otherwise stays as the officer left it: fixing the
 * last error of a section must not snap it shut under the cursor.
 */
function NodeDetails(props: { pointer: string; initiallyOpen: boolean; hasErrors: boolean; children: ComponentChildren }) {
  const [open, setOpen] = useState(props.initiallyOpen || props.hasErrors);
  useEffect(() => {
    if (props.hasErrors) setOpen(true);
  }, [props.hasErrors]);
  return (
    <details class="node" open={open} data-pointer={props.pointer}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      {props.children}
    </details>
  );
}

function ObjectList(props: { name: string; schema: Schema; pointer: string; value: unknown; depth: number }) {
  const { root, readOnly, change, findingsAt, errorsWithin, onComment } = useEditor();
  const list = Array.isArray(props.value) ? props.value : [];
  const itemSchema = resolve(root, props.schema.items);
  const label = labelOf(root, props.name);
  const move = (from: number, to: number) => {
    const next = [...list];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    change(props.pointer, next);
  };
  return (
    <section class="list" data-pointer={props.pointer} aria-label={label}>
      <h3 class="list-title">
        {label} <span class="muted">({list.length})</span>
      </h3>
      <FindingList findings={findingsAt(props.pointer)} />
      {list.map((item, i) => {
        const pointer = joinPointer(props.pointer, i);
        const errors = errorsWithin(pointer);
        return (
          <NodeDetails key={i} pointer={pointer} initiallyOpen={props.depth < 2} hasErrors={errors > 0}>
            <summary>
              <span>{itemCaption(root, props.name, i, item)}</span>
              {errors > 0 && <span class="badge badge--red">{tr(`${errors} ข้อผิดพลาด`, `${errors} error(s)`)}</span>}
            </summary>
            <div class="node-body">
              <ObjectFields schema={itemSchema} pointer={pointer} value={item as Record<string, unknown>} depth={props.depth + 1} />
              <div class="node-tools">
                {!readOnly && (
                  <>
                    <button type="button" class="button button--small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                      {tr('เลื่อนขึ้น', 'Move up')}
                    </button>
                    <button type="button" class="button button--small" disabled={i === list.length - 1} onClick={() => move(i, i + 1)}>
                      {tr('เลื่อนลง', 'Move down')}
                    </button>
                    <button type="button" class="button button--small button--danger" onClick={() => {
                      if (confirm(tr(`ลบ "${itemCaption(root, props.name, i, item)}" ?`, `Remove "${itemCaption(root, props.name, i, item)}"?`))) {
                        change(props.pointer, list.filter((_, j) => j !== i));
                      }
                    }}>
                      {tr('ลบ', 'Remove')}
                    </button>
                  </>
                )}
                {onComment && (
                  <button type="button" class="button button--small" onClick={() => onComment(pointer)}>
                    {tr('แสดงความคิดเห็นที่ส่วนนี้', 'Comment on this part')}
                  </button>
                )}
              </div>
            </div>
          </NodeDetails>
        );
      })}
      {!readOnly && (
        <button type="button" class="button button--small" onClick={() => change(props.pointer, [...list, emptyValue(root, itemSchema)])}>
          + {tr(`เพิ่ม${label}`, `Add ${label.toLowerCase()}`)}
        </button>
      )}
    </section>
  );
}

/**
 * Agencies as the document names them, each linked (or to be linked) to the
 * province's directory: the name as written, the directory agency (nearest
 * names first), a sub-unit, and whether it names a group rather than one
 * agency. The server's findings (not linked, not in the directory) show on
 * the row they concern.
 */
function AgencyList(props: { name: string; schema: Schema; pointer: string; value: unknown }) {
  const { root, readOnly, change, findingsAt } = useEditor();
  const list = (Array.isArray(props.value) ? props.value : []) as AgencyRef[];
  const label = labelOf(root, props.name);
  return (
    <fieldset class="group agency-list" data-pointer={props.pointer}>
      <legend>{label}</legend>
      <FindingList findings={findingsAt(props.pointer)} />
      {list.map((ref, i) => (
        <AgencyRow key={i} label={`${label} ${i + 1}`} pointer={joinPointer(props.pointer, i)} value={ref}
          onChange={(next) => change(props.pointer, list.map((r, j) => (j === i ? next : r)))}
          onRemove={() => change(props.pointer, list.filter((_, j) => j !== i))} />
      ))}
      {!readOnly && (
        <button type="button" class="button button--small" onClick={() => change(props.pointer, [...list, { name: '' }])}>
          + {tr(`เพิ่ม${label}`, `Add ${label.toLowerCase()}`)}
        </button>
      )}
    </fieldset>
  );
}

function AgencyRow(props: { label: string; pointer: string; value: AgencyRef; onChange: (next: AgencyRef) => void; onRemove: () => void }) {
  const { readOnly, findingsAt, agencies, addAgency } = useEditor();
  const ref = props.value && typeof props.value === 'object' ? props.value : { name: String(props.value ?? '') };
  const [adding, setAdding] = useState(false);
  const id = fieldId(props.pointer);
  const ranked = useMemo(() => rankAgencies(ref.name ?? '', agencies), [ref.name, agencies]);
  const linked = typeof ref.agency_id === 'number' ? ref.agency_id : null;
  const inDirectory = linked === null || agencies.some((a) => a.id === linked);
  const set = (patch: Partial<AgencyRef>) => props.onChange(patched(ref, patch));
  const findings = [...findingsAt(props.pointer), ...findingsAt(joinPointer(props.pointer, 'name')), ...findingsAt(joinPointer(props.pointer, 'agency_id'))];
  async function add() {
    if (!addAgency) return;
    setAdding(true);
    try {
      set({ agency_id: await addAgency(ref.name.trim()) });
    } finally {
      setAdding(false);
    }
  }
  return (
    <div class={`agency-row${findings.some((f) => f.severity === 'error') ? ' field--invalid' : ''}`} data-pointer={props.pointer} data-linked={linked ?? ''}>
      <div class="field-row">
        <div class="field field--wide">
          <label for={`${id}-name`}>{`${props.label}: ${tr('ชื่อตามเอกสาร', 'name as written')}`}</label>
          <input id={`${id}-name`} readOnly={readOnly} value={ref.name ?? ''} onInput={(e) => set({ name: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for={`${id}-agency`}>{`${props.label}: ${tr('หน่วยงานในทะเบียน', 'directory agency')}`}</label>
          <select id={`${id}-agency`} disabled={readOnly || !!ref.collective} value={linked === null ? '' : String(linked)}
            onChange={(e) => set({ agency_id: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })}>
            <option value="">{tr('— ยังไม่ได้เชื่อมกับทะเบียน —', '— not linked —')}</option>
            {!inDirectory && <option value={String(linked)}>{tr(`รหัส ${linked} (ไม่อยู่ในทะเบียนของจังหวัด)`, `id ${linked} (not in the province's directory)`)}</option>}
            {ranked.map((a) => (
              <option key={a.id} value={String(a.id)}>
                {a.name_th}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-sub`}>{tr('ส่วนงานย่อย', 'Sub-unit')}</label>
          <input id={`${id}-sub`} readOnly={readOnly} value={ref.sub_unit ?? ''} onInput={(e) => set({ sub_unit: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for={`${id}-collective`}>{tr('หมายถึงหลายหน่วยงาน', 'Names a group')}</label>
          <input id={`${id}-collective`} type="checkbox" disabled={readOnly} checked={!!ref.collective}
            onChange={(e) => set({ collective: e.currentTarget.checked, agency_id: e.currentTarget.checked ? undefined : ref.agency_id })} />
        </div>
      </div>
      <FindingList findings={findings} />
      {!readOnly && (
        <div class="node-tools">
          {addAgency && linked === null && !ref.collective && ref.name?.trim() && (
            <button type="button" class="button button--small" disabled={adding} onClick={() => void add()}>
              {tr(`เพิ่ม "${ref.name.trim()}" ในทะเบียนหน่วยงาน`, `Add "${ref.name.trim()}" to the directory`)}
            </button>
          )}
          <button type="button" class="button button--small button--danger" aria-label={tr(`ลบ${props.label}`, `Remove ${props.label}`)} onClick={props.onRemove}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

function ScalarList(props: { name: string; schema: Schema; pointer: string; value: unknown }) {
  const { root, readOnly, change, findingsAt } = useEditor();
  const list = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const label = labelOf(root, props.name);
  const id = fieldId(props.pointer);
  return (
    <fieldset class="group" data-pointer={props.pointer}>
      <legend id={`${id}-legend`}>{label}</legend>
      <FindingList findings={findingsAt(props.pointer)} />
      {list.map((item, i) => {
        const pointer = joinPointer(props.pointer, i);
        return (
          <div class="list-row" key={i} data-pointer={pointer}>
            <input id={fieldId(pointer)} aria-label={`${label} ${i + 1}`} value={String(item ?? '')} readOnly={readOnly}
              onInput={(e) => change(props.pointer, list.map((v, j) => (j === i ? e.currentTarget.value : v)))} />
            {!readOnly && (
              <button type="button" class="button button--small button--danger" aria-label={tr(`ลบ${label} ${i + 1}`, `Remove ${label} ${i + 1}`)}
                onClick={() => change(props.pointer, list.filter((_, j) => j !== i))}>
                ×
              </button>
            )}
            <FindingList findings={findingsAt(pointer)} />
          </div>
        );
      })}
      {!readOnly && (
        <button type="button" class="button button--small" onClick={() => change(props.pointer, [...list, ''])}>
          + {tr(`เพิ่ม${label}`, `Add ${label.toLowerCase()}`)}
        </button>
      )}
    </fieldset>
  );
}

function MapField(props: { name: string; schema: Schema; pointer: string; value: unknown; depth: number }) {
  const { root, readOnly, change, findingsAt } = useEditor();
  const map = (props.value && typeof props.value === 'object' ? props.value : {}) as Record<string, unknown>;
  const [newKey, setNewKey] = useState('');
  const valueSchema = resolve(root, props.schema.additionalProperties);
  const keys = Object.keys(map).sort();
  const label = labelOf(root, props.name);
  return (
    <fieldset class="group" data-pointer={props.pointer}>
      <legend>{label}</legend>
      <FindingList findings={findingsAt(props.pointer)} />
      {keys.map((key) => (
        <div class="map-row" key={key}>
          <div class="map-key">{/^\d{4}$/.test(key) ? `${tr('พ.ศ.', 'BE')} ${key}` : key}</div>
          <Node name={key} schema={valueSchema} pointer={joinPointer(props.pointer, key)} value={map[key]} depth={props.depth + 1} required />
        </div>
      ))}
      {!readOnly && (
        <div class="list-row">
          <input aria-label={tr(`เพิ่ม${label}: ปี พ.ศ.`, `Add ${label}: year`)} value={newKey} inputMode="numeric" placeholder={tr('ปี พ.ศ.', 'Year (BE)')}
            onInput={(e) => setNewKey(e.currentTarget.value)} />
          <button type="button" class="button button--small" onClick={() => {
            const key = toArabicDigits(newKey.trim());
            if (!key || key in map) return;
            change(props.pointer, { ...map, [key]: emptyValue(root, valueSchema) });
            setNewKey('');
          }}>
            + {tr('เพิ่มปี', 'Add year')}
          </button>
        </div>
      )}
    </fieldset>
  );
}

function Scalar(props: { name: string; schema: Schema; pointer: string; value: unknown; required: boolean }) {
  const { root, readOnly, change, findingsAt } = useEditor();
  const id = fieldId(props.pointer);
  const kind = kindOf(props.schema);
  const findings = findingsAt(props.pointer);
  const label = /^\d{4}$/.test(props.name) ? props.name : labelOf(root, props.name);
  let control;
  if (kind === 'enum') {
    control = (
      <select id={id} disabled={readOnly} value={String(props.value ?? '')} onChange={(e) => change(props.pointer, e.currentTarget.value)}>
        {enumOptions(props.schema).map((v) => (
          <option key={v} value={v}>
            {labelOf(root, v)}
          </option>
        ))}
      </select>
    );
  } else if (kind === 'number' || kind === 'integer') {
    return (
      <NumberField id={id} label={label} pointer={props.pointer} value={props.value as number | null} integer={kind === 'integer'}
        nullable={isNullable(props.schema)} findings={findings} />
    );
  } else if (kind === 'boolean') {
    control = <input id={id} type="checkbox" disabled={readOnly} checked={!!props.value} onChange={(e) => change(props.pointer, e.currentTarget.checked)} />;
  } else if (isLongText(props.name)) {
    control = (
      <textarea id={id} rows={2} readOnly={readOnly} required={props.required} value={String(props.value ?? '')}
        onInput={(e) => change(props.pointer, e.currentTarget.value)} />
    );
  } else {
    control = (
      <input id={id} readOnly={readOnly} required={props.required} value={String(props.value ?? '')}
        onInput={(e) => change(props.pointer, e.currentTarget.value)} />
    );
  }
  return (
    <div class={`field${findings.some((f) => f.severity === 'error') ? ' field--invalid' : ''}${isLongText(props.name) ? ' field--wide' : ''}`} data-pointer={props.pointer}>
      <label for={id}>{label}</label>
      {control}
      <FindingList findings={findings} />
    </div>
  );
}

/** Keeps what the person typed ("๑๒,๕๐๐") while the content holds the number it means. */
function NumberField(props: { id: string; label: string; pointer: string; value: number | null | undefined; integer: boolean; nullable: boolean; findings: Finding[] }) {
  const { readOnly, change } = useEditor();
  const shown = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const [text, setText] = useState(shown(props.value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const parsed = parseNumber(text);
    if (!(parsed.ok && parsed.value === (props.value ?? null))) setText(shown(props.value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value]);
  function onInput(next: string) {
    setText(next);
    const parsed = parseNumber(next);
    if (!parsed.ok) return setError(tr('กรอกเป็นตัวเลข (เลขไทยหรือเลขอารบิก)', 'Type a number (Thai or Arabic digits)'));
    if (parsed.value === null && !props.nullable) return setError(tr('ต้องระบุตัวเลข', 'A number is required'));
    if (props.integer && parsed.value !== null && !Number.isInteger(parsed.value)) return setError(tr('ต้องเป็นจำนวนเต็ม', 'Must be a whole number'));
    setError(null);
    change(props.pointer, parsed.value);
  }
  const invalid = !!error || props.findings.some((f) => f.severity === 'error');
  return (
    <div class={`field${invalid ? ' field--invalid' : ''}`} data-pointer={props.pointer}>
      <label for={props.id}>{props.label}</label>
      <input id={props.id} inputMode="decimal" readOnly={readOnly} value={text} aria-invalid={invalid || undefined}
        aria-describedby={error ? `${props.id}-error` : undefined} onInput={(e) => onInput(e.currentTarget.value)} />
      {error && (
        <small id={`${props.id}-error`} class="field-error" role="alert">
          {error}
        </small>
      )}
      <FindingList findings={props.findings} />
    </div>
  );
}
