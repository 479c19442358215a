import { type FormEvent, useState } from 'react';
import { navigate } from '../app/navigation';
import { linkTarget } from '../app/route';

/** Opens a map from a pasted edit or view link. */
export function OpenLinkForm() {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = linkTarget(text);
    if (!target) {
      setError('That is not a map link. A link looks like …/m/<map id>#token=…');
      return;
    }
    navigate(target);
  };
  return (
    <form className="open-link" onSubmit={submit}>
      <label htmlFor="open-link-input">Open a link</label>
      <div className="row">
        <input
          id="open-link-input"
          type="url"
          placeholder="Paste an edit or view link"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError('');
          }}
          aria-invalid={error !== ''}
          aria-describedby="open-link-error"
        />
        <button type="submit" className="button">
          Open
        </button>
      </div>
      <p id="open-link-error" className="field-error" role={error ? 'alert' : undefined}>
        {error}
      </p>
    </form>
  );
}
