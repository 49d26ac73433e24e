import { type ReactNode, useId } from "react";
import { useDocumentTitle } from "../../../lib/use-document-title";

/** An admin page: its title (the document's too), its introduction, then what it shows. */
export function AdminPage({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  useDocumentTitle(title);
  const id = useId();
  return (
    <section className="page" aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      {intro ? <p className="admin-intro">{intro}</p> : null}
      {children}
    </section>
  );
}
