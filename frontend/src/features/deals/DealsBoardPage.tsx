import { AccountBookOutlined, AimOutlined, AppstoreOutlined, CalendarOutlined, FunnelPlotOutlined, MessageOutlined, PlusOutlined, SettingOutlined, ShoppingOutlined } from '@ant-design/icons';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { Button, Card, DatePicker, Dropdown, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type DealBoardColumnDto, type DealCardDto, DealStatus, type PipelineStageDto, StagePhase } from '../../api/generated/deals-client';
import { hasStatus } from '../../api/problems';
import { useSession } from '../../app/auth/session';
import { formatMoney, todayInChina } from '../../shared/format';
import { ColleagueSelect } from '../../shared/ui/ColleagueSelect';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useBoard, useMoveDeal, type BoardFilters } from './api';
import { stageName } from './stages';
import { WinDialog } from './WinDialog';

/**
 * 看板: one column per stage with its count, total and weighted total. A card is dragged to another column (or moved
 * with its menu, from the keyboard); dropping it on a won column asks for the day it was won. A move checks the
 * version the board read: if someone changed the deal meanwhile the user is told, and the board reloads.
 */
export default function DealsBoardPage() {
  const { t, i18n } = useTranslation('deals');
  const [filters, setFilters] = useState<BoardFilters>({});
  const board = useBoard(filters);
  const move = useMoveDeal();
  const message = useMessage();
  const navigate = useNavigate();
  const [winning, setWinning] = useState<DealCardDto>();
  const { data: me } = useSession();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));

  if (board.isPending) {
    return <PageLoading />;
  }
  if (board.isError) {
    return <PageError error={board.error} onRetry={() => void board.refetch()} />;
  }

  const columns = board.data.columns;
  const moveTo = (card: DealCardDto, stage: PipelineStageDto) => {
    if (stage.key === card.stage) {
      return;
    }
    if (stage.phase === StagePhase.Won && card.status === DealStatus.Open) {
      setWinning(card);
      return;
    }
    move.mutate(
      { deal: card, stage: stage.key },
      {
        onSuccess: () => void message.success(t('board.moved', { title: card.title, stage: stageName(stage, i18n.language) })),
        onError: (error) => {
          void message.error(hasStatus(error, 412) ? t('board.changedElsewhere') : problemMessage(error, t));
          void board.refetch();
        },
      },
    );
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const card = columns.flatMap((c) => c.cards).find((c) => c.id === active.id);
    const target = columns.find((c) => c.stage.key === over?.id)?.stage;
    if (card && target) {
      moveTo(card, target);
    }
  };

  return (
    <div className="page deals-board">
      <PageHeader
        title={t('board.title')}
        subtitle={t('board.subtitle')}
        actions={
          <Space wrap>
            {me?.role === 'Admin' && (
              <Link to="/deals/stages">
                <Button icon={<SettingOutlined />}>{t('pipeline.title')}</Button>
              </Link>
            )}
            <Link to="/deals/focus">
              <Button icon={<CalendarOutlined />}>{t('focus.title')}</Button>
            </Link>
            <Link to="/deals/targets">
              <Button icon={<AimOutlined />}>{t('targets.title')}</Button>
            </Link>
            <Link to="/deals/funnel">
              <Button icon={<FunnelPlotOutlined />}>{t('funnel.title')}</Button>
            </Link>
            <Link to="/deals/objections">
              <Button icon={<MessageOutlined />}>{t('objections.title')}</Button>
            </Link>
            <Link to="/deals/collections">
              <Button icon={<AccountBookOutlined />}>{t('collections.title')}</Button>
            </Link>
            <Link to="/deals/products">
              <Button icon={<ShoppingOutlined />}>{t('products.title')}</Button>
            </Link>
            <Link to="/deals/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('create')}
              </Button>
            </Link>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <ColleagueSelect
          allowClear
          withTeam
          placeholder={t('board.filterOwner')}
          aria-label={t('board.filterOwner')}
          value={filters.ownerId}
          onChange={(ownerId) => setFilters((f) => ({ ...f, ownerId }))}
          style={{ width: 200 }}
        />
        <DatePicker.RangePicker
          aria-label={t('board.filterExpectedClose')}
          placeholder={[t('board.expectedCloseFrom'), t('board.expectedCloseTo')]}
          onChange={(range) =>
            setFilters((f) => ({ ...f, expectedCloseFrom: range?.[0]?.format('YYYY-MM-DD'), expectedCloseTo: range?.[1]?.format('YYYY-MM-DD') }))
          }
        />
      </Space>
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <div className="deal-board" role="list" aria-label={t('board.title')}>
          {columns.map((column) => (
            <BoardColumn key={column.stage.key} column={column} stages={columns.map((c) => c.stage)} onMove={moveTo} />
          ))}
        </div>
      </DndContext>
      {winning && (
        <WinDialog
          deal={winning}
          onClose={() => setWinning(undefined)}
          onWon={() => {
            setWinning(undefined);
            void navigate(`/deals/${winning.id}`);
          }}
        />
      )}
    </div>
  );
}

function BoardColumn({ column, stages, onMove }: { column: DealBoardColumnDto; stages: PipelineStageDto[]; onMove: (card: DealCardDto, stage: PipelineStageDto) => void }) {
  const { t, i18n } = useTranslation('deals');
  const { setNodeRef, isOver } = useDroppable({ id: column.stage.key });
  const name = stageName(column.stage, i18n.language);
  return (
    <section ref={setNodeRef} className={`deal-column${isOver ? ' deal-column--over' : ''}`} role="listitem" aria-label={name} data-stage={column.stage.key}>
      <header className="deal-column__header">
        <Typography.Text strong>{name}</Typography.Text>
        <Tag bordered={false}>{column.count}</Tag>
        {column.stage.phase === StagePhase.Open && <Typography.Text type="secondary">{column.stage.probability}%</Typography.Text>}
        <div className="deal-column__totals">
          <span>{t('board.total', { amount: formatMoney(column.amount, i18n.language) })}</span>
          {column.stage.phase === StagePhase.Open && <span>{t('board.weighted', { amount: formatMoney(column.weightedAmount, i18n.language) })}</span>}
        </div>
      </header>
      <div className="deal-column__cards">
        {column.cards.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.emptyColumn')} />
        ) : (
          column.cards.map((card) => <BoardCard key={card.id} card={card} stages={stages} onMove={onMove} />)
        )}
        {column.count > column.cards.length && (
          <Typography.Text type="secondary">{t('board.more', { count: column.count - column.cards.length })}</Typography.Text>
        )}
      </div>
    </section>
  );
}

function BoardCard({ card, stages, onMove }: { card: DealCardDto; stages: PipelineStageDto[]; onMove: (card: DealCardDto, stage: PipelineStageDto) => void }) {
  const { t, i18n } = useTranslation('deals');
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: card.id });
  const reachable = stages.filter((s) => s.key !== card.stage && (card.status === DealStatus.Open || s.phase === StagePhase.Won));
  const overdue = !!card.expectedCloseOn && card.status === DealStatus.Open && card.expectedCloseOn < todayInChina();
  return (
    <Card
      ref={setNodeRef}
      size="small"
      className={`deal-card${isDragging ? ' deal-card--dragging' : ''}`}
      style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}
      data-deal={card.title}
      {...attributes}
      {...listeners}
    >
      <Link to={`/deals/${card.id}`} className="deal-card__title" onPointerDown={(e) => e.stopPropagation()}>
        {card.title}
      </Link>
      <div className="deal-card__customer">{card.customerName}</div>
      <div className="deal-card__facts">
        <Typography.Text strong>{formatMoney(card.amount, i18n.language, card.currency)}</Typography.Text>
        <span>{card.ownerName}</span>
      </div>
      <div className="deal-card__facts">
        {card.expectedCloseOn ? (
          <Typography.Text type={overdue ? 'danger' : 'secondary'}>{t('board.expectedClose', { date: card.expectedCloseOn })}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('board.noExpectedClose')}</Typography.Text>
        )}
        <Dropdown
          trigger={['click']}
          menu={{ items: reachable.map((s) => ({ key: s.key, label: stageName(s, i18n.language) })), onClick: ({ key }) => onMove(card, stages.find((s) => s.key === key)!) }}
        >
          <Button size="small" type="text" icon={<AppstoreOutlined />} aria-label={t('board.moveTo', { title: card.title })} onPointerDown={(e) => e.stopPropagation()} />
        </Dropdown>
      </div>
    </Card>
  );
}
