import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDto } from '../../api/generated/deals-client';
import { maxLengths } from '../../api/generated/limits';
import { hasStatus } from '../../api/problems';
import { useSession } from '../../app/auth/session';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useArchiveProduct, useProducts, useSaveProduct } from './api';
import { formatMoney } from '../../shared/format';
import { keeperRoles } from './roles';

/** 产品目录: what deals sell, with list price and cost; managers keep it, everyone searches it. */
export default function ProductsPage() {
  const { t, i18n } = useTranslation('deals');
  const [q, setQ] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const products = useProducts(q, includeArchived);
  const { data: me } = useSession();
  const keeps = !!me && keeperRoles.includes(me.role);
  const [editing, setEditing] = useState<ProductDto | 'new'>();
  const archive = useArchiveProduct();
  const message = useMessage();
  const money = (amount: number | undefined) => (amount === undefined ? t('common.dash') : formatMoney(amount, i18n.language));

  return (
    <div className="page products-page">
      <PageHeader
        title={t('products.title')}
        subtitle={t('products.subtitle')}
        actions={
          keeps && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('products.create')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('products.search')} aria-label={t('products.search')} onSearch={setQ} style={{ width: 260 }} />
        <Checkbox checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)}>
          {t('products.includeArchived')}
        </Checkbox>
      </Space>
      {products.isError ? (
        <PageError error={products.error} onRetry={() => void products.refetch()} />
      ) : (
        <Table<ProductDto>
          rowKey="id"
          size="middle"
          loading={products.isFetching}
          dataSource={products.data?.items}
          pagination={false}
          locale={{ emptyText: q ? t('products.noMatch') : t('products.empty') }}
          columns={[
            { title: t('products.name'), render: (_, p) => (p.archivedAt ? <>{p.name} <Tag>{t('products.archived')}</Tag></> : p.name) },
            { title: t('products.spec'), dataIndex: 'spec' },
            { title: t('products.unit'), dataIndex: 'unit' },
            { title: t('products.category'), dataIndex: 'category' },
            { title: t('products.listPrice'), align: 'right', render: (_, p) => money(p.listPrice) },
            { title: t('products.cost'), align: 'right', render: (_, p) => money(p.cost) },
            ...(keeps
              ? [
                  {
                    title: t('products.actions'),
                    render: (_: unknown, p: ProductDto) =>
                      !p.archivedAt && (
                        <Space>
                          <Button size="small" onClick={() => setEditing(p)}>
                            {t('edit')}
                          </Button>
                          <Popconfirm
                            title={t('products.archiveTitle', { name: p.name })}
                            okText={t('products.archive')}
                            cancelText={t('common.cancel')}
                            onConfirm={() =>
                              archive.mutate(p, {
                                onSuccess: () => void message.success(t('products.archivedDone')),
                                onError: (error) => void message.error(hasStatus(error, 412) ? t('board.changedElsewhere') : problemMessage(error, t)),
                              })
                            }
                          >
                            <Button size="small" danger>
                              {t('products.archive')}
                            </Button>
                          </Popconfirm>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing && <ProductDialog product={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </div>
  );
}

interface ProductFields {
  name: string;
  spec?: string;
  unit?: string;
  category?: string;
  listPrice: number;
  cost?: number;
}

function ProductDialog({ product, onClose }: { product?: ProductDto; onClose: () => void }) {
  const { t } = useTranslation('deals');
  const [form] = Form.useForm<ProductFields>();
  const save = useSaveProduct(product);
  const message = useMessage();
  const limits = maxLengths.ProductInput;
  return (
    <Modal
      open
      title={product ? t('products.editTitle', { name: product.name }) : t('products.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      {save.isError && <p className="form-error">{hasStatus(save.error, 412) ? t('board.changedElsewhere') : problemMessage(save.error, t)}</p>}
      <Form<ProductFields>
        form={form}
        layout="vertical"
        initialValues={product ?? { listPrice: 0 }}
        onFinish={(fields) =>
          save.mutate(
            { ...fields, name: fields.name.trim(), spec: fields.spec?.trim() || undefined, unit: fields.unit?.trim() || undefined, category: fields.category?.trim() || undefined },
            {
              onSuccess: () => {
                void message.success(t('products.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="name" label={t('products.name')} rules={[{ required: true, whitespace: true, message: t('products.nameRequired') }]}>
          <Input maxLength={limits.name} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="spec" label={t('products.spec')}>
            <Input maxLength={limits.spec} />
          </Form.Item>
          <Form.Item name="unit" label={t('products.unit')}>
            <Input maxLength={limits.unit} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="category" label={t('products.category')}>
            <Input maxLength={limits.category} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="listPrice" label={t('products.listPrice')} rules={[{ required: true, message: t('products.listPriceRequired') }]}>
            <InputNumber min={0} precision={2} prefix="¥" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="cost" label={t('products.cost')}>
            <InputNumber min={0} precision={2} prefix="¥" style={{ width: 180 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
