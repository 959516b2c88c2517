import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useApp } from '../../store/StoreContext';

interface Stripe {
  readonly id: string;
  readonly top: number;
  readonly height: number;
  readonly lane: number;
}

const MAX_LANES = 8;

/**
 * The margin of coding stripes (as in MAXQDA): one bar per coding beside the lines it covers, in
 * its code's colour, in lanes so overlapping codings sit side by side. Click a bar to select it.
 * Positions come from the marks the editor rendered, measured after each update.
 */
export function CodingStripes() {
  const [editor] = useLexicalComposerContext();
  const codings = useApp((s) => s.codings);
  const codes = useApp((s) => s.codes);
  const selected = useApp((s) => s.selectedCodingId);
  const selectCoding = useApp((s) => s.selectCoding);
  const [stripes, setStripes] = useState<readonly Stripe[]>([]);

  useEffect(() => {
    // Measured when the browser is idle, after the highlight has been painted: reading the layout
    // of every mark must not delay the frame that shows a new coding.
    let frame = 0;
    const idle = (fn: () => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 300 }) : (setTimeout(fn, 50) as unknown as number);
    const cancelIdle = (id: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : clearTimeout(id));
    const measure = () => {
      cancelIdle(frame);
      frame = idle(() => {
        const root = editor.getRootElement();
        if (!root) return;
        const origin = root.getBoundingClientRect();
        const spans = new Map<string, { top: number; bottom: number }>();
        for (const mark of root.querySelectorAll<HTMLElement>('mark[data-codings]')) {
          const rect = mark.getBoundingClientRect();
          for (const id of (mark.dataset.codings ?? '').split(' ')) {
            if (!id) continue;
            const span = spans.get(id);
            const top = rect.top - origin.top;
            const bottom = rect.bottom - origin.top;
            if (span) spans.set(id, { top: Math.min(span.top, top), bottom: Math.max(span.bottom, bottom) });
            else spans.set(id, { top, bottom });
          }
        }
        // Greedy interval packing: each bar takes the first lane free at its top.
        const sorted = [...spans].sort((a, b) => a[1].top - b[1].top || b[1].bottom - a[1].bottom);
        const laneEnds: number[] = [];
        const placed: Stripe[] = [];
        for (const [id, span] of sorted) {
          let lane = laneEnds.findIndex((end) => end <= span.top + 1);
          if (lane < 0) lane = laneEnds.length;
          laneEnds[lane] = span.bottom;
          if (lane < MAX_LANES) placed.push({ id, top: span.top, height: Math.max(6, span.bottom - span.top), lane });
        }
        setStripes(placed);
      });
    };
    measure();
    const offUpdate = editor.registerUpdateListener(measure);
    const observer = new ResizeObserver(measure);
    const root = editor.getRootElement();
    if (root) observer.observe(root);
    return () => {
      cancelIdle(frame);
      offUpdate();
      observer.disconnect();
    };
  }, [editor]);

  return (
    <div className="coding-stripes" aria-label="Coding stripes">
      {stripes.map((stripe) => {
        const coding = codings[stripe.id];
        const code = coding ? codes[coding.codeId] : undefined;
        if (!coding || !code) return null;
        return (
          <button
            key={stripe.id}
            type="button"
            className={`stripe${selected === stripe.id ? ' selected' : ''}`}
            style={{ top: stripe.top, height: stripe.height, right: 8 + stripe.lane * 9, background: code.color }}
            title={`${code.label}${coding.representative ? ' ★' : ''}`}
            aria-label={`Coding: ${code.label}`}
            onClick={() => selectCoding(stripe.id)}
          />
        );
      })}
    </div>
  );
}
