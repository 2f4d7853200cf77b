import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxLengths } from '../../api/generated/limits';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useDeleteSavedFilter, useSavedFilters, useSaveFilter } from './api';

interface SavedFiltersBarProps {
  /** The list's current query string (filters and sort, as the URL has them). */
  query: string;
  /** Whether anything is filtered: there is nothing to keep otherwise. */
  filtered: boolean;
  onApply: (query: string) => void;
}

/** 我的筛选: the user's named filters — apply one, keep the current one under a name, or let one go. */
export default function SavedFiltersBar({ query, filtered, onApply }: SavedFiltersBarProps) {
  const { t } = useTranslation('customers');
  const saved = useSavedFilters();
  const save = useSaveFilter();
  const remove = useDeleteSavedFilter();
  const message = useMessage();
  const [naming, setNaming] = useState<string>();
  // The one picked, while the list still shows its query; else any saved under the current query.
  const [pickedId, setPickedId] = useState<string>();
  const current =
    saved.data?.find((filter) => filter.id === pickedId && filter.query === query) ?? saved.data?.find((filter) => filter.query === query);

  const keep = () => {
    const name = naming?.trim();
    if (!name) {
      return;
    }
    save.mutate(
      { name, query },
      {
        onSuccess: () => {
          void message.success(t('savedFilters.saved', { name }));
          setNaming(undefined);
        },
      },
    );
  };

  return (
    <div className="filters">
      <Space.Compact>
        <Select<string>
          allowClear
          placeholder={t('savedFilters.placeholder')}
          aria-label={t('savedFilters.placeholder')}
          style={{ width: 220 }}
          loading={saved.isPending}
          status={saved.isError ? 'error' : undefined}
          value={current?.id}
          notFoundContent={saved.isError ? problemMessage(saved.error, t) : t('savedFilters.empty')}
          onChange={(id) => {
            setPickedId(id);
            onApply(saved.data?.find((filter) => filter.id === id)?.query ?? '');
          }}
          options={saved.data?.map((filter) => ({ value: filter.id, label: filter.name }))}
        />
        {current && (
          <Popconfirm
            title={t('savedFilters.deleteTitle', { name: current.name })}
            okText={t('card.remove')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutate(current.id, { onError: (error) => void message.error(problemMessage(error, t)) })}
          >
            <Button icon={<DeleteOutlined />} aria-label={t('savedFilters.delete')} />
          </Popconfirm>
        )}
      </Space.Compact>
      <Button
        icon={<SaveOutlined />}
        disabled={!filtered}
        onClick={() => {
          save.reset();
          setNaming(current?.name ?? '');
        }}
      >
        {t('savedFilters.save')}
      </Button>
      {naming !== undefined && (
        <Modal
          open
          title={t('savedFilters.saveTitle')}
          okText={t('savedFilters.save')}
          cancelText={t('common.cancel')}
          okButtonProps={{ disabled: !naming.trim() }}
          confirmLoading={save.isPending}
          onOk={keep}
          onCancel={() => setNaming(undefined)}
        >
          <Input
            autoFocus
            aria-label={t('savedFilters.name')}
            placeholder={t('savedFilters.name')}
            maxLength={maxLengths.SavedFilterInput.name}
            value={naming}
            onChange={(event) => setNaming(event.target.value)}
            onPressEnter={keep}
          />
          {save.isError && <Alert type="error" showIcon style={{ marginTop: 12 }} message={problemMessage(save.error, t)} />}
        </Modal>
      )}
    </div>
  );
}
