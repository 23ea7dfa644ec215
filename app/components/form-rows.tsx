/**
 * Repeating rows of the field kit (ADR 0005): added and removed by intent, so a plain post and a page
 * with JavaScript behave alike. Imported through `./form`.
 */
import { Fragment, useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { addRowIntent, removeRowIntent } from "../utils/form-rows";

/** One repeating row as a fieldset: its fields, then its "Ta bort" button (from RowList). */
export function RowFieldset({ legend, remove, children }: { legend: string; remove: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="application-row">
      <legend>{legend}</legend>
      {children}
      <div>{remove}</div>
    </fieldset>
  );
}

export interface RowControls {
  /** Where the row stands now; field names use it (`budgetLines.${index}.description`). */
  index: number;
  /** The row's "Ta bort" button; `label` is read out after "Ta bort" (visually hidden). */
  removeButton: (label: string, className?: string) => ReactNode;
}

let rowKeys = 0;

/**
 * Repeating rows, added and removed by intent (utils/form-rows.ts). The buttons are submit buttons with
 * `intent=add-row:<list>` / `remove-row:<list>:<i>`: without JavaScript they post, and the server saves
 * what was typed and shows the form again from the post. With JavaScript they change the list in place
 * (as react-hook-form's useFieldArray would): each row keeps its own inputs, so what is typed anywhere
 * stays as typed, and `onRowsChange` runs once the page shows the new list (the step pages save then).
 */
export function RowList<T>({
  list,
  rows,
  blank,
  addLabel,
  addClassName = "secondary",
  children,
  onRowsChange,
}: {
  list: string;
  /** The rows the page was rendered with (at least one, see rowsOrBlank). */
  rows: readonly T[];
  blank: () => T;
  /** Read out after "Lägg till rad" (visually hidden), e.g. "för en budgetpost". */
  addLabel: string;
  addClassName?: string;
  children: (row: T, controls: RowControls) => ReactNode;
  onRowsChange?: () => void;
}) {
  // Keys from the rendered rows' places, so the server's markup and the browser's agree.
  const [items, setItems] = useState(() => rows.map((row, i) => ({ key: `${list}-${i}`, row })));
  const changed = useRef<null | { focus: "added" | "add-button" }>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!changed.current) return;
    const { focus } = changed.current;
    changed.current = null;
    if (focus === "added") {
      const last = `${list}.${items.length - 1}`;
      const fields = container.current?.querySelectorAll<HTMLElement>(`[name="${last}"], [name^="${last}."]`);
      (fields?.[0] ?? addButton.current)?.focus();
    } else addButton.current?.focus();
    onRowsChange?.();
    // Only when the list itself changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items]);

  function add(event: MouseEvent<HTMLButtonElement>) {
    event.preventDefault();
    changed.current = { focus: "added" };
    setItems((current) => [...current, { key: `${list}-new-${++rowKeys}`, row: blank() }]);
  }
  function remove(event: MouseEvent<HTMLButtonElement>, key: string) {
    event.preventDefault();
    changed.current = { focus: "add-button" };
    setItems((current) => {
      const next = current.filter((item) => item.key !== key);
      return next.length > 0 ? next : [{ key: `${list}-new-${++rowKeys}`, row: blank() }];
    });
  }
  return (
    <div ref={container} className="row-list">
      {items.map((item, index) => (
        <Fragment key={item.key}>
          {children(item.row, {
            index,
            removeButton: (label, className = "secondary") => (
              <button type="submit" name="intent" value={removeRowIntent(list, index)} className={className} formNoValidate onClick={(e) => remove(e, item.key)}>
                Ta bort <span className="visually-hidden">{label}</span>
              </button>
            ),
          })}
        </Fragment>
      ))}
      <div>
        <button type="submit" name="intent" value={addRowIntent(list)} className={addClassName} formNoValidate ref={addButton} onClick={add}>
          Lägg till rad <span className="visually-hidden">{addLabel}</span>
        </button>
      </div>
    </div>
  );
}

