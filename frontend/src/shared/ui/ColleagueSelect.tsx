import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useColleagueSearch } from '../colleagues';

interface ColleagueSelectProps {
  value?: string;
  /** The chosen colleague's name, known from the record that names them, so it shows before any search. */
  valueLabel?: string;
  onChange?: (userId: string | undefined) => void;
  placeholder?: string;
  'aria-label'?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  /** Show the team beside the name (where owners from several teams are offered). */
  withTeam?: boolean;
}

/** Picks a colleague by typing part of their name; the server searches (see useColleagueSearch). */
export function ColleagueSelect({ value, valueLabel, onChange, withTeam, ...rest }: ColleagueSelectProps) {
  const [typed, setTyped] = useState('');
  const search = useColleagueSearch(typed);
  const options = (search.data ?? []).map((u) => ({
    value: u.id,
    label: withTeam && u.teamName ? `${u.displayName}（${u.teamName}）` : u.displayName,
  }));
  if (value && valueLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: valueLabel });
  }

  return (
    <Select<string>
      {...rest}
      showSearch
      filterOption={false}
      onSearch={setTyped}
      onOpenChange={(open) => !open && setTyped('')}
      loading={search.isFetching}
      value={value}
      onChange={(userId) => onChange?.(userId)}
      options={options}
    />
  );
}
