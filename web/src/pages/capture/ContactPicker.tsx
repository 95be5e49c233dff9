import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { searchContacts } from '../../api/capture.ts';
import type { ContactMatch } from '../../api/types/capture.ts';
import { t } from '../../i18n/t.ts';

/** What the picker resolved to: a known contact, or a new one typed inline. */
export type PickedContact =
  { kind: 'existing'; contact: ContactMatch } | { kind: 'new'; name: string; email: string };

/** Wait after the last keystroke before asking the server, so typing a name costs one request, not eight. */
const DEBOUNCE_MS = 200;

/**
 * Search-as-you-type combobox (ARIA 1.2 pattern): arrow keys move through the matches and the "new contact" row,
 * Enter picks, Escape closes. Each match says whether a touch now would be a new prospect or a follow-up, as the
 * server derived it.
 */
export function ContactPicker({
  value,
  onChange,
  inputRef,
}: {
  value: PickedContact | null;
  onChange: (value: PickedContact | null) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const listId = useId();
  const [q, setQ] = useState('');
  const [matches, setMatches] = useState<ContactMatch[]>([]);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    const text = q.trim();
    if (text === '') {
      setMatches([]);
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    const mine = ++seq.current;
    setLoading(true);
    const timer = setTimeout(() => {
      searchContacts(text, controller.signal).then(
        (found) => {
          if (mine !== seq.current) return;
          setMatches(found);
          setActive(0);
          setLoading(false);
        },
        () => {
          if (mine === seq.current) setLoading(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  // The last row is always "new contact", named from what was typed (an address goes to the e-mail field).
  const rows = matches.length + 1;
  const pickNew = () => {
    const text = q.trim();
    onChange(
      text.includes('@') ? { kind: 'new', name: '', email: text } : { kind: 'new', name: text, email: '' },
    );
    // The search starts empty for the next touch (the picker stays mounted while a contact is shown).
    setQ('');
    setOpen(false);
  };
  const pick = (i: number) => {
    const m = matches[i];
    if (m) {
      onChange({ kind: 'existing', contact: m });
      setQ('');
      setOpen(false);
    } else pickNew();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % rows);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a - 1 + rows) % rows);
    } else if (e.key === 'Enter' && open && q.trim() !== '') {
      // Enter picks the highlighted row; with the list closed it submits the form as usual.
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Escape') setOpen(false);
  };

  if (value?.kind === 'existing') {
    const c = value.contact;
    return (
      <div className="picked-contact" data-testid="picked-contact">
        <span>
          <strong>{c.name}</strong>
          {c.email ? <span className="muted"> · {c.email}</span> : null}
          {c.accountName ? <span className="muted"> · {c.accountName}</span> : null}
        </span>
        <TouchPill kind={c.nextTouch} />
        <button
          type="button"
          className="secondary"
          onClick={() => {
            onChange(null);
            setTimeout(() => inputRef.current?.focus());
          }}
        >
          {t('log.change')}
        </button>
      </div>
    );
  }
  if (value?.kind === 'new') {
    return (
      <div className="new-contact" data-testid="new-contact">
        <label>
          {t('log.newName')}
          <input
            value={value.name}
            autoComplete="off"
            maxLength={200}
            onChange={(e) => onChange({ ...value, name: e.target.value })}
            autoFocus={value.name === ''}
          />
        </label>
        <label>
          {t('log.newEmail')}
          <input
            type="email"
            value={value.email}
            autoComplete="off"
            maxLength={320}
            onChange={(e) => onChange({ ...value, email: e.target.value })}
            autoFocus={value.name !== ''}
          />
        </label>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            onChange(null);
            setTimeout(() => inputRef.current?.focus());
          }}
        >
          {t('log.change')}
        </button>
      </div>
    );
  }
  const showList = open && q.trim() !== '';
  return (
    <div className="contact-picker">
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label={t('log.contact')}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        placeholder={t('log.contactPlaceholder')}
        autoComplete="off"
        maxLength={100}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
      />
      {showList && (
        <ul id={listId} role="listbox" className="contact-options" aria-label={t('log.contact')}>
          {loading && matches.length === 0 && <li className="muted">{t('log.searching')}</li>}
          {!loading && matches.length === 0 && <li className="muted">{t('log.noMatch')}</li>}
          {matches.map((m, i) => (
            <li
              key={m.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(i)}
            >
              <span>
                <strong>{m.name}</strong>
                <span className="muted">
                  {m.email ? ` · ${m.email}` : ''}
                  {m.accountName ? ` · ${m.accountName}` : ''}
                </span>
              </span>
              <TouchPill kind={m.nextTouch} />
            </li>
          ))}
          <li
            id={`${listId}-${matches.length}`}
            role="option"
            aria-selected={active === matches.length}
            className={active === matches.length ? 'active' : ''}
            onMouseDown={(e) => e.preventDefault()}
            onClick={pickNew}
          >
            {t('log.newContactNamed', { name: q.trim() })}
          </li>
        </ul>
      )}
    </div>
  );
}

/** "New prospect" / "Follow-up" as the server derived it. */
export function TouchPill({ kind }: { kind: 'new_prospect' | 'follow_up' }) {
  return (
    <span className={`pill ${kind === 'new_prospect' ? 'good' : ''}`}>
      {t(kind === 'new_prospect' ? 'log.newProspect' : 'log.followUp')}
    </span>
  );
}
