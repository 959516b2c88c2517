import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { StructurePage } from '../../../shared/layout/pages';
import { clampTransform, fitWidth, stackSheets, viewBoxFor, zoomPercent, type Size, type ViewTransform } from './figureGeometry';
import { FigureSheets, type SheetInteraction } from './FigureSheets';

const ZOOM_STEP = 1.25;

/** Drop handling for codes dragged from the codebook onto the figure's boxes. */
export interface CanvasDrop {
  onDragOver(event: DragEvent, codeId: string | null): void;
  onDragLeave(): void;
  onDrop(event: DragEvent, codeId: string | null): void;
}

/**
 * The figure on a zoomable canvas: fit to width by default (and kept fitted as the window
 * resizes, until the user zooms), Ctrl+wheel or pinch zooms, wheel and drag pan, + − 0 keys.
 * d3-zoom only listens on the canvas; React draws, the zoom becomes the SVG's viewBox in points.
 */
export function StructureCanvas({
  pages,
  interaction,
  drop,
  label,
  overlay,
}: {
  pages: readonly StructurePage[];
  interaction?: SheetInteraction;
  drop?: CanvasDrop;
  label: string;
  overlay?: ReactNode;
}) {
  const hostRef = useRef<HTMLDivElement | null>(null);
  const behaviourRef = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const fitting = useRef(true);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const [view, setView] = useState<ViewTransform>({ k: 1, x: 0, y: 0 });
  const placed = useMemo(() => stackSheets(pages.map((p) => ({ width: p.layout.width, height: p.layout.height }))), [pages]);
  const content = useRef<Size>(placed);
  content.current = placed;

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const observer = new ResizeObserver(() => setSize({ width: host.clientWidth, height: host.clientHeight }));
    observer.observe(host);
    setSize({ width: host.clientWidth, height: host.clientHeight });
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const selection = select(host);
    const behaviour = zoom<HTMLDivElement, unknown>()
      .scaleExtent([0.15, 10])
      // Plain wheel pans like a document; Ctrl/Cmd+wheel and pinch zoom; drag pans.
      .filter((event: Event) => {
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        return !(event as MouseEvent).button && !(event.target as Element).closest('.zoom-controls, .figure-overlay');
      })
      .constrain((t, extent) => {
        const viewport = { width: extent[1][0] - extent[0][0], height: extent[1][1] - extent[0][1] };
        const c = clampTransform({ k: t.k, x: t.x, y: t.y }, content.current, viewport);
        return c.x === t.x && c.y === t.y ? t : zoomIdentity.translate(c.x, c.y).scale(c.k);
      })
      .on('zoom', (event: D3ZoomEvent<HTMLDivElement, unknown>) => {
        if (event.sourceEvent) fitting.current = false;
        setView({ k: event.transform.k, x: event.transform.x, y: event.transform.y });
      });
    selection.call(behaviour).on('dblclick.zoom', null);
    behaviourRef.current = behaviour;
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      fitting.current = false;
      const k = zoomTransform(host).k;
      const dx = event.deltaMode === 1 ? event.deltaX * 16 : event.deltaX;
      const dy = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
      behaviour.translateBy(selection, -(event.shiftKey && !dx ? dy : dx) / k, -(event.shiftKey && !dx ? 0 : dy) / k);
    };
    host.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      host.removeEventListener('wheel', onWheel);
      selection.on('.zoom', null);
    };
  }, []);

  const apply = (t: ViewTransform) => {
    const host = hostRef.current;
    const behaviour = behaviourRef.current;
    if (host && behaviour) behaviour.transform(select(host), zoomIdentity.translate(t.x, t.y).scale(t.k));
  };
  const fit = () => {
    fitting.current = true;
    apply(fitWidth(placed, size));
  };
  const zoomBy = (factor: number) => {
    const host = hostRef.current;
    const behaviour = behaviourRef.current;
    if (!host || !behaviour) return;
    fitting.current = false;
    behaviour.scaleBy(select(host), factor, [size.width / 2, size.height / 3]);
  };

  // Fit on first show, on resize and when the figure's width changes, while the user has not zoomed
  // (apply reads refs only, so it is not a dependency).
  useEffect(() => {
    if (fitting.current && size.width > 0 && placed.width > 0) apply(fitWidth(placed, size));
  }, [size.width, size.height, placed.width]);

  const codeAt = (event: DragEvent) => (event.target as Element).closest<SVGGElement>('[data-code-id]')?.dataset.codeId ?? null;
  return (
    <div
      ref={hostRef}
      className="figure-canvas"
      role="region"
      aria-label={label}
      tabIndex={0}
      onKeyDown={(e) => {
        if ((e.target as Element) !== e.currentTarget) return;
        if (e.key === '+' || e.key === '=') zoomBy(ZOOM_STEP);
        else if (e.key === '-') zoomBy(1 / ZOOM_STEP);
        else if (e.key === '0') fit();
        else return;
        e.preventDefault();
      }}
      onDragOver={drop ? (e) => drop.onDragOver(e, codeAt(e)) : undefined}
      onDragLeave={drop?.onDragLeave}
      onDrop={drop ? (e) => drop.onDrop(e, codeAt(e)) : undefined}
    >
      {size.width > 0 && (
        <svg
          className="figure-svg"
          width={size.width}
          height={size.height}
          viewBox={viewBoxFor(view, size)}
          preserveAspectRatio="xMinYMin meet"
          data-zoom={view.k.toFixed(3)}
        >
          <FigureSheets pages={pages} sheets={placed.sheets} interaction={interaction} />
        </svg>
      )}
      {overlay}
      <div className="zoom-controls" role="group" aria-label="Zoom">
        <button type="button" aria-label="Zoom out" title="Zoom out (−)" onClick={() => zoomBy(1 / ZOOM_STEP)}>
          −
        </button>
        <button type="button" className="zoom-level" aria-label="Fit to width" title="Fit to width (0)" onClick={fit}>
          {zoomPercent(view.k)} %
        </button>
        <button type="button" aria-label="Zoom in" title="Zoom in (+)" onClick={() => zoomBy(ZOOM_STEP)}>
          +
        </button>
      </div>
    </div>
  );
}
