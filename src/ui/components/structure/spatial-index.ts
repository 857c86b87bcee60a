/** An axis-aligned rectangle in layout coordinates. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A d3-zoom style transform: screen = layout × k + (x, y). */
export interface ViewTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

/** Items whose box covers more cells than this are kept in a list tested on every query instead. */
const MAX_CELLS_PER_ITEM = 1024;

/**
 * A uniform grid over item boxes, so that a view over a 10,000-node drawing renders only what it shows:
 * a query costs the cells the viewport covers plus the items found, not the size of the drawing.
 */
export class SpatialIndex {
  readonly #cellSize: number;
  readonly #cells = new Map<number, number[]>();
  readonly #large: { readonly item: number; readonly rect: Rect }[] = [];
  readonly #rects: Rect[] = [];
  #stamps = new Uint32Array(0);
  #stamp = 0;

  constructor(cellSize = 256) {
    this.#cellSize = cellSize;
  }

  /** Adds item `item` (a dense index, e.g. the node's position in its array) covering `rect`. */
  insert(item: number, rect: Rect): void {
    this.#rects[item] = rect;
    const [x0, y0, x1, y1] = this.#cellRange(rect);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS_PER_ITEM) {
      this.#large.push({ item, rect });
      return;
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cellKey(cx, cy);
        const cell = this.#cells.get(key);
        if (cell) cell.push(item);
        else this.#cells.set(key, [item]);
      }
    }
  }

  /** Items whose box intersects `rect`, in ascending item order. */
  query(rect: Rect): number[] {
    if (this.#stamps.length < this.#rects.length) this.#stamps = new Uint32Array(this.#rects.length);
    const stamp = ++this.#stamp;
    const found: number[] = [];
    const visit = (item: number) => {
      if (this.#stamps[item] === stamp) return;
      this.#stamps[item] = stamp;
      if (intersects(this.#rects[item], rect)) found.push(item);
    };
    const [x0, y0, x1, y1] = this.#cellRange(rect);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.#cells.size) {
      for (const cell of this.#cells.values()) cell.forEach(visit);
    } else {
      for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) this.#cells.get(cellKey(cx, cy))?.forEach(visit);
    }
    for (const { item } of this.#large) visit(item);
    return found.sort((a, b) => a - b);
  }

  #cellRange(rect: Rect): [number, number, number, number] {
    const s = this.#cellSize;
    return [
      Math.floor(rect.x / s),
      Math.floor(rect.y / s),
      Math.floor((rect.x + rect.width) / s),
      Math.floor((rect.y + rect.height) / s),
    ];
  }
}

function cellKey(cx: number, cy: number): number {
  return (cx + 0x8000) * 0x10000 + (cy + 0x8000);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** The part of the layout a viewport of `width × height` screen pixels shows, grown by `margin` screen pixels. */
export function visibleRect(transform: ViewTransform, width: number, height: number, margin = 0): Rect {
  return {
    x: (-transform.x - margin) / transform.k,
    y: (-transform.y - margin) / transform.k,
    width: (width + 2 * margin) / transform.k,
    height: (height + 2 * margin) / transform.k,
  };
}

/** The transform that fits `bounds` into a `width × height` viewport with `padding`, never zooming in past `maxScale`. */
export function fitTransform(bounds: Rect, width: number, height: number, padding = 24, maxScale = 1.5): ViewTransform {
  if (bounds.width <= 0 || bounds.height <= 0 || width <= 0 || height <= 0) return { x: padding, y: padding, k: 1 };
  const k = Math.min(maxScale, (width - 2 * padding) / bounds.width, (height - 2 * padding) / bounds.height);
  return {
    x: (width - bounds.width * k) / 2 - bounds.x * k,
    y: (height - bounds.height * k) / 2 - bounds.y * k,
    k,
  };
}

/** The transform at scale `k` that puts layout point (`px`, `py`) at the viewport's centre. */
export function centerTransform(px: number, py: number, k: number, width: number, height: number): ViewTransform {
  return { x: width / 2 - px * k, y: height / 2 - py * k, k };
}
