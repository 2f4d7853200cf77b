import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  /** A line under the title: what the page holds, or facts about the record. */
  subtitle?: ReactNode;
  /** The page's main actions, on the right. */
  actions?: ReactNode;
}

/** The title row every page starts with, so pages look alike and headings stay one level (h2). */
export function PageHeader({ title, subtitle, actions }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div>
        <h2 className="page-title">{title}</h2>
        {subtitle && <span className="page-subtitle">{subtitle}</span>}
      </div>
      {actions}
    </div>
  );
}
