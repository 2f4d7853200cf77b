import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, List, Modal, Popconfirm, Select, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContactDto, type ContactInput, ContactRole } from '../../../api/generated/customers-client';
import { maxLengths } from '../../../api/generated/limits';
import { hasStatus } from '../../../api/problems';
import { todayInChina } from '../../../shared/format';
import { useMessage } from '../../../shared/ui/feedback';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useContacts, useRemoveContact, useSaveContact } from './cardApi';

const limits = maxLengths.ContactInput;

/** The people at the customer — the boss, purchasing, the store manager… — with what the rep knows about each. */
export function ContactsPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const contacts = useContacts(customerId);
  const remove = useRemoveContact(customerId);
  // undefined: closed; null: adding; a contact: editing it.
  const [editing, setEditing] = useState<ContactDto | null | undefined>(undefined);

  return (
    <Card
      title={t('card.contactsTitle')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t('card.addContact')}
        </Button>
      }
    >
      {remove.isError && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={problemMessage(remove.error, t)} />}
      {contacts.isPending ? (
        <Spin />
      ) : contacts.isError ? (
        <Alert type="error" showIcon message={problemMessage(contacts.error, t)} />
      ) : contacts.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('card.contactsEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={contacts.data}
          renderItem={(contact) => (
            <List.Item
              key={contact.id}
              actions={[
                <Button key="edit" type="text" size="small" icon={<EditOutlined />} aria-label={t('card.editContact')} onClick={() => setEditing(contact)} />,
                <Popconfirm
                  key="remove"
                  title={t('card.removeContact', { name: contact.name })}
                  okText={t('card.remove')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutate(contact)}
                >
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('card.remove')} />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <>
                    {contact.name}{' '}
                    <Tag bordered={false} color={contact.role === ContactRole.DecisionMaker ? 'gold' : undefined}>
                      {t(`contactRoles.${contact.role}`)}
                    </Tag>
                  </>
                }
                description={[contact.phone, contact.likes && `${t('card.contactLikes')}：${contact.likes}`, contact.notes, contact.birthday && `${t('card.contactBirthday')}：${contact.birthday}`]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </List.Item>
          )}
        />
      )}
      {editing !== undefined && <ContactDialog customerId={customerId} contact={editing} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}

function ContactDialog({ customerId, contact, onClose }: { customerId: string; contact: ContactDto | null; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const [form] = Form.useForm<ContactInput>();
  const save = useSaveContact(customerId);
  const message = useMessage();

  return (
    <Modal
      open
      title={contact ? t('card.editContact') : t('card.addContact')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {save.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problemMessage(save.error, t)} />}
      <Form<ContactInput>
        form={form}
        layout="vertical"
        initialValues={contact ?? { role: ContactRole.DecisionMaker }}
        onFinish={(fields) =>
          save.mutate(
            {
              contact: contact ?? undefined,
              fields: { ...fields, name: fields.name.trim(), phone: fields.phone?.trim() || undefined, birthday: fields.birthday || undefined },
            },
            {
              onSuccess: onClose,
              onError: (error) => {
                if (hasStatus(error, 412)) {
                  void message.warning(t('card.changedMeanwhile'));
                  onClose();
                }
              },
            },
          )
        }
      >
        <Form.Item name="name" label={t('card.contactName')} rules={[{ required: true, whitespace: true, message: t('card.contactNameRequired') }]}>
          <Input maxLength={limits.name} autoFocus />
        </Form.Item>
        <Form.Item name="role" label={t('card.contactRole')}>
          <Select options={Object.values(ContactRole).map((role) => ({ value: role, label: t(`contactRoles.${role}`) }))} />
        </Form.Item>
        <Form.Item name="phone" label={t('card.contactPhone')}>
          <Input inputMode="tel" maxLength={limits.phone} />
        </Form.Item>
        <Form.Item name="likes" label={t('card.contactLikes')}>
          <Input.TextArea rows={2} maxLength={limits.likes} />
        </Form.Item>
        <Form.Item name="notes" label={t('card.contactNotes')}>
          <Input.TextArea rows={2} maxLength={limits.notes} />
        </Form.Item>
        <Form.Item name="birthday" label={t('card.contactBirthday')}>
          <Input type="date" min="1900-01-01" max={todayInChina()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
