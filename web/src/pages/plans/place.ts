// Where a pointer is shown in the editor: findings and comments name
// places in the content, but some places have no field of their own (ids the
// editor hides, members the content lacks), so they go to the nearest field
// that is drawn.
import { getAt, parsePointer } from '../../lib/pointer';
import { isHidden, itemCaption, labelOf, type Schema } from './schema';

export function placeOf(content: unknown, pointer: string): string {
  const parts = parsePointer(pointer);
  while (parts.length > 0) {
    const last = parts[parts.length - 1];
    const here = `/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
    if (!isHidden(last) && getAt(content, here) !== undefined) return here;
    parts.pop();
  }
  return '';
}

/** "เป้าหมาย 2 › ตัวชี้วัด 1.1 › ค่าเป้าหมาย" for a pointer into the content. */
export function describePointer(root: Schema, content: unknown, pointer: string): string {
  const parts = parsePointer(pointer);
  const words: string[] = [];
  let here: unknown = content;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = here && typeof here === 'object' ? (here as Record<string, unknown>)[part] : undefined;
    if (Array.isArray(here)) {
      const listName = parts[i - 1] ?? '';
      const caption = itemCaption(root, listName, Number(part), next);
      words[words.length - 1] = caption.split(':')[0];
    } else {
      words.push(labelOf(root, part));
    }
    here = next;
  }
  return words.join(' › ') || labelOf(root, 'title');
}
