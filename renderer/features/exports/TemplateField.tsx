import { useId } from 'react';
import { templateProblem, type TemplateKind } from '../../../shared/exports/templates';

/** Why a template value cannot be used, or null: unknown placeholders, unclosed braces, required ones missing. */
export function templateFieldProblem(value: string, kind: TemplateKind, requires?: string): string | null {
  const problem = templateProblem(value, kind);
  if (problem) return problem;
  if (requires && !value.includes(`{${requires}}`)) return `The template must contain {${requires}}, where the quote goes`;
  return null;
}

/**
 * A text field for a template with named placeholders; a problem shows at once under the field
 * (not only when exporting), with the placeholders that are allowed.
 */
export function TemplateField({
  label,
  value,
  kind,
  requires,
  hint,
  onChange,
}: {
  label: string;
  value: string;
  kind: TemplateKind;
  requires?: string;
  hint?: string;
  onChange: (value: string) => void;
}) {
  const errorId = useId();
  const problem = templateFieldProblem(value, kind, requires);
  return (
    <label className="field inline template-field">
      <span className="small">{label}</span>
      <input
        type="text"
        aria-label={label}
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        className={problem ? 'invalid' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem ? (
        <span id={errorId} className="field-error small" role="alert">
          {problem}
        </span>
      ) : (
        hint && <span className="muted small">{hint}</span>
      )}
    </label>
  );
}
