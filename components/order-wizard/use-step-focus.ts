"use client";

import { useEffect, useRef, useState } from "react";
import type { FieldId, StepId } from "@/lib/order-wizard/steps";

/** Focus a field by id; for a group (fieldset) focus its checked or first control. */
export function focusField(field: FieldId): boolean {
  const el = document.getElementById(field);
  if (!el) return false;
  if (el instanceof HTMLFieldSetElement) {
    const target = el.querySelector<HTMLElement>("input:checked") ?? el.querySelector<HTMLElement>("input, select, textarea");
    (target ?? el).focus();
  } else el.focus();
  return true;
}

/** The fields among `fields` in the order they appear on the page. */
export function inDocumentOrder(fields: FieldId[]): FieldId[] {
  const withEl = fields.map((f) => ({ f, el: document.getElementById(f) }));
  return withEl
    .sort((a, b) => {
      if (!a.el || !b.el) return a.el ? -1 : b.el ? 1 : 0;
      return a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    })
    .map(({ f }) => f);
}

/**
 * Focus follows the step: the heading on every step change (Next, Back, Edit, browser back and
 * forward), or the field an error names. Not on first load, where the page's own focus stays.
 * `requestFocus` asks for it; for the step being shown it happens after the next render, when
 * the error it points at is on the page.
 */
export function useStepFocus(step: StepId) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pending = useRef<{ step: StepId; field: FieldId | null } | null>(null);
  const lastStep = useRef<StepId>(step);
  const [request, setRequest] = useState(0);

  useEffect(() => {
    const wanted = pending.current;
    // pushState reaches useSearchParams a render later: wait until the target step is shown.
    if (wanted && wanted.step !== step) return;
    if (lastStep.current === step && !wanted) return;
    lastStep.current = step;
    pending.current = null;
    if (wanted?.field && focusField(wanted.field)) return;
    headingRef.current?.focus();
  }, [step, request]);

  function requestFocus(target: StepId, field: FieldId | null) {
    pending.current = { step: target, field };
    setRequest((n) => n + 1);
  }

  return { headingRef, requestFocus };
}
