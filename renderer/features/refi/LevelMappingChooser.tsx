import type { RefiImportReport } from '../../../shared/api/methods/refi';
import type { Level } from '../../../shared/model/levels';
import { chooseLevel, choiceProblem, type DepthLevels } from './levelChoice';
import { plural } from './refiText';

/**
 * Which depth of the file's code tree becomes which Gioia level, in the project's level names.
 * Each depth row shows how many codes it holds and a few of their names, so the user can recognise
 * the other tool's folders, categories and codes; the line below says what the choice gives.
 */
export function LevelMappingChooser({
  levels,
  levelNames,
  choice,
  onChange,
  checking,
}: {
  levels: RefiImportReport['levels'];
  levelNames: readonly [string, string, string];
  choice: DepthLevels;
  onChange: (choice: DepthLevels) => void;
  checking: boolean;
}) {
  const [conceptName, themeName, dimensionName] = levelNames;
  const problem = choiceProblem(choice, levelNames);
  const { placed } = levels;
  return (
    <fieldset className="field refi-levels">
      <legend>Gioia levels</legend>
      <p className="muted small">
        {levels.depth === 3
          ? `The file’s codes are nested three deep, so they are placed top down as ${dimensionName}, ${themeName} and ${conceptName}. You can change this.`
          : `The file’s codes are nested ${plural(levels.depth, 'level')} deep, so Stige cannot tell on its own which depth is which Gioia level. Pick a level for up to three depths, top down: ${dimensionName}, then ${themeName}, then ${conceptName}. Codes at a depth left “Not placed” keep their own tree in the codebook’s “Not yet placed” area, where you can place them later.`}
      </p>
      <table className="report-table refi-depths" aria-label="Depths of the code tree">
        <thead>
          <tr>
            <th>Depth</th>
            <th>Codes</th>
            <th>For example</th>
            <th>Becomes</th>
          </tr>
        </thead>
        <tbody>
          {levels.perDepth.map((count, i) => (
            <tr key={i}>
              <td>{i === 0 ? '1 (top)' : i + 1}</td>
              <td>{count}</td>
              <td className="refi-examples">{(levels.examples[i] ?? []).map((name) => `“${name}”`).join(', ')}</td>
              <td>
                <select
                  aria-label={`Level for depth ${i + 1}`}
                  value={choice[i] ?? ''}
                  onChange={(e) => onChange(chooseLevel(choice, i, e.target.value ? (Number(e.target.value) as Level) : null))}
                >
                  <option value="">Not placed</option>
                  <option value="3">{dimensionName}</option>
                  <option value="2">{themeName}</option>
                  <option value="1">{conceptName}</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="refi-levels-footer">
        {problem ? (
          <p className="warning" role="alert">
            {problem}
          </p>
        ) : (
          <p className="small" role="status" aria-label="Levels after import">
            {checking ? (
              <span className="muted">Working out where the codes go…</span>
            ) : (
              <>
                <strong>Result:</strong> {dimensionName}: {placed.dimension} · {themeName}: {placed.theme} · {conceptName}: {placed.concept} · Not yet placed: {placed.unplaced}
                {levels.detached > 0 && (
                  <span className="muted">
                    {' '}
                    ({plural(levels.detached, 'code')} {levels.detached === 1 ? 'sits' : 'sit'} inside a code that goes to another level or stays not placed, so{' '}
                    {levels.detached === 1 ? 'it is' : 'they are'} lifted out of it; each keeps its original path in its details.)
                  </span>
                )}
              </>
            )}
          </p>
        )}
        {choice.some((l) => l !== null) && (
          <button type="button" className="link small" onClick={() => onChange(choice.map(() => null))}>
            Leave every code not placed
          </button>
        )}
      </div>
    </fieldset>
  );
}
