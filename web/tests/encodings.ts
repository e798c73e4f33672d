// Text written in the encodings Thai offices save documents in, by hand from
// the standards (UTF-16 code units with a byte-order mark; Windows-874, i.e.
// TIS-620 plus the dashes and quotes the seeds use), for tests of reading them.

export function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

export function windows874(text: string): Uint8Array {
  const extra: Record<string, number> = { '\u2013': 0x96, '\u201c': 0x93, '\u201d': 0x94 };
  return Uint8Array.from([...text].map((c) => {
    const cp = c.codePointAt(0)!;
    if (cp < 0x80) return cp;
    if (cp >= 0x0e01 && cp <= 0x0e5b) return cp - 0x0e01 + 0xa1;
    if (c in extra) return extra[c];
    throw new Error(`no Windows-874 byte for U+${cp.toString(16)}`);
  }));
}
