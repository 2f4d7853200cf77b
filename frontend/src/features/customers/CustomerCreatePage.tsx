import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMessage } from '../../shared/ui/feedback';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useCreateCustomer } from './api';
import { CustomerForm } from './CustomerForm';

export default function CustomerCreatePage() {
  const { t } = useTranslation('customers');
  const navigate = useNavigate();
  const message = useMessage();
  const create = useCreateCustomer();

  return (
    <div className="page">
      <PageHeader title={t('createTitle')} />
      <Card>
        <CustomerForm
          initialValues={{}}
          submitting={create.isPending}
          error={create.error}
          onCancel={() => void navigate('/customers')}
          onSubmit={(fields) =>
            create.mutate(fields, {
              onSuccess: (customer) => {
                void message.success(t('created', { name: customer.name }));
                void navigate('/customers');
              },
            })
          }
        />
      </Card>
    </div>
  );
}
