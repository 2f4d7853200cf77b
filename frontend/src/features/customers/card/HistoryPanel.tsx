import { Alert, Button, Empty, List, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuditAction, type AuditEntryDto, CustomerKind, CustomerSource, CustomerStage, Gender, Importance, IncomeBand, PriorityTier } from '../../../api/generated/customers-client';
import { formatDateTime } from '../../../shared/format';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { zhCN } from '../i18n/zh-CN';
import { useHistory } from './cardApi';

type FieldKey = keyof typeof zhCN.fields;
const fieldKeys = new Set<string>(Object.keys(zhCN.fields));

/** What a merge entry says about the merged record (its name, how many contacts, entries and key dates came over). */
function merged(entry: AuditEntryDto, field: string): string {
  return entry.changes.find((change) => change.field === field)?.new ?? '';
}

/** What a merge entry tells besides the fields: which record came in and what came with it. */
const mergeFacts = new Set(['mergedCustomerId', 'mergedCustomerName', 'contacts', 'interactions', 'keyDates']);

/** The fields the two merged records disagreed on: old is the merged record's value, new the one kept. */
function differences(entry: AuditEntryDto) {
  return entry.changes.filter((change) => !mergeFacts.has(change.field));
}

/** 变更记录: who changed what on the record, field by field, newest first. */
export function HistoryPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation('customers');
  const history = useHistory(customerId);

  // Values come as the API's words; the ones with a name in the user's language are shown by it.
  const valueText: Partial<Record<string, (value: string) => string>> = {
    stage: (v) => t(`stages.${v as CustomerStage}`),
    kind: (v) => t(`kinds.${v as CustomerKind}`),
    importance: (v) => t(`importances.${v as Importance}`),
    priorityTier: (v) => t(`priorityTiers.${v as PriorityTier}`),
    source: (v) => t(`sources.${v as CustomerSource}`),
    gender: (v) => t(`genders.${v as Gender}`),
    incomeBand: (v) => t(`incomeBands.${v as IncomeBand}`),
    relationshipLevel: (v) => t(`relationshipLevels.level${v as '1' | '2' | '3' | '4'}`),
  };
  const label = (field: string) => (fieldKeys.has(field) ? t(`fields.${field as FieldKey}`) : field);
  const value = (field: string, text: string | undefined) => (text ? (valueText[field]?.(text) ?? text) : t('card.emptyValue'));
  const headline = (entry: AuditEntryDto) => {
    const name = entry.changedByName ?? t('card.system');
    switch (entry.action) {
      case AuditAction.Created:
        return t('card.historyCreated', { name });
      case AuditAction.Deleted:
        return t('card.historyDeleted', { name });
      case AuditAction.Merged:
        return t('card.historyMerged', { name, merged: merged(entry, 'mergedCustomerName') });
      default:
        return t('card.historyUpdated', { name });
    }
  };

  if (history.isPending) {
    return <Spin />;
  }
  if (history.isError) {
    return <Alert type="error" showIcon message={problemMessage(history.error, t)} />;
  }
  if (history.data.length === 0) {
    return <Empty description={t('card.historyEmpty')} />;
  }
  return (
    <>
      <List
        size="small"
        dataSource={history.data}
        renderItem={(entry) => (
          <List.Item key={entry.id}>
            <div className="history-entry">
              <div>
                <strong>{headline(entry)}</strong> <span className="muted">{formatDateTime(entry.changedAt, i18n.language)}</span>
              </div>
              {entry.action === AuditAction.Merged && (
                <div className="history-entry__changes">
                  {t('card.historyMoved', {
                    contacts: merged(entry, 'contacts'),
                    interactions: merged(entry, 'interactions'),
                    keyDates: merged(entry, 'keyDates'),
                  })}
                  {differences(entry).length > 0 && (
                    <>
                      <div>{t('duplicates.historyKept')}</div>
                      <ul>
                        {differences(entry).map((change) => (
                          <li key={change.field}>
                            {label(change.field)}：<del>{value(change.field, change.old)}</del> → {value(change.field, change.new)}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              )}
              {entry.action !== AuditAction.Created && entry.action !== AuditAction.Merged && (
                <ul className="history-entry__changes">
                  {entry.changes.map((change) => (
                    <li key={change.field}>
                      {label(change.field)}：<del>{value(change.field, change.old)}</del> → {value(change.field, change.new)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </List.Item>
        )}
      />
      {history.hasNextPage && (
        <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
          {t('card.loadMore')}
        </Button>
      )}
    </>
  );
}
