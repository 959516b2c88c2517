import { useState } from 'react';
import { ATTRIBUTE_TYPES, type AttributeScope, type AttributeType } from '../../../shared/attributes/values';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';

const TYPE_HELP: Readonly<Record<AttributeType, string>> = {
  text: 'Text — anything (position, education…)',
  number: 'Number — e.g. age, years in the job (3,5 and 3.5 both work)',
  date: 'Date — e.g. interview date (2024-03-01 or 1.3.2024)',
  choice: 'Choice — one of a fixed list (leader / politician…)',
};

/** Add a typed attribute column to the informants or cases table. */
export function AddAttributeDialog({ scope, onClose }: { scope: AttributeScope; onClose(): void }) {
  const createAttribute = useApp((s) => s.createAttribute);
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('text');
  const [choices, setChoices] = useState('');
  const list = choices
    .split(/[\n,;]/)
    .map((c) => c.trim())
    .filter(Boolean);
  const ready = name.trim() !== '' && (type !== 'choice' || list.length > 0);
  return (
    <Dialog title={`Add an attribute of ${scope === 'informant' ? 'informants' : 'cases'}`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          void createAttribute(scope, name.trim(), type, list).then((created) => created && onClose());
        }}
      >
        <label className="field">
          <span>Name</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-label="Attribute name" placeholder={scope === 'informant' ? 'e.g. Position, Age' : 'e.g. Size, Region'} />
        </label>
        <fieldset className="field">
          <legend>Type</legend>
          {ATTRIBUTE_TYPES.map((t) => (
            <label key={t} className="check">
              <input type="radio" name="attribute-type" checked={type === t} onChange={() => setType(t)} aria-label={t} /> {TYPE_HELP[t]}
            </label>
          ))}
        </fieldset>
        {type === 'choice' && (
          <label className="field">
            <span>Choices (comma-separated or one per line)</span>
            <textarea rows={3} value={choices} onChange={(e) => setChoices(e.target.value)} aria-label="Choices" placeholder="Leader, Politician, Employee" />
          </label>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!ready}>
            Add column
          </button>
        </div>
      </form>
    </Dialog>
  );
}
