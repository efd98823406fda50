import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, writeNorwegianCsv } from './norwegian-csv.js';
import { makeTable } from './table.js';

describe('Norwegian CSV', () => {
  it('writes UTF-8 with a BOM, semicolons, CRLF, decimal commas and Oslo times', () => {
    const table = makeTable(
      'Ark',
      [
        { key: 'id', header: 'Henvendelse', kind: 'text' },
        { key: 'at', header: 'Tidspunkt', kind: 'dateTime' },
        { key: 'score', header: 'Poeng (%)', kind: 'score' },
        { key: 'wait', header: 'Ventetid', kind: 'integer' },
        { key: 'comment', header: 'Kommentar', kind: 'longText' },
      ],
      [
        ['a-1', new Date('2024-09-10T08:15:00Z'), 87.445, 60, 'Bra; «gode» råd, takk!'],
        ['a-2', new Date('2024-01-05T08:15:00Z'), (100 * 7) / 12, null, 'To linjer\nher, og "sitat"'],
        ['a-3', new Date('2024-01-05T08:15:00Z'), null, 0, ''],
      ],
    );
    const text = writeNorwegianCsv(table);
    expect(text.startsWith('\uFEFFHenvendelse;Tidspunkt;Poeng (%);Ventetid;Kommentar\r\n')).toBe(true);
    expect(text).toBe(
      '\uFEFF' +
        'Henvendelse;Tidspunkt;Poeng (%);Ventetid;Kommentar\r\n' +
        'a-1;2024-09-10 10:15;87,45;60;"Bra; «gode» råd, takk!"\r\n' +
        'a-2;2024-01-05 09:15;58,33;;"To linjer\nher, og ""sitat"""\r\n' +
        'a-3;2024-01-05 09:15;;0;\r\n',
    );
    expect(parse(text, { bom: true, delimiter: ';' })).toEqual([
      ['Henvendelse', 'Tidspunkt', 'Poeng (%)', 'Ventetid', 'Kommentar'],
      ['a-1', '2024-09-10 10:15', '87,45', '60', 'Bra; «gode» råd, takk!'],
      ['a-2', '2024-01-05 09:15', '58,33', '', 'To linjer\nher, og "sitat"'],
      ['a-3', '2024-01-05 09:15', '', '0', ''],
    ]);
  });

  it('neutralises formulas in every text cell, header included, but writes numbers as numbers', () => {
    const table = makeTable(
      'Ark',
      [
        { key: 'a', header: '=A', kind: 'text' },
        { key: 'b', header: 'B', kind: 'longText' },
        { key: 'c', header: 'C', kind: 'answer' },
      ],
      [
        ['=HYPERLINK("http://x.example","klikk")', '+47 22 00 00 00', '-1'],
        ['@x', '\t=1', 3.5],
        ['\r=1', 'ok', 4],
      ],
    );
    expect(parse(writeNorwegianCsv(table), { bom: true, delimiter: ';' })).toEqual([
      [`'=A`, 'B', 'C'],
      [`'=HYPERLINK("http://x.example","klikk")`, `'+47 22 00 00 00`, `'-1`],
      [`'@x`, `'\t=1`, '3,5'],
      [`'\r=1`, 'ok', '4'],
    ]);
  });

  it('formats single cells by kind', () => {
    expect(csvCell(85, 'score')).toBe('85,00');
    expect(csvCell(0, 'score')).toBe('0,00');
    expect(csvCell(100, 'score')).toBe('100,00');
    expect(csvCell(1234567, 'integer')).toBe('1234567');
    expect(csvCell(null, 'score')).toBe('');
  });
});
