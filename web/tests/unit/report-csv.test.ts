import { describe, expect, it } from 'vitest';
import { moneyColumn, parseCsv } from '../e2e/csv';

// The shape planflow writes (core/src/reports/render_csv.cpp): BOM, CRLF,
// quoted cells with doubled quotes, a totals row labelled รวม.
const SAMPLE =
  '\uFEFFแผน,โครงการ/กิจกรรม,งบประมาณที่ได้รับ (บาท),เบิกจ่าย (บาท)\r\n' +
  'แผน ๒๕๖๖,อบรม,10000.00,2500.50\r\n' +
  'แผน ๒๕๖๖,"ประชุม, ""พิเศษ""",,0.00\r\n' +
  'แผน ๒๕๖๖,"บรรทัด\r\nสอง",30000.00,30000.00\r\n' +
  'รวม,3,40000.00,32500.50\r\n';

describe('the report CSV', () => {
  it('parses quoted cells, doubled quotes and line breaks inside cells, without the BOM', () => {
    const rows = parseCsv(SAMPLE);
    expect(rows).toHaveLength(5);
    expect(rows[0][0]).toBe('แผน');
    expect(rows[2][1]).toBe('ประชุม, "พิเศษ"');
    expect(rows[3][1]).toBe('บรรทัด\r\nสอง'); // kept as written inside quotes
  });

  it('adds a money column exactly and finds the totals row', () => {
    expect(moneyColumn(parseCsv(SAMPLE), 'เบิกจ่าย (บาท)')).toEqual({ rowsSatang: 3250050, totalSatang: 3250050, dataRows: 3 });
    expect(moneyColumn(parseCsv(SAMPLE), 'งบประมาณที่ได้รับ (บาท)').rowsSatang).toBe(4000000);
  });

  it('complains about a missing column or totals row', () => {
    expect(() => moneyColumn(parseCsv(SAMPLE), 'ไม่มี')).toThrow(/no column/);
    expect(() => moneyColumn(parseCsv(SAMPLE).slice(0, 3), 'เบิกจ่าย (บาท)')).toThrow(/totals row/);
  });
});
