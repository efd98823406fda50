import { describe, expect, it } from 'vitest';
import { FULL_REPORT_NO_RESPONSES, withoutField } from './requests.js';

describe('the full report without responses', () => {
  it('drops a field with its arguments and selection, nested braces included', () => {
    expect(withoutField('{ a { b } responses(first: 2) { x { y } } c }', 'responses')).toBe('{ a { b }  c }');
  });
  it('keeps every other section and asks no responses', () => {
    expect(FULL_REPORT_NO_RESPONSES).not.toMatch(/responses/);
    for (const section of [
      'byChannel',
      'areas',
      'categories',
      'cx',
      'inquiries',
      'classBenchmark',
      'background',
      'competitors',
      'history',
      'performances',
      'variation',
    ]) {
      expect(FULL_REPORT_NO_RESPONSES).toContain(section);
    }
    expect(FULL_REPORT_NO_RESPONSES.split('{').length).toBe(FULL_REPORT_NO_RESPONSES.split('}').length);
  });
});
