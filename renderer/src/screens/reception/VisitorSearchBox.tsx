import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitorSuggestion } from '../../../../shared/domain/visit';
import { formatDayLong } from '../../../../shared/time';
import { api } from '../../api/client';

const DEBOUNCE_MS = 150;

/** Type part of a name, phone or email; matching past visitors appear with masked contacts. */
export function VisitorSearchBox({ onPick }: { onPick: (v: VisitorSuggestion) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  // The answer is kept with the query it answers, so a stale answer is never shown.
  const [answer, setAnswer] = useState<{ query: string; results: VisitorSuggestion[] } | null>(
    null,
  );
  const [active, setActive] = useState(-1);
  const [dismissed, setDismissed] = useState(false);
  const searchable = query.trim().length >= 2;
  const searched = searchable && answer?.query === query;
  const results = searched && !dismissed ? answer.results : [];

  useEffect(() => {
    if (!searchable) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await api('visitor.search', { query: query.slice(0, 100) });
      if (!current) return;
      setAnswer({ query, results: result.ok ? result.value : [] });
      setActive(-1);
      setDismissed(false);
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, searchable]);

  const pick = (v: VisitorSuggestion) => {
    onPick(v);
    setQuery('');
    setAnswer(null);
  };

  const open = results.length > 0;
  const listId = `${id}-list`;
  return (
    <div className="search">
      <label htmlFor={id}>{t('reception.searchLabel')}</label>
      <input
        id={id}
        type="search"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && open) {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, results.length - 1));
          } else if (e.key === 'ArrowUp' && open) {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && active >= 0) {
            e.preventDefault();
            const chosen = results[active];
            if (chosen) pick(chosen);
          } else if (e.key === 'Escape') {
            setDismissed(true);
          }
        }}
      />
      <p id={`${id}-hint`} className="field__hint">
        {t('reception.searchHint')}
      </p>
      <ul
        id={listId}
        role="listbox"
        aria-label={t('reception.suggestionsLabel')}
        className="search__list"
        hidden={!open}
      >
        {results.map((v, i) => (
          <li
            key={v.visitorId}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={`search__option${i === active ? ' search__option--active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(v)}
          >
            <span className="search__name">{v.fullName}</span>
            <span className="search__meta">
              {[v.institution, v.phoneMasked, v.emailMasked].filter(Boolean).join(' · ')}
            </span>
            {v.lastVisitDay && (
              <span className="search__meta">
                {t('reception.lastVisit', { day: formatDayLong(v.lastVisitDay, i18n.language) })}
              </span>
            )}
          </li>
        ))}
      </ul>
      {searched && answer.results.length === 0 && (
        <p className="field__hint" role="status">
          {t('reception.noSuggestions')}
        </p>
      )}
    </div>
  );
}
