/**
 * Where the separately drawn parts of a diagram (its connected components) go: a grid,
 * row by row in a fixed order, with as many columns as make the whole closest in shape
 * to the pane (the columns that let it be drawn largest when fitted), instead of the one
 * long column Mermaid makes of disconnected parts.
 *
 * Stable across edits: a cell keeps its size while its part still fits and does not
 * leave too much of it empty, a cell that must grow grows with some room to spare, and
 * the number of columns stays unless another count would fit the pane much better. So
 * an edit that grows one part a little moves none of the others. Pure: no DOM.
 */

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** What the last packing decided, for the next one to keep. */
export interface GridMemory {
  readonly columns: number;
  readonly columnWidths: readonly number[];
  readonly rowHeights: readonly number[];
}

export interface GridOptions {
  /** The pane's width over its height. */
  readonly aspect: number;
  /** Space between cells. */
  readonly gap?: number;
  /** The previous packing of the same view, to change as little as possible. */
  readonly previous?: GridMemory;
}

export interface Grid {
  /** The top-left corner of each part, in the order given. */
  readonly positions: readonly Point[];
  readonly width: number;
  readonly height: number;
  readonly columns: number;
  readonly rows: number;
  readonly memory: GridMemory;
}

export const DEFAULT_GAP = 48;
/** Cell sizes are whole multiples of this: a part a few pixels larger stays in its cell. */
export const CELL_STEP = 32;
/** A cell that must grow takes this much more than it needs, for the next few nodes. */
export const GROWTH_ROOM = 1.2;
/** A kept cell may be at most this much larger than what it holds (per side). */
export const MAX_SLACK = 1.6;
/** The previous column count stays while it fits the pane at least this well, compared with the best. */
export const KEEP_COLUMNS = 0.7;

const roundUp = (value: number) => Math.max(CELL_STEP, Math.ceil(value / CELL_STEP) * CELL_STEP);

/** The largest size needed in each column and each row, for `columns` columns. */
function needs(sizes: readonly Size[], columns: number): { columnWidths: number[]; rowHeights: number[] } {
  const rows = Math.ceil(sizes.length / columns);
  const columnWidths = new Array<number>(Math.min(columns, sizes.length)).fill(0);
  const rowHeights = new Array<number>(rows).fill(0);
  sizes.forEach((size, index) => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    columnWidths[column] = Math.max(columnWidths[column]!, size.width);
    rowHeights[row] = Math.max(rowHeights[row]!, size.height);
  });
  return { columnWidths, rowHeights };
}

/** A cell size: the remembered one while the part fits it without too much slack, else what it needs (with room when it grew). */
function cellSize(needed: number, remembered: number | undefined): number {
  if (remembered === undefined) return roundUp(needed);
  if (needed <= remembered && remembered <= roundUp(needed) * MAX_SLACK) return remembered;
  return needed > remembered ? roundUp(needed * GROWTH_ROOM) : roundUp(needed);
}

function place(sizes: readonly Size[], columns: number, gap: number, previous: GridMemory | undefined): Grid {
  const need = needs(sizes, columns);
  const columnWidths = need.columnWidths.map((width, index) => cellSize(width, previous?.columnWidths[index]));
  const rowHeights = need.rowHeights.map((height, index) => cellSize(height, previous?.rowHeights[index]));
  const starts = (lengths: readonly number[]) => {
    const result: number[] = [];
    let at = 0;
    for (const length of lengths) {
      result.push(at);
      at += length + gap;
    }
    return result;
  };
  const xs = starts(columnWidths);
  const ys = starts(rowHeights);
  const positions = sizes.map((_, index) => ({ x: xs[index % columns]!, y: ys[Math.floor(index / columns)]! }));
  // The last row and column end at their parts, not at their cells: no empty margin.
  const width = Math.max(0, ...sizes.map((size, index) => positions[index]!.x + size.width));
  const height = Math.max(0, ...sizes.map((size, index) => positions[index]!.y + size.height));
  return { positions, width, height, columns: columnWidths.length, rows: rowHeights.length, memory: { columns, columnWidths, rowHeights } };
}

/** How large the grid is drawn when fitted to a pane of this aspect (relative; higher is better). */
function fitScale(grid: Grid, aspect: number): number {
  if (grid.width <= 0 || grid.height <= 0) return Infinity;
  return Math.min(aspect / grid.width, 1 / grid.height);
}

/** Packs the parts, in the order given, into a grid shaped like the pane. */
export function packGrid(sizes: readonly Size[], options: GridOptions): Grid {
  const gap = options.gap ?? DEFAULT_GAP;
  const aspect = Number.isFinite(options.aspect) && options.aspect > 0 ? options.aspect : 1;
  if (sizes.length === 0)
    return { positions: [], width: 0, height: 0, columns: 0, rows: 0, memory: { columns: 1, columnWidths: [], rowHeights: [] } };
  let best: Grid | undefined;
  let bestScore = -Infinity;
  for (let columns = 1; columns <= sizes.length; columns++) {
    // Beyond this, another column only leaves the last row emptier.
    if (columns > 1 && Math.ceil(sizes.length / columns) === Math.ceil(sizes.length / (columns - 1))) continue;
    const grid = place(sizes, columns, gap, undefined);
    const score = fitScale(grid, aspect);
    if (score > bestScore * 1.000001) {
      best = grid;
      bestScore = score;
    }
  }
  const previous = options.previous;
  if (previous && previous.columns >= 1) {
    const kept = place(sizes, Math.min(previous.columns, sizes.length), gap, previous);
    if (fitScale(kept, aspect) >= bestScore * KEEP_COLUMNS) return { ...kept, memory: { ...kept.memory, columns: previous.columns } };
  }
  return best!;
}
