import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampTransform, fitWidth, PX_PER_PT, stackSheets, viewBoxFor, zoomPercent } from '../../../../../renderer/features/structure/figureGeometry';

describe('stackSheets', () => {
  it('puts one sheet at the origin with the margin around the figure', () => {
    const { sheets, width, height } = stackSheets([{ width: 453.5, height: 200 }], 20, 30);
    expect(sheets).toEqual([{ x: 0, y: 0, width: 493.5, height: 240, figureX: 20, figureY: 20 }]);
    expect([width, height]).toEqual([493.5, 240]);
  });

  it('stacks parts top to bottom with a gap above each for its name, centred on the widest', () => {
    const { sheets, width, height } = stackSheets(
      [
        { width: 400, height: 100 },
        { width: 700, height: 50 },
      ],
      10,
      30,
    );
    expect(width).toBe(720);
    expect(sheets[0]).toMatchObject({ x: 150, y: 18, width: 420, height: 120 });
    expect(sheets[1]).toMatchObject({ x: 0, y: 168, width: 720, height: 70, figureX: 10, figureY: 178 });
    expect(height).toBe(238);
  });

  it('is empty for no figures', () => {
    expect(stackSheets([])).toEqual({ sheets: [], width: 0, height: 0 });
  });
});

describe('fitWidth', () => {
  it('fills the viewport width less the padding, centred, top aligned', () => {
    const t = fitWidth({ width: 500, height: 300 }, { width: 1040, height: 600 }, 20, 10);
    expect(t.k).toBeCloseTo(2);
    expect(t.x).toBeCloseTo(20);
    expect(t.y).toBe(20);
  });

  it('does not blow a small figure up beyond the largest scale', () => {
    const t = fitWidth({ width: 100, height: 50 }, { width: 1000, height: 600 }, 20, 2.5);
    expect(t.k).toBe(2.5);
    expect(t.x).toBe((1000 - 250) / 2);
  });

  it('survives an empty figure or an unmeasured viewport', () => {
    expect(fitWidth({ width: 0, height: 0 }, { width: 800, height: 600 })).toMatchObject({ k: 1 });
    expect(fitWidth({ width: 400, height: 100 }, { width: 0, height: 0 })).toMatchObject({ k: 1 });
  });
});

describe('clampTransform', () => {
  const content = { width: 500, height: 400 };
  const viewport = { width: 800, height: 600 };

  it('leaves a transform that shows the content alone', () => {
    expect(clampTransform({ k: 1, x: 10, y: 10 }, content, viewport)).toEqual({ k: 1, x: 10, y: 10 });
  });

  it('keeps some of the content in view however far it is panned', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 8, noNaN: true }), fc.double({ min: -1e5, max: 1e5, noNaN: true }), fc.double({ min: -1e5, max: 1e5, noNaN: true }), (k, x, y) => {
        const t = clampTransform({ k, x, y }, content, viewport, 80);
        // The content's screen box [x, x + w·k] overlaps the viewport by at least 80 px (or half of it).
        expect(Math.min(t.x + content.width * k, viewport.width) - Math.max(t.x, 0)).toBeGreaterThanOrEqual(Math.min(80, content.width * k) - 1e-6);
        expect(Math.min(t.y + content.height * k, viewport.height) - Math.max(t.y, 0)).toBeGreaterThanOrEqual(Math.min(80, content.height * k) - 1e-6);
        expect(t.k).toBe(k);
      }),
    );
  });
});

describe('viewBoxFor and zoomPercent', () => {
  it('turns a transform into the viewBox in points', () => {
    expect(viewBoxFor({ k: 2, x: 40, y: 20 }, { width: 800, height: 600 })).toBe('-20 -10 400 300');
  });

  it('says 100 % when a point is as big as on paper', () => {
    expect(zoomPercent(PX_PER_PT)).toBe(100);
    expect(zoomPercent(PX_PER_PT * 1.5)).toBe(150);
  });
});
