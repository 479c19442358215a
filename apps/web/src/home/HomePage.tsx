import { type FormEvent, useState } from 'react';
import { createMap } from '../api/maps-api';
import { ImportControl } from './ImportControl';
import { MapList } from './MapList';
import { OpenLinkForm } from './OpenLinkForm';
import { openCreatedMap } from './open-created';
import { TEMPLATES } from './templates';
import { useRecentMaps } from './useRecentMaps';

/**
 * The first page: new map, templates, import a file, open a link, and the maps this browser
 * made or opened.
 */
export function HomePage() {
  const recent = useRecentMaps();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');

  const create = async (what: string, body: object) => {
    setBusy(what);
    setError('');
    try {
      openCreatedMap(await createMap(body));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(null);
    }
  };

  const submitNew = (event: FormEvent) => {
    event.preventDefault();
    void create('new', { title: title.trim() || 'Untitled map' });
  };

  return (
    <main className="page home">
      <header className="home__header">
        <h1 className="brand">procmap</h1>
        <p className="lead">Map a service live with the people who run it: one lane per role.</p>
      </header>

      <section className="card" aria-labelledby="new-map-heading">
        <h2 id="new-map-heading">New map</h2>
        <form className="row" onSubmit={submitNew}>
          <label htmlFor="new-map-title" className="visually-hidden">
            Title of the new map
          </label>
          <input
            id="new-map-title"
            placeholder="Title, e.g. Outpatient referral"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={busy !== null}>
            {busy === 'new' ? 'Creating…' : 'New map'}
          </button>
        </form>
        <h3>From a template</h3>
        <ul className="templates">
          {TEMPLATES.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="template"
                disabled={busy !== null}
                onClick={() => void create(t.id, t.file)}
              >
                <span className="template__title">{busy === t.id ? 'Creating…' : t.title}</span>
                <span className="muted">{t.summary}</span>
              </button>
            </li>
          ))}
        </ul>
        {error && (
          <p className="notice notice--error" role="alert">
            The map could not be created: {error}
          </p>
        )}
        <ImportControl disabled={busy !== null} />
        <OpenLinkForm />
      </section>

      <section className="card" aria-labelledby="maps-heading">
        <h2 id="maps-heading">Your maps</h2>
        <MapList maps={recent.maps} onForget={recent.forget} />
      </section>
    </main>
  );
}
