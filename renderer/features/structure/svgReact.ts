import { createElement, type ReactElement } from 'react';
import type { SvgNode } from '../../../shared/layout/structureSvg';
import { reactAttributeName } from '../../../shared/layout/structureSvg';

/** Extra props for an element (handlers, classes, focus), or null for none. */
export type Decorate = (node: SvgNode) => Readonly<Record<string, unknown>> | null;

/**
 * Turn the layout's renderer-neutral SVG tree into React elements, with SVG attribute names as
 * React spells them. Element ids are left out (several copies of a figure can be on screen) and
 * `decorate` adds what the screen needs (click handlers, focus, highlight classes).
 */
export function svgNodeToReact(node: SvgNode, key: string | number, decorate?: Decorate): ReactElement {
  const props: Record<string, unknown> = { key };
  for (const [name, value] of Object.entries(node.attrs)) {
    if (name === 'id' || name === 'xmlns') continue;
    props[reactAttributeName(name)] = value;
  }
  const extra = decorate?.(node);
  if (extra) Object.assign(props, extra);
  const children = node.children.map((child, i) => (typeof child === 'string' ? child : svgNodeToReact(child, i, decorate)));
  return createElement(node.tag, props, ...children);
}

/** The text of a node and everything in it. */
export function svgText(node: SvgNode): string {
  return node.children.map((c) => (typeof c === 'string' ? c : svgText(c))).join(' ');
}
