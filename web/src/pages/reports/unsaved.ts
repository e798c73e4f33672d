// Progress typed but not yet saved: closing or reloading the tab asks first,
// so a morning's entries are not lost to a stray click.
const dirty = new Set<string>();

function onBeforeUnload(e: BeforeUnloadEvent): void {
  e.preventDefault();
  e.returnValue = '';
}

export function markUnsaved(key: string, unsaved: boolean): void {
  const before = dirty.size;
  if (unsaved) dirty.add(key);
  else dirty.delete(key);
  if (before === 0 && dirty.size > 0) addEventListener('beforeunload', onBeforeUnload);
  if (before > 0 && dirty.size === 0) removeEventListener('beforeunload', onBeforeUnload);
}

export function unsavedCount(): number {
  return dirty.size;
}
