import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';

/** Asked once: the name every coding is recorded under (changeable in settings). */
export function CoderNameDialog() {
  const setCoderName = useApp((s) => s.setCoderName);
  const [name, setName] = useState('');
  return (
    <Dialog title="Welcome to Stige">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void setCoderName(name.trim());
        }}
      >
        <p>What is your name? Stige records who made each coding, so a team can compare coders later. You can change it in settings.</p>
        <label className="field">
          <span>Your name as coder</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Kari Nordmann" />
        </label>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={!name.trim()}>
            Continue
          </button>
        </div>
      </form>
    </Dialog>
  );
}
