import { describe, expect, it } from 'vitest';
import { lineAmount } from './DealFormPage';

describe('lineAmount', () => {
  it('rounds a line to the fen half away from zero, as the server does', () => {
    expect(lineAmount({ quantity: 1, unitPrice: 10.01, discountPercent: 50 })).toBe(5.01);
    expect(lineAmount({ quantity: 3, unitPrice: 19.99, discountPercent: 12.5 })).toBe(52.47);
    expect(lineAmount({ quantity: 0.1, unitPrice: 0.3 })).toBe(0.03);
    expect(lineAmount({})).toBe(0);
  });
});
