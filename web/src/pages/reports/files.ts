// File names for downloaded reports, in Thai so that a folder of them reads
// at a glance: "รายงานไตรมาส1-2566-TH-96.csv", "รายงานทั้งปี-2566-ทั่วประเทศ.xlsx".
export type ReportFormat = 'csv' | 'xlsx' | 'html';

export function provincialFileName(o: { fiscalYear: number; quarter: number; province: string }, format: ReportFormat): string {
  const period = o.quarter >= 1 && o.quarter <= 4 ? `รายงานไตรมาส${o.quarter}` : 'รายงานทั้งปี';
  return `${period}-${o.fiscalYear}-${o.province || 'ทั่วประเทศ'}.${format}`;
}

export function packageFileName(o: { fiscalYear: number; quarter: number; planId: number }): string {
  return `ชุดรายงานไตรมาส${o.quarter}-${o.fiscalYear}-แผน${o.planId}.zip`;
}
