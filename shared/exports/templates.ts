/**
 * Templates with named placeholders, as users write them for captions, headings and attributions:
 * `Tabell {n}: Representative sitater knyttet til {dimension}.` — `{{` and `}}` stand for literal
 * braces. Which placeholders a template may use depends on what it is for (TEMPLATE_PLACEHOLDERS).
 */

/** One piece of a parsed template. */
export type TemplatePart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'placeholder'; readonly name: string };

/** A template that cannot be parsed or uses a placeholder its kind does not know. */
export class TemplateError extends Error {
  /** The unknown placeholder's name, when that is the problem. */
  readonly placeholder: string | null;
  constructor(message: string, placeholder: string | null = null) {
    super(message);
    this.name = 'TemplateError';
    this.placeholder = placeholder;
  }
}

/** What each kind of template is for, as the user sees it in messages, and the placeholders it takes. */
export const TEMPLATE_PLACEHOLDERS = {
  caption: { what: 'the caption template', names: ['n', 'dimension', 'theme'] },
  heading: { what: 'the heading template', names: ['n', 'dimension', 'theme'] },
  name: { what: 'the attribution template', names: ['label', 'case', 'role', 'document', 'page'] },
  custom: { what: 'the custom attribution template', names: ['quote', 'label', 'case', 'role', 'document', 'page', 'concept', 'theme', 'dimension'] },
  overviewCaption: { what: 'the overview caption template', names: ['n'] },
  duration: { what: 'the duration template', names: ['h', 'm'] },
  total: { what: 'the total row template', names: ['case', 'count', 'duration', 'pages', 'words'] },
  informantCaption: { what: 'the quote list caption template', names: ['label', 'case', 'role', 'count'] },
} as const satisfies Record<string, { what: string; names: readonly string[] }>;

/** The kinds of templates. */
export type TemplateKind = keyof typeof TEMPLATE_PLACEHOLDERS;

/** Split a template into text and placeholders. Throws TemplateError on an unclosed or empty brace. */
export function parseTemplate(template: string, what = 'the template'): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i]!;
    if (ch === '{' && template[i + 1] === '{') {
      text += '{';
      i += 2;
    } else if (ch === '}' && template[i + 1] === '}') {
      text += '}';
      i += 2;
    } else if (ch === '{') {
      const close = template.indexOf('}', i + 1);
      if (close < 0) throw new TemplateError(`${capitalise(what)} has a “{” that is not closed (write {{ for a brace)`);
      const name = template.slice(i + 1, close).trim();
      if (!name) throw new TemplateError(`${capitalise(what)} has an empty placeholder {}`);
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'placeholder', name });
      i = close + 1;
    } else if (ch === '}') {
      throw new TemplateError(`${capitalise(what)} has a “}” that closes nothing (write }} for a brace)`);
    } else {
      text += ch;
      i += 1;
    }
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/**
 * Why `template` is not a valid template of `kind`, as a message naming the unknown placeholder
 * and the ones allowed, or null when it is valid.
 */
export function templateProblem(template: string, kind: TemplateKind): string | null {
  const spec = TEMPLATE_PLACEHOLDERS[kind];
  try {
    checkTemplate(template, kind);
    return null;
  } catch (error) {
    if (error instanceof TemplateError) return error.message;
    return `${capitalise(spec.what)} cannot be read`;
  }
}

/** Throw TemplateError when `template` is not a valid template of `kind`. */
export function checkTemplate(template: string, kind: TemplateKind): void {
  const spec = TEMPLATE_PLACEHOLDERS[kind];
  const allowed: readonly string[] = spec.names;
  for (const part of parseTemplate(template, spec.what)) {
    if (part.kind === 'placeholder' && !allowed.includes(part.name)) {
      throw new TemplateError(
        `Unknown placeholder {${part.name}} in ${spec.what}; it may use ${allowed.map((n) => `{${n}}`).join(', ')}`,
        part.name,
      );
    }
  }
}

/** The placeholders a template uses, in order, without repeats. */
export function placeholdersOf(template: string): string[] {
  const names: string[] = [];
  for (const part of parseTemplate(template)) if (part.kind === 'placeholder' && !names.includes(part.name)) names.push(part.name);
  return names;
}

/** Fill a template; placeholders without a value become empty text. */
export function renderTemplate(template: string, values: Readonly<Record<string, string | number | null | undefined>>): string {
  return parseTemplate(template)
    .map((part) => (part.kind === 'text' ? part.text : String(values[part.name] ?? '')))
    .join('');
}

/**
 * Fill a template around one placeholder kept apart (the table number, which DOCX writes as a SEQ
 * field): returns the text before its first use, whether it occurs, and the text after.
 */
export function splitTemplateAt(
  template: string,
  name: string,
  values: Readonly<Record<string, string | number | null | undefined>>,
): { readonly before: string; readonly found: boolean; readonly after: string } {
  const parts = parseTemplate(template);
  const at = parts.findIndex((p) => p.kind === 'placeholder' && p.name === name);
  const fill = (list: TemplatePart[]) => list.map((p) => (p.kind === 'text' ? p.text : String(values[p.name] ?? ''))).join('');
  if (at < 0) return { before: fill(parts), found: false, after: '' };
  return { before: fill(parts.slice(0, at)), found: true, after: fill(parts.slice(at + 1)) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
