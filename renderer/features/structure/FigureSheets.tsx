import { useMemo, type KeyboardEvent, type MouseEvent } from 'react';
import type { StructurePage } from '../../../shared/layout/pages';
import { structureSvgTree, type SvgNode } from '../../../shared/layout/structureSvg';
import type { PlacedSheet } from './figureGeometry';
import { svgNodeToReact } from './svgReact';

/** How code boxes react, on the main view; the export preview leaves these out. */
export interface SheetInteraction {
  /** Codes to highlight (selected in the codebook). */
  readonly selected: ReadonlySet<string>;
  /** The code whose segments the side panel shows. */
  readonly active: string | null;
  /** The box a drag hovers over, when dropping would regroup. */
  readonly dropTarget: string | null;
  onOpen(codeId: string): void;
}

/**
 * The figure's pages drawn on sheets of paper, in points: exactly the layout every export uses.
 * Code boxes are focusable buttons (click or Enter opens the code's segments).
 */
export function FigureSheets({ pages, sheets, interaction }: { pages: readonly StructurePage[]; sheets: readonly PlacedSheet[]; interaction?: SheetInteraction }) {
  const trees = useMemo(() => pages.map((p) => structureSvgTree(p.layout)), [pages]);
  const labels = useMemo(() => new Map(pages.flatMap((p) => p.layout.boxes.filter((b) => b.codeId).map((b) => [b.codeId!, b.label] as const))), [pages]);
  const open = (event: MouseEvent | KeyboardEvent) => {
    const box = (event.target as Element).closest<SVGGElement>('[data-code-id]');
    if (box && interaction) interaction.onOpen(box.dataset.codeId!);
  };
  const decorate = (node: SvgNode) => {
    const codeId = node.attrs['data-code-id'];
    if (node.tag !== 'g' || typeof codeId !== 'string' || !interaction) return null;
    const classes = ['figure-code'];
    if (interaction.selected.has(codeId)) classes.push('selected');
    if (interaction.active === codeId) classes.push('active');
    if (interaction.dropTarget === codeId) classes.push('drop-ok');
    return {
      className: classes.join(' '),
      tabIndex: 0,
      role: 'button',
      'aria-label': `${labels.get(codeId) ?? ''}: show the coded segments`,
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          open(event);
        }
      },
    };
  };
  return (
    <g className="figure-sheets" onClick={interaction ? open : undefined}>
      {pages.map((page, i) => {
        const sheet = sheets[i];
        const tree = trees[i];
        if (!sheet || !tree) return null;
        return (
          <g key={i} data-page={i + 1} data-orientation={page.orientation}>
            {pages.length > 1 && (
              <text className="sheet-label" x={sheet.x} y={sheet.y - 9}>
                {i + 1}. {page.dimension ?? ''}
              </text>
            )}
            <rect className="sheet" x={sheet.x} y={sheet.y} width={sheet.width} height={sheet.height} />
            <g
              className="figure"
              transform={`translate(${sheet.figureX} ${sheet.figureY})`}
              fontFamily={String(tree.attrs['font-family'])}
              data-width={page.layout.width}
            >
              {tree.children.map((child, j) => (typeof child === 'string' || child.tag === 'style' ? null : svgNodeToReact(child, j, decorate)))}
            </g>
          </g>
        );
      })}
    </g>
  );
}
