import type { AttributeDefinition, AttributeType } from '../../../shared/attributes/values';
import type { SheetColumn, SheetEditor } from './SheetGrid';

const TYPE_NOTE: Readonly<Record<AttributeType, string>> = { text: 'text', number: 'number', date: 'date', choice: 'choice' };

/** The sheet columns of typed attributes, each with a button to delete it. */
export function attributeColumns(attributes: readonly AttributeDefinition[], onDelete: (attribute: AttributeDefinition) => void): SheetColumn[] {
  return attributes.map((a) => ({
    key: `attr:${a.id}`,
    header: a.name,
    editor: a.type satisfies SheetEditor,
    note: a.type === 'choice' ? `choice: ${a.choices.join(' / ')}` : TYPE_NOTE[a.type],
    numeric: a.type === 'number',
    ...(a.type === 'choice' ? { options: a.choices.map((c) => ({ value: c, label: c })) } : {}),
    actions: (
      <button type="button" className="icon" aria-label={`Delete the attribute ${a.name}`} title={`Delete the attribute ${a.name}`} onClick={() => onDelete(a)}>
        ×
      </button>
    ),
  }));
}

/** attribute id → value, as `attr:<id>` keys for the sheet. */
export function attributeValues(values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([id, v]) => [`attr:${id}`, v]));
}
