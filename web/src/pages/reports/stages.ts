// The quarterly report's stage names come from its workflow definition, so
// an administrator's renamed or added stage shows as they wrote it.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../lib/api';
import type { Localized } from './types';

export interface StageInfo {
  title: Localized;
  kind: string;
}

const WORKFLOW = 'quarterly_report';
let cached: Promise<Record<string, StageInfo>> | null = null;

async function loadStages(): Promise<Record<string, StageInfo>> {
  const list = await api.get<{ items: { id: string; latest_version: number }[] }>('/api/v1/workflows');
  const wf = list.items.find((w) => w.id === WORKFLOW);
  if (!wf) return {};
  // Every version's names, the latest winning, so reports started on an older version are named too.
  const out: Record<string, StageInfo> = {};
  for (let v = 1; v <= wf.latest_version; v++) {
    const version = await api.get<{ definition: { stages: { id: string; title: Localized; kind: string }[] } }>(
      `/api/v1/workflows/${WORKFLOW}/versions/${v}`,
    );
    for (const s of version.definition.stages) out[s.id] = { title: s.title, kind: s.kind };
  }
  return out;
}

/** Stage id → title and kind; empty until loaded (and if the workflow cannot be read, the ids are shown). */
export function useReportStages(): Record<string, StageInfo> {
  const [stages, setStages] = useState<Record<string, StageInfo>>({});
  useEffect(() => {
    cached ??= loadStages().catch((e) => {
      cached = null;
      throw e;
    });
    let live = true;
    cached.then((s) => live && setStages(s)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return stages;
}

export function stageOf(stages: Record<string, StageInfo>, id: string): { kind: string; title: Localized | string } {
  const s = stages[id];
  return s ? { kind: s.kind, title: s.title } : { kind: '', title: id };
}
