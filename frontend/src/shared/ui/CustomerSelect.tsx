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
  const customers = useQuery({
    queryKey: ['customers', 'picker', typed, value],
    queryFn: async ({ signal }) => {
      const page = await api.customers.list(typed || undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 20, signal);
      const chosen = value && !page.items.some((c) => c.id === value) ? [await api.customers.get(value, signal)] : [];
      return [...chosen, ...page.items].map((c) => ({ value: c.id, label: c.company ? `${c.name}（${c.company}）` : c.name, name: c.name }));
    },
  });
  return (
    <Select<string>
      showSearch
      filterOption={false}
      value={value}
      placeholder={placeholder}
      aria-label={ariaLabel}
      loading={customers.isFetching}
      onSearch={setTyped}
      onChange={(id) => onChange?.(id, customers.data?.find((c) => c.value === id)?.name)}
      options={customers.data ?? []}
    />
  );
}
