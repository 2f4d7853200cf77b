import { useTranslation } from 'react-i18next';
import { type TargetDto, TargetPeriod } from '../../api/generated/deals-client';

/** A target's period as people name it: 2026年, 2026年第3季度, 2026年3月, a week by its days, a day. */
export function PeriodLabel({ target }: { target: Pick<TargetDto, 'period' | 'startsOn' | 'endsOn'> }) {
  const { t } = useTranslation('deals');
  const [year, month] = target.startsOn.split('-').map(Number);
  switch (target.period) {
    case TargetPeriod.Year:
      return t('targets.periods.yearOf', { year: String(year) });
    case TargetPeriod.Quarter:
      return t('targets.periods.quarterOf', { year: String(year), quarter: String(Math.floor((month - 1) / 3) + 1) });
    case TargetPeriod.Month:
      return t('targets.periods.monthOf', { year: String(year), month: String(month) });
    case TargetPeriod.Week:
      return t('targets.periods.weekOf', { start: target.startsOn, end: target.endsOn });
    default:
      return target.startsOn;
  }
}
