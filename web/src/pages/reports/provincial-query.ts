// The provincial report's choices live in the address (#/provincial?province=
// TH-96&type=…&fy=2566&q=1), so a secretary can bookmark "my province, this
// quarter" and send the link to a colleague.
export interface ProvincialChoice {
  /** "" is the national roll-up. */
  province: string;
  /** "" is every plan type. */
  planType: string;
  fiscalYear: number;
  /** 1–4, or 0 for the whole year so far. */
  quarter: number;
}

export function readChoice(query: URLSearchParams, defaults: ProvincialChoice): ProvincialChoice {
  const fy = Number(query.get('fy'));
  const q = query.get('q');
  const quarter = q === null || q === '' ? NaN : Number(q);
  return {
    province: query.has('province') ? query.get('province') ?? '' : defaults.province,
    planType: query.get('type') ?? defaults.planType,
    fiscalYear: Number.isInteger(fy) && fy >= 2500 && fy <= 2700 ? fy : defaults.fiscalYear,
    quarter: Number.isInteger(quarter) && quarter >= 0 && quarter <= 4 ? quarter : defaults.quarter,
  };
}

export function choiceQuery(c: ProvincialChoice): string {
  const q = new URLSearchParams();
  q.set('province', c.province);
  if (c.planType) q.set('type', c.planType);
  q.set('fy', String(c.fiscalYear));
  q.set('q', String(c.quarter));
  return q.toString();
}

/** The API's query for the report itself. */
export function reportQuery(c: ProvincialChoice, format: 'json' | 'csv' | 'xlsx' | 'html', thaiDigits = false): string {
  const q = new URLSearchParams();
  if (c.province) q.set('province', c.province);
  if (c.planType) q.set('plan_type', c.planType);
  q.set('fiscal_year', String(c.fiscalYear));
  if (c.quarter) q.set('quarter', String(c.quarter));
  q.set('format', format);
  if (format === 'html' && thaiDigits) q.set('digits', 'thai');
  return `/api/v1/reports/quarterly?${q.toString()}`;
}

/** Fiscal years to offer: a year ahead, and back far enough for audits; the chosen one always included. */
export function fiscalYearChoices(current: number, chosen: number, back = 9): number[] {
  const years = new Set<number>([chosen]);
  for (let y = current + 1; y >= current - back; y--) years.add(y);
  return [...years].sort((a, b) => b - a);
}
