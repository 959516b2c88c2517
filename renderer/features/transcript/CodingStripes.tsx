import { useEffect, useMemo, useRef, useState } from 'react';
import { afterPaint, whenIdle } from '../../afterPaint';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useApp } from '../../store/StoreContext';
import { selectVisibleCodings } from '../../store/selectors';
import type { TranscriptModel } from './transcriptModel';
import { lanesIn, stripeLanes, type StripeLane } from './stripeLanes';
import { firstIndexWhere } from './firstIndexWhere';

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
 * Lanes come from the text; positions are measured from the marks of the paragraphs near the
 * viewport only (half a screen above and below, those laid out), again as it scrolls: measuring
 * every mark of a long transcript forced a layout of the whole document after each change.
 */
export function CodingStripes({ model }: { model: TranscriptModel | null }) {
  const [editor] = useLexicalComposerContext();
  const codings = useApp((s) => s.codings);
  const codes = useApp((s) => s.codes);
  const visible = useApp(selectVisibleCodings);
  const selected = useApp((s) => s.selectedCodingId);
  const selectCoding = useApp((s) => s.selectCoding);
  const [stripes, setStripes] = useState<readonly Stripe[]>([]);
  // Lanes follow a coding change in a render of their own, after the highlight has been painted.
  const lanesFor = useValueAfterPaint(visible);
  const lanes = useMemo(() => (model ? stripeLanes(model.paragraphs, lanesFor) : []), [model, lanesFor]);
  const lanesRef = useRef(lanes);
  lanesRef.current = lanes;
  const measureRef = useRef<() => void>(() => {});

  useEffect(() => {
    if (!model) return undefined;
    let cancel = () => {};
    const run = () => {
      const next = measureStripes(editor, model, lanesRef.current);
      if (next) setStripes((current) => (sameStripes(current, next) ? current : next));
    };
    // Measured when the browser is idle: after the frame that shows a new coding or a scrolled-to
    // passage has been painted, when layout is clean and reading it costs nothing.
    const later = () => {
      cancel();
      cancel = whenIdle(run);
    };
    measureRef.current = later;
    later();
    const offUpdate = editor.registerUpdateListener(later);
    const root = editor.getRootElement();
    const scroller = root?.closest('.transcript-scroll');
    scroller?.addEventListener('scroll', later, { passive: true });
    // Paragraphs coming into view are laid out (content-visibility): their stripes can be measured.
    root?.addEventListener('contentvisibilityautostatechange', later, true);
    const observer = new ResizeObserver(later);
    if (root) observer.observe(root);
    return () => {
      cancel();
      offUpdate();
      scroller?.removeEventListener('scroll', later);
      root?.removeEventListener('contentvisibilityautostatechange', later, true);
      observer.disconnect();
    };
  }, [editor, model]);

  // New lanes (a coding added or removed, the filter changed): measure again.
  useEffect(() => measureRef.current(), [lanes]);

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

/** `value`, but a change shows only after the next frame has been painted. */
function useValueAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => (shown === value ? undefined : afterPaint(() => setShown(value))), [shown, value]);
  return shown;
}

/** The stripes of the codings in the paragraphs near the viewport, positioned from their marks. */
function measureStripes(editor: LexicalEditor, model: TranscriptModel, lanes: readonly StripeLane[]): Stripe[] | null {
  const root = editor.getRootElement();
  const scroller = root?.closest('.transcript-scroll');
  if (!root || !scroller || model.keys.length === 0) return null;
  const view = scroller.getBoundingClientRect();
  const margin = view.height / 2;
  const element = (index: number) => editor.getElementByKey(model.keys[index]!);
  const first = firstIndexWhere(model.keys.length, (i) => (element(i)?.getBoundingClientRect().bottom ?? -Infinity) >= view.top - margin);
  const last = firstIndexWhere(model.keys.length, (i) => (element(i)?.getBoundingClientRect().top ?? -Infinity) > view.bottom + margin) - 1;
  if (first > last) return [];
  const origin = root.getBoundingClientRect();
  const spans = new Map<string, { top: number; bottom: number }>();
  for (let i = first; i <= last; i += 1) {
    const paragraph = element(i);
    // A paragraph whose content is not laid out yet (content-visibility) is measured once it is:
    // reading its marks now would force a layout of it, one mark at a time.
    if (!paragraph || !isRendered(paragraph)) continue;
    for (const mark of paragraph.querySelectorAll<HTMLElement>('mark[data-codings]')) {
      const rect = mark.getBoundingClientRect();
      const top = rect.top - origin.top;
      const bottom = rect.bottom - origin.top;
      for (const id of (mark.dataset.codings ?? '').split(' ')) {
        if (!id) continue;
        const span = spans.get(id);
        spans.set(id, span ? { top: Math.min(span.top, top), bottom: Math.max(span.bottom, bottom) } : { top, bottom });
      }
    }
  }
  const out: Stripe[] = [];
  for (const lane of lanesIn(lanes, first, last)) {
    const span = spans.get(lane.id);
    if (span && lane.lane < MAX_LANES) out.push({ id: lane.id, top: span.top, height: Math.max(6, span.bottom - span.top), lane: lane.lane });
  }
  return out;
}

/** Whether the paragraph's content is laid out (not skipped by `content-visibility: auto`). */
function isRendered(paragraph: HTMLElement): boolean {
  const child = paragraph.firstElementChild as (Element & { checkVisibility?: (options: object) => boolean }) | null;
  return !child?.checkVisibility || child.checkVisibility({ contentVisibilityAuto: true });
}

function sameStripes(a: readonly Stripe[], b: readonly Stripe[]): boolean {
  return a.length === b.length && a.every((s, i) => s.id === b[i]!.id && s.top === b[i]!.top && s.height === b[i]!.height && s.lane === b[i]!.lane);
}
