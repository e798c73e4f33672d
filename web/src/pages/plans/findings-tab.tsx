// Every finding of the current revision with the place it concerns; "show"
// opens the content tab at that field.
import { tr } from '../../lib/i18n';
import { href } from '../../lib/router';
import { Empty } from '../../components/ui';
import { FindingList } from './content-editor';
import { describePointer, placeOf } from './place';
import type { Schema } from './schema';
import type { Plan } from './types';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function FindingsTab(props: { plan: Plan; schema: Schema }) {
  const findings = [...props.plan.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  if (findings.length === 0) return <Empty>{tr('ไม่พบข้อค้นพบในฉบับนี้', 'No findings in this revision')}</Empty>;
  return (
    <ul class="finding-places">
      {findings.map((f, i) => (
        <li key={i}>
          <span class="finding-place">{describePointer(props.schema, props.plan.content, f.path)}</span>{' '}
          <a href={href(`/plans/${props.plan.id}?tab=content&at=${encodeURIComponent(placeOf(props.plan.content, f.path))}`)}>
            {tr('ไปที่ช่องนี้', 'Go to the field')}
          </a>
          <FindingList findings={[f]} />
        </li>
      ))}
    </ul>
  );
}
