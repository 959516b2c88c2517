import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { svgNodeToReact, svgText } from '../../../../../renderer/features/structure/svgReact';
import type { SvgNode } from '../../../../../shared/layout/structureSvg';

const box: SvgNode = {
  tag: 'g',
  attrs: { id: 'box-1', 'data-kind': 'concept', 'data-code-id': 'c1' },
  children: [
    { tag: 'rect', attrs: { x: 1, y: 2, width: 30, height: 10, fill: '#fff', stroke: '#333', 'stroke-width': 0.6 }, children: [] },
    { tag: 'text', attrs: { x: 3, y: 9, 'font-size': 9, 'font-weight': 400, 'text-anchor': 'middle' }, children: ['Lov å feile «her» & 🙂'] },
  ],
};

describe('svgNodeToReact', () => {
  it('renders SVG attribute names the way React needs them, keeping data attributes and the text', () => {
    const html = renderToStaticMarkup(createElement('svg', {}, svgNodeToReact(box, 0)));
    expect(html).toContain('stroke-width="0.6"');
    expect(html).toContain('font-size="9"');
    expect(html).toContain('text-anchor="middle"');
    expect(html).toContain('data-code-id="c1"');
    expect(html).toContain('Lov å feile «her» &amp; 🙂');
  });

  it('leaves ids out, so several copies of a figure can be on one page', () => {
    const html = renderToStaticMarkup(createElement('svg', {}, svgNodeToReact(box, 0)));
    expect(html).not.toContain('id="box-1"');
  });

  it('adds what decorate returns to the elements it chooses', () => {
    const html = renderToStaticMarkup(
      createElement(
        'svg',
        {},
        svgNodeToReact(box, 0, (node) => (node.attrs['data-code-id'] ? { className: 'figure-code selected', tabIndex: 0, role: 'button' } : null)),
      ),
    );
    expect(html).toMatch(/<g[^>]*class="figure-code selected"[^>]*tabindex="0"[^>]*role="button"/);
    expect(html.match(/class=/g)).toHaveLength(1);
  });
});

describe('svgText', () => {
  it('joins the text of every line of a box', () => {
    const wrapped: SvgNode = { tag: 'g', attrs: {}, children: [{ tag: 'text', attrs: {}, children: ['Innovasjon i'] }, { tag: 'text', attrs: {}, children: ['kommunen'] }] };
    expect(svgText(wrapped)).toBe('Innovasjon i kommunen');
  });
});
