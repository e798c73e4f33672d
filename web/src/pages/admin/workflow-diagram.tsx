// A workflow version drawn from its definition as an inline SVG: stages top
// to bottom in definition order (narrow enough for a tablet held upright),
// the step to the next stage straight down the middle, longer steps forward
// on the right and steps back on the left, so the two never cross. The fill
// says the stage's kind; thick arrows collect signatures.
import { localized, tr } from '../../lib/i18n';
import { deadlineText, kindLabel, type Definition, type Stage, type Transition } from './workflow-model';
import './admin.css';

const TITLE_SIZE = 15;
const SMALL_SIZE = 12.5;
const LABEL_SIZE = 13;
const GAP = 66;
const LANE_START = 26;
const LANE_STEP = 24;
const PAD = 12;

export const KIND_STYLE: Record<string, { fill: string; stroke: string; ink: string }> = {
  editing: { fill: '#eef1f5', stroke: '#8b96a5', ink: '#1b2430' },
  review: { fill: '#fff0c2', stroke: '#c99a1c', ink: '#3d2b00' },
  approval: { fill: '#dbe8fb', stroke: '#4a78b8', ink: '#143a66' },
  reporting: { fill: '#d7f0e0', stroke: '#3f9a63', ink: '#145a32' },
  terminal: { fill: '#3b4756', stroke: '#1b2430', ink: '#ffffff' },
};
const styleOf = (kind: string) => KIND_STYLE[kind] ?? KIND_STYLE.editing;

/** A rough width of text in the page font; Thai vowel and tone marks above and below take no room. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e)) continue;
    if (c >= 0x0e00 && c <= 0x0e7f) w += 0.56;
    else if (ch === ' ') w += 0.28;
    else if (/[A-Z0-9]/.test(ch)) w += 0.62;
    else w += 0.52;
  }
  return w * size;
}

function fit(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('')}…`;
}

type Side = 'left' | 'right';

interface Edge {
  t: Transition;
  index: number;
  from: number;
  to: number;
  side: Side | 'middle';
  lane: number;
  label: string;
  /** Port y positions on the boxes' sides, filled in once every edge is known. */
  y1: number;
  y2: number;
  /** For middle edges: horizontal shift among parallel arrows. */
  dx: number;
}

function edgeLabel(t: Transition): string {
  return `${t.signature ? '✍ ' : ''}${localized(t.title)}`;
}

/** Gives each side edge a lane so that edges sharing a stretch of the side never share a line. */
function assignLanes(edges: Edge[]): number {
  const lanes: Edge[][] = [];
  const span = (e: Edge) => [Math.min(e.from, e.to), Math.max(e.from, e.to)];
  const sorted = [...edges].sort((a, b) => Math.abs(a.to - a.from) - Math.abs(b.to - b.from) || Math.min(a.from, a.to) - Math.min(b.from, b.to));
  for (const e of sorted) {
    const [lo, hi] = span(e);
    let lane = lanes.findIndex((l) => l.every((o) => {
      const [olo, ohi] = span(o);
      return hi < olo || ohi < lo;
    }));
    if (lane < 0) {
      lane = lanes.length;
      lanes.push([]);
    }
    lanes[lane].push(e);
    e.lane = lane;
  }
  return lanes.length;
}

export function WorkflowDiagram(props: { definition: Definition; version?: number }) {
  const d = props.definition;
  const stages = d.stages;
  const indexOf = new Map(stages.map((s, i) => [s.id, i]));
  const uid = `wf-${d.id}-${props.version ?? 0}`.replace(/[^a-zA-Z0-9_-]/g, '_');
  const hasDeadline = stages.some((s) => s.deadline);

  const primary = (s: Stage) => localized(s.title);
  const secondary = (s: Stage) => `${tr(s.title.en, s.title.th)} · ${kindLabel(s.kind)}`;
  const boxW = Math.min(
    440,
    Math.max(240, ...stages.map((s) => Math.max(textWidth(primary(s), TITLE_SIZE) + 90, textWidth(secondary(s), SMALL_SIZE) + 28,
      textWidth(deadlineText(s, d.transitions), SMALL_SIZE) + 28))),
  );
  const boxH = hasDeadline ? 80 : 62;

  const edges: Edge[] = [];
  d.transitions.forEach((t, index) => {
    const from = indexOf.get(t.from);
    const to = indexOf.get(t.to);
    if (from === undefined || to === undefined) return;
    const side = to === from + 1 ? 'middle' : to > from || to === from ? 'right' : 'left';
    edges.push({ t, index, from, to, side, lane: 0, label: edgeLabel(t), y1: 0, y2: 0, dx: 0 });
  });
  const right = edges.filter((e) => e.side === 'right');
  const left = edges.filter((e) => e.side === 'left');
  const rightLanes = assignLanes(right);
  const leftLanes = assignLanes(left);

  const labelRoom = (list: Edge[]) => Math.max(0, ...list.map((e) => textWidth(e.label, LABEL_SIZE))) + (list.length ? 10 : 0);
  const leftRoom = leftLanes ? LANE_START + (leftLanes - 1) * LANE_STEP + labelRoom(left) : 0;
  const middle = edges.filter((e) => e.side === 'middle');
  const boxX = PAD + leftRoom;
  const cx = boxX + boxW / 2;

  // Parallel arrows between the same two neighbours sit side by side.
  const pairs = new Map<string, Edge[]>();
  for (const e of middle) pairs.set(`${e.from}`, [...(pairs.get(`${e.from}`) ?? []), e]);
  for (const list of pairs.values()) list.forEach((e, k) => (e.dx = (k - (list.length - 1) / 2) * 40));
  const middleRight = Math.max(0, ...middle.map((e) => cx + e.dx + 8 + textWidth(e.label, LABEL_SIZE)));

  const rightLaneX = (lane: number) => boxX + boxW + LANE_START + lane * LANE_STEP;
  const leftLaneX = (lane: number) => boxX - LANE_START - lane * LANE_STEP;
  const rightRoom = rightLanes ? LANE_START + (rightLanes - 1) * LANE_STEP + labelRoom(right) : 0;
  const width = Math.ceil(Math.max(boxX + boxW + rightRoom, middleRight) + PAD);
  const top = (i: number) => PAD + i * (boxH + GAP);
  const height = Math.ceil(top(stages.length - 1) + boxH + PAD);

  // Ports on each box side: edges heading up sit above edges heading down, and
  // outer lanes turn off where they cannot cut across inner ones.
  for (const list of [right, left]) {
    stages.forEach((_, b) => {
      const ports: { e: Edge; end: 'y1' | 'y2'; up: boolean }[] = [];
      for (const e of list) {
        if (e.from === b && e.to === b) {
          ports.push({ e, end: 'y1', up: false }, { e, end: 'y2', up: true });
          continue;
        }
        if (e.from === b) ports.push({ e, end: 'y1', up: e.to < b });
        if (e.to === b) ports.push({ e, end: 'y2', up: e.from < b });
      }
      ports.sort((p, q) => {
        if (p.up !== q.up) return p.up ? -1 : 1;
        return p.up ? p.e.lane - q.e.lane : q.e.lane - p.e.lane;
      });
      ports.forEach((p, k) => (p.e[p.end] = top(b) + (boxH * (k + 1)) / (ports.length + 1)));
    });
  }

  // Labels on one side keep clear of each other vertically.
  const labelY = new Map<Edge, number>();
  for (const list of [left, right]) {
    const wanted = list.map((e) => ({ e, y: (e.y1 + e.y2) / 2 })).sort((a, b) => a.y - b.y);
    let last = -Infinity;
    for (const w of wanted) {
      const y = Math.max(w.y, last + 18);
      labelY.set(w.e, y);
      last = y;
    }
  }

  const summary = [
    tr(`${stages.length} ขั้นตอน: `, `${stages.length} stages: `) + stages.map((s) => `${primary(s)} (${kindLabel(s.kind)})`).join(', '),
    ...edges.map((e) => tr(`${localized(e.t.title)}: จาก ${primary(stages[e.from])} ไป ${primary(stages[e.to])}`,
      `${localized(e.t.title)}: from ${primary(stages[e.from])} to ${primary(stages[e.to])}`)),
  ].join('; ');

  return (
    <figure class="workflow-diagram">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={`${uid}-title ${uid}-desc`}
        data-workflow={d.id}
        data-version={props.version}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${uid}-title`}>
          {tr(`แผนภาพขั้นตอนการทำงาน ${localized(d.title)}`, `Workflow diagram: ${localized(d.title)}`)}
          {props.version ? tr(` ฉบับที่ ${props.version}`, ` version ${props.version}`) : ''}
        </title>
        <desc id={`${uid}-desc`}>{summary}</desc>
        <defs>
          <marker id={`${uid}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" class="wf-arrowhead" />
          </marker>
        </defs>

        {stages.map((s, i) => {
          const st = styleOf(s.kind);
          const y = top(i);
          const deadline = deadlineText(s, d.transitions);
          return (
            <g key={s.id} class="wf-stage" data-stage={s.id} data-kind={s.kind}>
              <title>{`${primary(s)} — ${kindLabel(s.kind)}${deadline ? ` — ${deadline}` : ''}`}</title>
              <rect x={boxX} y={y} width={boxW} height={boxH} rx="10" fill={st.fill} stroke={st.stroke} stroke-width="1.5" />
              {s.kind === 'terminal' && (
                <rect x={boxX + 4} y={y + 4} width={boxW - 8} height={boxH - 8} rx="7" fill="none" stroke="#ffffff" stroke-width="1" />
              )}
              <text x={boxX + 14} y={y + 25} fill={st.ink} font-size={TITLE_SIZE} font-weight="600">
                {fit(primary(s), TITLE_SIZE, boxW - (s.id === d.initial_stage ? 100 : 28))}
              </text>
              <text x={boxX + 14} y={y + 45} fill={st.ink} font-size={SMALL_SIZE} opacity="0.85">
                {fit(secondary(s), SMALL_SIZE, boxW - 28)}
              </text>
              {deadline && (
                <text x={boxX + 14} y={y + 66} fill={st.ink} font-size={SMALL_SIZE} class="wf-deadline">
                  {fit(deadline, SMALL_SIZE, boxW - 28)}
                </text>
              )}
              {s.id === d.initial_stage && (
                <text x={boxX + boxW - 12} y={y + 22} fill={st.ink} font-size={SMALL_SIZE} text-anchor="end" font-weight="600">
                  {`▶ ${tr('เริ่มต้น', 'Start')}`}
                </text>
              )}
            </g>
          );
        })}

        {edges.map((e) => {
          const cls = `wf-edge${e.t.signature ? ' wf-edge--signature' : ''}${e.side === 'left' ? ' wf-edge--back' : ''}`;
          let path: string;
          let lx: number;
          let ly: number;
          let anchor: 'start' | 'end' = 'start';
          if (e.side === 'middle') {
            const x = cx + e.dx;
            path = `M${x},${top(e.from) + boxH} L${x},${top(e.to) - 2}`;
            lx = x + 8;
            ly = top(e.from) + boxH + GAP / 2 + 4;
          } else {
            const right = e.side === 'right';
            const lane = right ? rightLaneX(e.lane) : leftLaneX(e.lane);
            const edgeX = right ? boxX + boxW : boxX;
            const r = Math.min(8, Math.abs(e.y2 - e.y1) / 2);
            const sx = right ? 1 : -1;
            const sy = e.y2 > e.y1 ? 1 : -1;
            path = [
              `M${edgeX},${e.y1}`,
              `L${lane - sx * r},${e.y1}`,
              `Q${lane},${e.y1} ${lane},${e.y1 + sy * r}`,
              `L${lane},${e.y2 - sy * r}`,
              `Q${lane},${e.y2} ${lane - sx * r},${e.y2}`,
              `L${edgeX + sx * 2},${e.y2}`,
            ].join(' ');
            lx = right ? lane + 6 : lane - 6;
            ly = (labelY.get(e) ?? (e.y1 + e.y2) / 2) + 4;
            anchor = right ? 'start' : 'end';
          }
          return (
            <g key={e.index} class={cls} data-action={e.t.action} data-from={e.t.from} data-to={e.t.to}>
              <title>{`${localized(e.t.title)} (${e.t.action}): ${primary(stages[e.from])} → ${primary(stages[e.to])}`}</title>
              <path d={path} fill="none" marker-end={`url(#${uid}-arrow)`} />
              <text x={lx} y={ly} font-size={LABEL_SIZE} text-anchor={anchor} class="wf-edge-label">
                {e.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="wf-legend">
          {(['editing', 'review', 'approval', 'reporting', 'terminal'] as const).map((k) => (
            <li key={k}>
              <svg width="18" height="14" aria-hidden="true">
                <rect x="1" y="1" width="16" height="12" rx="3" fill={KIND_STYLE[k].fill} stroke={KIND_STYLE[k].stroke} />
              </svg>
              {kindLabel(k)}
            </li>
          ))}
          <li>
            <svg width="26" height="14" aria-hidden="true">
              <line x1="1" y1="7" x2="25" y2="7" class="wf-legend-signature" />
            </svg>
            {tr('✍ ลงนาม (นับองค์ประชุม)', '✍ signature (counts towards a quorum)')}
          </li>
          <li>
            <svg width="26" height="14" aria-hidden="true">
              <line x1="1" y1="7" x2="25" y2="7" class="wf-legend-back" />
            </svg>
            {tr('ทางซ้าย: ส่งกลับ', 'On the left: sent back')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
