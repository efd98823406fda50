import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from '@ksp/shared/charts/index';
import { Chart, type ChartExtensions } from '@web/app/Chart';
import { TableScroll } from '@web/app/TableScroll';

export interface FigureTable {
  columns: readonly string[];
  /** The first cell of each row is its header. */
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
}

interface Props {
  title: string;
  option: ChartOption;
  use: ChartExtensions;
  table: FigureTable;
  /** CSS height of the chart. */
  height?: string;
  onPointClick?: (point: { seriesIndex: number; name: string; dataIndex: number }) => void;
  /** Shown under the chart, e.g. what a mark means. */
  note?: ReactNode;
  /**
   * The id of a heading that already names the figure (a panel's): the figure takes its name from
   * it and shows no title of its own, and no box of its own, since the panel is the box. The
   * chart and the table keep `title` as their accessible name.
   */
  labelledBy?: string;
}

/** A chart with its title, and the same numbers as a table one click away. */
export function ChartFigure({ title, option, use, table, height = '20rem', onPointClick, note, labelledBy }: Props) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  return (
    <figure className={labelledBy ? 'chart-figure chart-figure--in-panel' : 'chart-figure'} aria-labelledby={labelledBy ?? headingId}>
      <div className="chart-figure__bar">
        {!labelledBy && (
          <h3 id={headingId} className="chart-figure__title">
            {title}
          </h3>
        )}
        <button type="button" className="button button--small" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('report.showChart') : t('report.showTable')}
        </button>
      </div>
      {asTable ? (
        <TableScroll label={title}>
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={i} scope="col" className={i === 0 ? undefined : 'num'}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} className="num">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <Chart option={option} use={use} label={title} style={{ height }} className="chart" onPointClick={onPointClick} />
      )}
      {note && <figcaption className="chart-figure__note">{note}</figcaption>}
    </figure>
  );
}
