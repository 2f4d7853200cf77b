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

/** The colleagues matching what was typed, as options; the search runs on the server (see useColleagueSearch). */
function useColleagueOptions(withTeam: boolean | undefined) {
  const [typed, setTyped] = useState('');
  const { matches, searching } = useColleagueSearch(typed);
  const options = matches.map((u) => ({
    value: u.id,
    label: withTeam && u.teamName ? `${u.displayName}（${u.teamName}）` : u.displayName,
  }));
  return { options, typed: setTyped, searching };
}

/** Picks a colleague by typing part of their name. */
export function ColleagueSelect({ value, valueLabel, onChange, withTeam, ...rest }: ColleagueSelectProps) {
  const { options, typed: setTyped, searching } = useColleagueOptions(withTeam);
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
      loading={searching}
      value={value}
      onChange={(userId) => onChange?.(userId)}
      options={options}
    />
  );
}

interface ColleaguesSelectProps {
  value?: string[];
  onChange?: (userIds: string[]) => void;
  id?: string;
  'aria-label'?: string;
  withTeam?: boolean;
}

/** Picks several colleagues, each by typing part of their name; the chosen ones keep their names while others are searched. */
export function ColleaguesSelect({ value = [], onChange, withTeam, ...rest }: ColleaguesSelectProps) {
  const { options, typed: setTyped, searching } = useColleagueOptions(withTeam);
  const [chosen, setChosen] = useState<{ value: string; label: string }[]>([]);
  const shown = [...chosen.filter((c) => value.includes(c.value) && !options.some((o) => o.value === c.value)), ...options];

  return (
    <Select<string[]>
      {...rest}
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setTyped}
      onOpenChange={(open) => !open && setTyped('')}
      loading={searching}
      value={value}
      onChange={(userIds) => {
        setChosen(shown.filter((o) => userIds.includes(o.value)));
        onChange?.(userIds);
      }}
      options={shown}
    />
  );
}
