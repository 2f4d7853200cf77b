/** Yuan as people read it: ¥12,345.67 (whole yuan when there are no fen). */
export function formatMoney(amount: number, language: string, currency = 'CNY'): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(amount);
}
