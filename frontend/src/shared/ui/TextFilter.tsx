import { Input } from 'antd';
import { useState } from 'react';

/** A free-text filter that applies when the user presses Enter or leaves the box, not on every keystroke. */
export function TextFilter({ label, value, onChange }: { label: string; value: string | undefined; onChange: (value: string | undefined) => void }) {
  const [draft, setDraft] = useState(value ?? '');
  // The filter changed elsewhere ("clear filters", a link): show it (React's pattern for state that follows a prop).
  const [applied, setApplied] = useState(value);
  if (applied !== value) {
    setApplied(value);
    setDraft(value ?? '');
  }
  const commit = () => {
    const next = draft.trim() || undefined;
    if (next !== value) {
      onChange(next);
    }
  };
  return (
    <Input
      allowClear
      placeholder={label}
      aria-label={label}
      style={{ width: 130 }}
      value={draft}
      onChange={(event) => {
        setDraft(event.target.value);
        if (event.type === 'click') {
          onChange(undefined);
        }
      }}
      onPressEnter={commit}
      onBlur={commit}
    />
  );
}
