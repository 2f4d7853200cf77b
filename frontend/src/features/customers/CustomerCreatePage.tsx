import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMessage } from '../../shared/ui/feedback';
import { useNavigate } from 'react-router';
import { useCreateCustomer } from './api';
import { CustomerForm } from './CustomerForm';

export default function CustomerCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useMessage();
  const create = useCreateCustomer();

  return (
    <div className="page">
      <div className="page-header">
        <h2 className="page-title">{t('customers.createTitle')}</h2>
      </div>
      <Card>
        <CustomerForm
          initialValues={{}}
          submitting={create.isPending}
          error={create.error}
          onCancel={() => navigate('/customers')}
          onSubmit={(fields) =>
            create.mutate(fields, {
              onSuccess: (customer) => {
                void message.success(t('customers.created', { name: customer.name }));
                navigate('/customers');
              },
            })
          }
        />
      </Card>
    </div>
  );
}
