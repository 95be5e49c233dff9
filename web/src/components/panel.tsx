import { useId, type ReactNode } from 'react';

/** A titled dashboard card; `wide` spans two grid columns on large screens. */
export function Panel({
  title,
  actions,
  wide,
  children,
  testId,
}: {
  title: string;
  actions?: ReactNode;
  wide?: boolean;
  children: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <section className={wide ? 'panel panel-wide' : 'panel'} aria-labelledby={id} data-testid={testId}>
      <header className="panel-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
