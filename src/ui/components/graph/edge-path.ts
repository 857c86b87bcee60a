import type { LayoutDirection } from './layout/protocol.js';

/**
 * SVG path data for an edge polyline. Two points (the layered layout) become a cubic curve leaving and entering
 * along the flow direction; routed polylines (ELK) are smoothed through the midpoints of their segments.
 */
export function edgePath(points: ArrayLike<number>, direction: LayoutDirection): string {
  const n = points.length / 2;
  if (n < 2) return '';
  const px = (i: number) => points[2 * i];
  const py = (i: number) => points[2 * i + 1];
  if (n === 2) {
    const [x0, y0, x1, y1] = [px(0), py(0), px(1), py(1)];
    if (direction === 'TB') {
      const dy = Math.max(16, (y1 - y0) / 2);
      return `M${f(x0)},${f(y0)}C${f(x0)},${f(y0 + dy)} ${f(x1)},${f(y1 - dy)} ${f(x1)},${f(y1)}`;
    }
    const dx = Math.max(16, (x1 - x0) / 2);
    return `M${f(x0)},${f(y0)}C${f(x0 + dx)},${f(y0)} ${f(x1 - dx)},${f(y1)} ${f(x1)},${f(y1)}`;
  }
  let d = `M${f(px(0))},${f(py(0))}`;
  for (let i = 1; i < n - 1; i++) {
    const mx = (px(i) + px(i + 1)) / 2;
    const my = (py(i) + py(i + 1)) / 2;
    d += i === n - 2 ? `Q${f(px(i))},${f(py(i))} ${f(px(n - 1))},${f(py(n - 1))}` : `Q${f(px(i))},${f(py(i))} ${f(mx)},${f(my)}`;
  }
  return d;
}

/** The point halfway along an edge's polyline (by vertex count), where its hover label goes. */
export function edgeMidpoint(points: ArrayLike<number>): { x: number; y: number } {
  const n = points.length / 2;
  if (n === 0) return { x: 0, y: 0 };
  const a = Math.floor((n - 1) / 2);
  const b = Math.ceil((n - 1) / 2);
  return { x: (points[2 * a] + points[2 * b]) / 2, y: (points[2 * a + 1] + points[2 * b + 1]) / 2 };
}

function f(value: number): string {
  return value.toFixed(1);
}
