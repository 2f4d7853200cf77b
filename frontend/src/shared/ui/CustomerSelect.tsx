import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/client';

interface CustomerSelectProps {
  value?: string;
  onChange?: (id: string | undefined, name: string | undefined) => void;
  placeholder?: string;
  'aria-label'?: string;
}

/** The customers the user may see, searched on the server (name, phone, company) as they type. */
export function CustomerSelect({ value, onChange, placeholder, 'aria-label': ariaLabel }: CustomerSelectProps) {
  const api = useApi();
  const [typed, setTyped] = useState('');
  const found = useQuery({
    queryKey: ['customers', 'picker', typed],
    queryFn: ({ signal }) =>
      api.customers.list(typed || undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 20, signal),
  });
  // The chosen customer, when the search does not list it: asked once for itself, shared by every picker showing it.
  const missing = value !== undefined && found.data !== undefined && !found.data.items.some((c) => c.id === value);
  const chosen = useQuery({ queryKey: ['customers', 'picker', 'chosen', value], queryFn: ({ signal }) => api.customers.get(value!, signal), enabled: missing });
  const options = [...(missing && chosen.data ? [chosen.data] : []), ...(found.data?.items ?? [])].map((c) => ({
    value: c.id,
    label: c.company ? `${c.name}（${c.company}）` : c.name,
    name: c.name,
  }));
  return (
    <Select<string>
      showSearch
      filterOption={false}
      value={value}
      placeholder={placeholder}
      aria-label={ariaLabel}
      loading={found.isFetching}
      onSearch={setTyped}
      onChange={(id) => onChange?.(id, options.find((c) => c.value === id)?.name)}
      options={options}
    />
  );
}
