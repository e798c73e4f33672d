// A document file as the officer saved it, read into text the way the server
// reads an uploaded body: a byte-order mark decides (UTF-8, UTF-16LE/BE);
// without one, valid UTF-8 is UTF-8 and anything else is the Thai code page
// (Windows-874, a superset of TIS-620). File.text() would read every file as
// UTF-8 and turn a TIS-620 document into replacement characters.

export type DocumentEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'TIS-620/Windows-874';

export function decodeDocument(bytes: Uint8Array): { text: string; encoding: DocumentEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-874').decode(bytes), encoding: 'TIS-620/Windows-874' };
  }
}
