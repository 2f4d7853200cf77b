import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DuplicatesDto } from '../../api/generated/customers-client';
import { useMessage } from '../../shared/ui/feedback';
import { PageHeader } from '../../shared/ui/PageHeader';
import { possibleDuplicatesOf, useCreateCustomer, type CustomerFields } from './api';
import { CustomerForm } from './CustomerForm';
import { PossibleDuplicatesDialog } from './PossibleDuplicatesDialog';

/** What was sent when the server answered "possibly a duplicate", and its candidates: creating anyway sends exactly that. */
interface DuplicateCheck {
  fields: CustomerFields;
  problem: DuplicatesDto;
}

export default function CustomerCreatePage() {
  const { t } = useTranslation('customers');
  const navigate = useNavigate();
  const message = useMessage();
  const create = useCreateCustomer();
  const [check, setCheck] = useState<DuplicateCheck>();

  const save = (fields: CustomerFields, confirmDuplicate = false) =>
    create.mutate(
      { fields, confirmDuplicate },
      {
        onSuccess: (customer) => {
          void message.success(t('created', { name: customer.name }));
          void navigate('/customers');
        },
        onError: (error) => {
          const problem = possibleDuplicatesOf(error);
          setCheck(problem && { fields, problem });
        },
      },
    );

  return (
    <div className="page">
      <PageHeader title={t('createTitle')} />
      <Card>
        <CustomerForm
          initialValues={{}}
          submitting={create.isPending}
          error={possibleDuplicatesOf(create.error) ? undefined : create.error}
          onCancel={() => void navigate('/customers')}
          onSubmit={(fields) => save(fields)}
        />
      </Card>
      {check && (
        <PossibleDuplicatesDialog
          problem={check.problem}
          creating={create.isPending}
          onCreateAnyway={() => save(check.fields, true)}
          onBack={() => setCheck(undefined)}
        />
      )}
    </div>
  );
}
