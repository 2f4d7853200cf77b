import { Card, Descriptions, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDto } from '../../../api/generated/customers-client';

/** The customer's archive at a glance; only what is known is listed. */
export function ProfilePanel({ customer: c }: { customer: CustomerDto }) {
  const { t } = useTranslation('customers');
  const rows: [string, ReactNode][] = [
    [t('fields.kind'), t(`kinds.${c.kind}`)],
    [t('fields.phone'), [c.phone, ...c.otherPhones].filter(Boolean).join('、')],
    [t('fields.email'), c.email],
    [t('fields.company'), c.company],
    [t('fields.position'), c.position],
    [t('fields.address'), c.address],
    [t('fields.region'), c.region],
    [t('fields.industry'), c.industry],
    [t('fields.source'), c.source && t(`sources.${c.source}`)],
    [t('fields.gender'), c.gender && t(`genders.${c.gender}`)],
    [t('fields.birthday'), c.birthday],
    [t('fields.occupation'), c.occupation],
    [t('fields.incomeBand'), c.incomeBand && t(`incomeBands.${c.incomeBand}`)],
    [t('fields.hobbies'), c.hobbies],
    [t('fields.personality'), c.personality],
    [t('fields.family'), c.family],
    [t('fields.preferredProducts'), c.preferredProducts],
    [t('fields.preferredColours'), c.preferredColours],
    [t('fields.preferredSpecs'), c.preferredSpecs],
    [t('fields.preferredChannels'), c.preferredChannels],
    [
      t('fields.tags'),
      c.tags.length > 0 &&
        c.tags.map((tag) => (
          <Tag key={tag} bordered={false}>
            {tag}
          </Tag>
        )),
    ],
  ];
  return (
    <Card title={t('card.profileTitle')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1}>
        {rows
          .filter(([, value]) => Boolean(value))
          .map(([label, value]) => (
            <Descriptions.Item key={label} label={label}>
              {value}
            </Descriptions.Item>
          ))}
      </Descriptions>
    </Card>
  );
}
