import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CustomerCadenceDto, Importance, PriorityTier, ValueTier } from '../../api/generated/customers-client';

const tierColors: Record<PriorityTier, string> = {
  [PriorityTier.Priority]: 'volcano',
  [PriorityTier.General]: 'blue',
  [PriorityTier.Last]: 'default',
};

export function KeyCustomerTag({ importance }: { importance: Importance }) {
  const { t } = useTranslation('customers');
  return importance === Importance.Key ? (
    <Tag color="red" bordered={false}>
      {t('importances.key')}
    </Tag>
  ) : null;
}

export function PriorityTierTag({ tier }: { tier: PriorityTier }) {
  const { t } = useTranslation('customers');
  return (
    <Tag color={tierColors[tier]} bordered={false}>
      {t(`priorityTiers.${tier}`)}
    </Tag>
  );
}

const valueTierColors: Record<ValueTier, string> = {
  [ValueTier.A]: 'gold',
  [ValueTier.B]: 'cyan',
  [ValueTier.C]: 'default',
};

/** 价值分级, or 未评级 when there is none: never a guess. */
export function ValueTierTag({ tier }: { tier: ValueTier | undefined }) {
  const { t } = useTranslation('customers');
  return tier ? (
    <Tag color={valueTierColors[tier]} bordered={false}>
      {t(`valueTiers.${tier}`)}
    </Tag>
  ) : (
    <Tag bordered={false}>{t('valueTiers.unrated')}</Tag>
  );
}

/** The next call due, and what is overdue or stale: what a rep acts on first. */
export function CadenceSummary({ cadence }: { cadence: CustomerCadenceDto | undefined }) {
  const { t } = useTranslation('customers');
  if (!cadence) {
    return null;
  }
  const due = cadence.nextCallDue < cadence.nextVisitDue ? cadence.nextCallDue : cadence.nextVisitDue;
  return (
    <span className="cadence">
      <span>{t('dueOn', { date: due })}</span>
      {cadence.callOverdue && (
        <Tag color="error" bordered={false}>
          {t('callOverdue')}
        </Tag>
      )}
      {cadence.visitOverdue && (
        <Tag color="warning" bordered={false}>
          {t('visitOverdue')}
        </Tag>
      )}
      {cadence.stale && (
        <Tooltip title={t('stale')}>
          <Tag bordered={false}>{t('staleShort')}</Tag>
        </Tooltip>
      )}
    </span>
  );
}
