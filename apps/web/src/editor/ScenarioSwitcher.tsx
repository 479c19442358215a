import { AS_IS_ID, type Scenario } from '@procmap/model';
import { useEffect, useRef } from 'react';
import { type Dialog, useSession } from '../store/session-store';
import { chordLabel } from './keys';
import { scenarioLabel } from './scenario-names';
import { useMenuButton } from './useMenuButton';

/**
 * By the map's title: which process is shown (the as-is or a scenario) and a menu to show
 * another, make a new scenario from the as-is or from the one shown, rename, describe or delete
 * it. A menu button in the ARIA sense, as the toolbar's "More": Enter, Space or ↓ open it on its
 * first item (↑ on its last), the arrows, Home and End move, Esc closes it and gives the keyboard
 * back to the button, Tab or a click elsewhere closes it. A view-only link can switch, not edit.
 */
export function ScenarioSwitcher({
  scenarios,
  readOnly,
}: {
  scenarios: readonly Scenario[];
  readOnly: boolean;
}) {
  const { open, setOpen, button, menu, buttonId, menuId, onMenuKey, onButtonKey, done } =
    useMenuButton();
  const processId = useSession((s) => s.processId);
  const view = useSession((s) => s.view);
  const shown = scenarios.find((s) => s.id === processId);
  const shownName = shown ? scenarioLabel(shown.name) : 'As-is';

  // Alt+S, from anywhere in the editor: the menu opens on the process shown.
  const asked = useSession((s) => s.switcherAsked);
  const lastAsked = useRef(asked);
  useEffect(() => {
    if (asked === lastAsked.current) return;
    lastAsked.current = asked;
    setOpen('first');
  }, [asked, setOpen]);

  const show = (id: string, name: string) => () => {
    done();
    // Picking a process from the comparison shows its map.
    if (view === 'compare') useSession.getState().setView('map');
    if (id === processId) return;
    useSession.getState().showProcess(id);
    useSession.getState().setHint(`Showing ${name}.`);
  };
  const toggleCompare = () => {
    done();
    useSession.getState().setView(view === 'compare' ? 'map' : 'compare');
  };
  const ask = (dialog: Dialog) => () => {
    done();
    useSession.getState().openDialog(dialog);
  };

  return (
    <span className="scenario-switcher">
      <button
        ref={button}
        id={buttonId}
        type="button"
        className={`button scenario-switcher__button${shown ? ' is-scenario' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? menuId : undefined}
        title={`Process shown: ${shownName}. As-is and scenarios`}
        data-testid="scenario-switcher"
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={onButtonKey}
      >
        <span className="visually-hidden">Process shown: </span>
        <span className="scenario-switcher__name">{shownName}</span>
        <svg
          className="scenario-switcher__caret"
          viewBox="0 0 12 12"
          width="12"
          height="12"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M2 4l4 4 4-4" />
        </svg>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className="menu scenario-switcher__menu"
          role="menu"
          aria-labelledby={buttonId}
          data-own-keys=""
          data-testid="scenario-menu"
          onKeyDown={onMenuKey}
        >
          <button
            type="button"
            role="menuitemradio"
            aria-checked={!shown}
            tabIndex={-1}
            onClick={show(AS_IS_ID, 'the as-is')}
          >
            <span>As-is</span>
          </button>
          {scenarios.map((s) => (
            <button
              key={s.id}
              type="button"
              role="menuitemradio"
              aria-checked={s.id === shown?.id}
              tabIndex={-1}
              onClick={show(s.id, `the scenario “${scenarioLabel(s.name)}”`)}
            >
              <span>{scenarioLabel(s.name)}</span>
            </button>
          ))}
          <hr className="menu__separator" />
          {/* The comparison is a view to turn on and off, as the outline is: checked while shown. */}
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={view === 'compare'}
            tabIndex={-1}
            data-testid="compare-toggle"
            onClick={toggleCompare}
          >
            <span>Compare side by side</span>
            <kbd>{chordLabel('Alt+M')}</kbd>
          </button>
          {!readOnly && (
            <>
              <hr className="menu__separator" />
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={ask({ kind: 'new-scenario', from: AS_IS_ID })}
              >
                New scenario from as-is…
              </button>
              {shown && (
                <>
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    onClick={ask({ kind: 'new-scenario', from: shown.id })}
                  >
                    New scenario from this scenario…
                  </button>
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    onClick={ask({ kind: 'rename-scenario', id: shown.id })}
                  >
                    Rename…
                  </button>
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    onClick={ask({ kind: 'describe-scenario', id: shown.id })}
                  >
                    Describe…
                  </button>
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    className="menu__danger"
                    onClick={ask({ kind: 'delete-scenario', id: shown.id })}
                  >
                    Delete…
                  </button>
                </>
              )}
            </>
          )}
        </div>
      )}
    </span>
  );
}
