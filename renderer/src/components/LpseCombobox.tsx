import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { spseUrl, type LpseEntry } from '../../../shared/domain/lpse';
import { api } from '../api/client';
import type { ControlProps } from './Field';
import './LpseCombobox.css';

const DEBOUNCE_MS = 120;

type Option = { kind: 'lpse'; lpse: LpseEntry } | { kind: 'manual'; text: string };

/**
 * The LPSE field: the directory searched as one types (WAI-ARIA combobox with a listbox: arrows
 * move, Enter picks, Escape closes), and "Lainnya (isi manual)" last, which keeps the text as
 * typed for the administrator to add to the directory.
 */
export function LpseCombobox({
  control,
  value,
  onChange,
  onBlur,
  name,
}: {
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState<{ query: string; lpses: LpseEntry[] } | null>(null);
  const [active, setActive] = useState(-1);
  const [manual, setManual] = useState(false);

  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await api('lpse.search', { query: value.slice(0, 100) });
      if (!current) return;
      setAnswer({ query: value, lpses: result.ok ? result.value : [] });
      setActive(-1);
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value, open]);

  const typed = value.trim();
  const lpses = answer?.query === value ? answer.lpses : [];
  const exact = lpses.some((l) => l.name === typed);
  const options: Option[] = [
    ...lpses.map((lpse) => ({ kind: 'lpse' as const, lpse })),
    ...(typed !== '' && !exact ? [{ kind: 'manual' as const, text: typed }] : []),
  ];
  const expanded = open && options.length > 0;
  const listId = `${control.id}-list`;
  const optionId = (i: number) => `${control.id}-opt-${i}`;

  const pick = (o: Option) => {
    onChange(o.kind === 'lpse' ? o.lpse.name : o.text);
    setManual(o.kind === 'manual');
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp' && expanded) {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && expanded && active >= 0) {
      e.preventDefault();
      const chosen = options[active];
      if (chosen) pick(chosen);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const hint = manual && typed !== '' ? `${control.id}-manual` : undefined;
  return (
    <div className="lpse-combobox">
      <input
        {...control}
        aria-describedby={
          [control['aria-describedby'], hint].filter(Boolean).join(' ') || undefined
        }
        name={name}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setManual(false);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          onBlur?.();
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('lpse.listLabel')}
        className="lpse-combobox__list"
        hidden={!expanded}
      >
        {options.map((o, i) => (
          <li
            key={o.kind === 'lpse' ? o.lpse.id : 'manual'}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={`lpse-combobox__option${i === active ? ' lpse-combobox__option--active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(o)}
          >
            {o.kind === 'lpse' ? (
              <>
                <span>{o.lpse.name}</span>
                {o.lpse.spsePath && (
                  <span className="lpse-combobox__path">{spseUrl(o.lpse.spsePath)}</span>
                )}
              </>
            ) : (
              <span className="lpse-combobox__manual">
                {t('lpse.manualOption', { text: o.text })}
              </span>
            )}
          </li>
        ))}
      </ul>
      {hint && (
        <p id={hint} className="field__hint">
          {t('lpse.manualHint')}
        </p>
      )}
    </div>
  );
}
