import { describe, expect, it } from 'vitest';
import { setLang } from '../../src/lib/i18n';
import { getAt, setAt } from '../../src/lib/pointer';
import { describePointer, placeOf } from '../../src/pages/plans/place';
import { emptyValue, enumOptions, kindOf, resolve } from '../../src/pages/plans/schema';

const schema = {
  'x-labels': { goals: { th: 'เป้าหมาย', en: 'Goals' }, indicators: { th: 'ตัวชี้วัด', en: 'Indicators' }, unit: { th: 'หน่วยนับ', en: 'Unit' } },
  type: 'object',
  properties: { goals: { type: 'array', items: { $ref: '#/$defs/goal' } } },
  $defs: {
    goal: { type: 'object', required: ['id', 'number', 'title', 'indicators'], properties: {
      id: { type: 'string' }, number: { type: 'integer', minimum: 1 }, title: { type: 'string' },
      indicators: { type: 'array', items: { $ref: '#/$defs/indicator' } } } },
    indicator: { type: 'object', required: ['id', 'number', 'text'], properties: {
      id: { type: 'string' }, number: { type: 'string' }, text: { type: 'string' }, unit: { type: 'string' },
      target_value: { type: ['number', 'null'] } } },
  },
};
const content = {
  goals: [{ id: 'g-1', number: 1, title: 'ประชาชนซื่อสัตย์', indicators: [{ id: 'i-1', number: '1.1', text: 'ร้อยละ', unit: 'ร้อยละ' }] }],
};

describe('the content schema', () => {
  it('follows references and tells the kind of each field', () => {
    const goal = resolve(schema, { $ref: '#/$defs/goal' });
    expect(goal.required).toContain('indicators');
    expect(kindOf(goal)).toBe('object');
    expect(kindOf({ type: ['number', 'null'] })).toBe('number');
    expect(kindOf({ enum: ['amount', 'none'] })).toBe('enum');
    expect(kindOf({ type: 'object', additionalProperties: {} })).toBe('map');
  });
  it('offers the choices of an enum as text, numbers included and null left out', () => {
    expect(enumOptions({ enum: ['level', 'increase'] })).toEqual(['level', 'increase']);
    expect(enumOptions({ type: ['integer', 'null'], enum: [1, 3, null] })).toEqual(['1', '3']);
    expect(enumOptions({ type: 'string' })).toEqual([]);
  });
  it('starts a new item with its required members and a fresh id', () => {
    const a = emptyValue(schema, { $ref: '#/$defs/goal' }) as Record<string, unknown>;
    const b = emptyValue(schema, { $ref: '#/$defs/goal' }) as Record<string, unknown>;
    expect(Object.keys(a).sort()).toEqual(['id', 'indicators', 'number', 'title']);
    expect(a.number).toBe(1);
    expect(a.indicators).toEqual([]);
    expect(a.id).not.toBe(b.id);
  });
});

describe('places in the content', () => {
  it('replaces one value and shares the rest', () => {
    const next = setAt(content, '/goals/0/indicators/0/unit', 'คน');
    expect(getAt(next, '/goals/0/indicators/0/unit')).toBe('คน');
    expect(getAt(content, '/goals/0/indicators/0/unit')).toBe('ร้อยละ');
    expect((next as typeof content).goals[0].title).toBe(content.goals[0].title);
  });
  it('shows a finding on a hidden id or a missing member at the nearest drawn field', () => {
    expect(placeOf(content, '/goals/0/indicators/0/id')).toBe('/goals/0/indicators/0');
    expect(placeOf(content, '/goals/0/indicators/0/target_value')).toBe('/goals/0/indicators/0');
    expect(placeOf(content, '/goals/0/title')).toBe('/goals/0/title');
  });
  it('names a place the way the plan does', () => {
    setLang('th');
    expect(describePointer(schema, content, '/goals/0/indicators/0/unit')).toBe('เป้าหมาย 1 › ตัวชี้วัด 1.1 › หน่วยนับ');
  });
});
