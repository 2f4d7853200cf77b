import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TextFilter } from './TextFilter';

describe('TextFilter', () => {
  it('applies the typed text on Enter', () => {
    const onChange = vi.fn();
    render(<TextFilter label="标签" value={undefined} onChange={onChange} />);
    const input = screen.getByLabelText('标签');
    fireEvent.change(input, { target: { value: ' 连锁 ' } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(onChange).toHaveBeenCalledWith('连锁');
  });

  it('applies on leaving the box, and clearing removes the filter', () => {
    const onChange = vi.fn();
    const { rerender } = render(<TextFilter label="地区" value={undefined} onChange={onChange} />);
    const input = screen.getByLabelText('地区');
    fireEvent.change(input, { target: { value: '上海' } });
    fireEvent.blur(input);
    expect(onChange).toHaveBeenLastCalledWith('上海');

    rerender(<TextFilter label="地区" value="上海" onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('地区'), { target: { value: '' } });
    fireEvent.blur(screen.getByLabelText('地区'));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('shows a filter changed elsewhere', () => {
    const { rerender } = render(<TextFilter label="标签" value="连锁" onChange={vi.fn()} />);
    rerender(<TextFilter label="标签" value={undefined} onChange={vi.fn()} />);
    expect(screen.getByLabelText('标签')).toHaveProperty('value', '');
  });

  it('does not apply the same text twice', () => {
    const onChange = vi.fn();
    render(<TextFilter label="行业" value="零售" onChange={onChange} />);
    fireEvent.blur(screen.getByLabelText('行业'));
    expect(onChange).not.toHaveBeenCalled();
  });
});
