import { describe, expect, it } from 'vitest';
import { nameKey, patched, rankAgencies, similarity } from '../../src/pages/plans/agency-ref';

const directory = [
  { id: 1, name_th: 'สำนักงาน ป.ป.ช. ประจำจังหวัดนราธิวาส' },
  { id: 8, name_th: 'เทศบาลตำบลรือเสาะ' },
  { id: 10, name_th: 'สำนักงานจังหวัดนราธิวาส' },
  { id: 11, name_th: 'สำนักงานการท่องเที่ยวและกีฬาจังหวัดนราธิวาส' },
  { id: 12, name_th: 'สำนักงานประชาสัมพันธ์จังหวัดนราธิวาส' },
];

describe('agency references', () => {
  it('reads two spellings of one name alike', () => {
    expect(nameKey('สำนักงาน ป.ป.ช. ประจำ จังหวัด')).toBe(nameKey('สำนักงาน ป.ป.ช. ประจำจังหวัด'));
    expect(nameKey('สนง.ประชาสัมพันธ์จังหวัดนราธิวาส')).toBe(nameKey('สำนักงานประชาสัมพันธ์จังหวัดนราธิวาส'));
    expect(nameKey('สำนักงานจังหวัด (ศูนย์ดำรงธรรมจังหวัด)')).toBe('สำนักงานจังหวัด');
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('', 'abc')).toBe(0);
  });

  it('offers the agency a misspelt name means first', () => {
    // The seed's misspellings (lines 135 and 145 of the anti-corruption plan).
    expect(rankAgencies('เทศบาลตำบลหรือเสาะ', directory)[0].id).toBe(8);
    expect(rankAgencies('สำนักงานการท่องเที่ยวกีฬาจังหวัดนราธิวาส', directory)[0].id).toBe(11);
    expect(rankAgencies('สนง.ประชาสัมพันธ์จังหวัดนราธิวาส', directory)[0].id).toBe(12);
    // Nothing written: the whole directory, in Thai order (ท before ส).
    const all = rankAgencies('', directory);
    expect(all).toHaveLength(directory.length);
    expect(all[0].id).toBe(8);
  });

  it('writes only the members a reference has', () => {
    expect(patched({ name: 'ก', agency_id: 3 }, { agency_id: undefined })).toEqual({ name: 'ก' });
    expect(patched({ name: 'ก' }, { agency_id: 4, sub_unit: '' })).toEqual({ name: 'ก', agency_id: 4 });
    expect(patched({ name: 'ก', collective: true }, { collective: false })).toEqual({ name: 'ก' });
  });
});
