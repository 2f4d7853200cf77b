import { List, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidateDto } from '../../api/generated/customers-client';

interface DuplicateListProps {
  candidates: DuplicateCandidateDto[];
  /** What the user may do with a candidate besides opening it (merge, on the card). */
  action?: (candidate: DuplicateCandidateDto) => ReactNode;
}

/** Customers that may be the same one: each with why it matched and whose it is, opening in a new tab so nothing typed is lost. */
export function DuplicateList({ candidates, action }: DuplicateListProps) {
  const { t } = useTranslation('customers');
  return (
    <List
      size="small"
      className="duplicate-list"
      dataSource={candidates}
      renderItem={(candidate) => (
        <List.Item key={candidate.id} actions={action ? [action(candidate)] : undefined}>
          <List.Item.Meta
            title={
              <Space size={4} wrap>
                <Link to={`/customers/${candidate.id}`} target="_blank" rel="noopener">
                  {candidate.name}
                </Link>
                {candidate.samePhone && (
                  <Tag color="orange" bordered={false}>
                    {t('duplicates.samePhone')}
                  </Tag>
                )}
                {candidate.sameNameAndCompany && (
                  <Tag color="orange" bordered={false}>
                    {t('duplicates.sameNameAndCompany')}
                  </Tag>
                )}
              </Space>
            }
            description={[candidate.company, candidate.phone, candidate.ownerName && t('duplicates.owner', { name: candidate.ownerName })]
              .filter(Boolean)
              .join(' · ')}
          />
        </List.Item>
      )}
    />
  );
}
