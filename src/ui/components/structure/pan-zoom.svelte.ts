import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { centerTransform, fitTransform, type Rect, type ViewTransform } from './spatial-index.js';

/**
 * Pan and zoom of one SVG viewport through d3-zoom, with the current transform and viewport size as state,
 * so views derive what is visible from them. Attach with `{@attach panZoom.attach}` on the `<svg>`.
 */
export class PanZoom {
  transform = $state.raw<ViewTransform>({ x: 0, y: 0, k: 1 });
  width = $state(0);
  height = $state(0);
  readonly #behavior: ZoomBehavior<SVGSVGElement, unknown>;
  #svg: SVGSVGElement | undefined;

  constructor(scaleExtent: [number, number] = [0.02, 4]) {
    this.#behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent(scaleExtent)
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        const { x, y, k } = event.transform;
        this.transform = { x, y, k };
      });
  }

  attach = (svg: SVGSVGElement): (() => void) => {
    this.#svg = svg;
    const selection = select(svg);
    selection.call(this.#behavior).on('dblclick.zoom', null);
    const observer = new ResizeObserver(() => {
      this.width = svg.clientWidth;
      this.height = svg.clientHeight;
    });
    observer.observe(svg);
    return () => {
      observer.disconnect();
      selection.on('.zoom', null);
      this.#svg = undefined;
    };
  };

  set(transform: ViewTransform): void {
    if (!this.#svg) {
      this.transform = transform;
      return;
    }
    select(this.#svg).call(this.#behavior.transform, zoomIdentity.translate(transform.x, transform.y).scale(transform.k));
  }

  fitBounds(bounds: Rect, maxScale = 1.5): void {
    this.set(fitTransform(bounds, this.width, this.height, 24, maxScale));
  }

  /** Centres layout point (`x`, `y`), zooming in to at least `minScale` so the target is readable. */
  focus(x: number, y: number, minScale = 0.8): void {
    this.set(centerTransform(x, y, Math.max(this.transform.k, minScale), this.width, this.height));
  }

  zoomBy(factor: number): void {
    if (this.#svg) select(this.#svg).call(this.#behavior.scaleBy, factor);
  }
}
