// Reads the report CSV the way a spreadsheet does (RFC 4180, UTF-8 with a
// BOM), so a test can add up a column and compare it with the totals row.
export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface ColumnCheck {
  /** Sum of the column over the data rows, in satang (exact). */
  rowsSatang: number;
  /** The totals row's value, in satang. */
  totalSatang: number;
  dataRows: number;
}

function toSatang(cell: string): number {
  if (cell.trim() === '') return 0;
  const n = Number(cell);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${JSON.stringify(cell)}`);
  return Math.round(n * 100);
}

/** Adds up a money column (header row first, totals row labelled `totalLabel` last). */
export function moneyColumn(rows: string[][], header: string, totalLabel = 'รวม'): ColumnCheck {
  const col = rows[0]?.indexOf(header) ?? -1;
  if (col < 0) throw new Error(`no column ${header}; headers: ${rows[0]?.join(' | ')}`);
  const last = rows[rows.length - 1];
  if (last[0] !== totalLabel) throw new Error(`the last row is not the totals row: ${last.join(' | ')}`);
  const data = rows.slice(1, -1);
  return { rowsSatang: data.reduce((sum, r) => sum + toSatang(r[col] ?? ''), 0), totalSatang: toSatang(last[col] ?? ''), dataRows: data.length };
}
