"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  buildOrderBody,
  errorsOfStep,
  fieldForPath,
  fieldMessage,
  isStepId,
  pathInMessage,
  stepIds,
  stepOfField,
  stepTitles,
  type Draft,
  type DraftErrors,
  type FieldId,
  type StepId,
} from "@/lib/order-wizard/draft";
import { createdNotice, createdOrderHref } from "@/lib/order-wizard/handoff";
import type { ValidateDraft } from "@/lib/order-wizard/validate";
import { loadedValidator, loadValidator } from "@/lib/order-wizard/validate-loader";
import { isApiError } from "@/lib/queries/api-fetch";
import { useCreateOrderMutation } from "@/lib/queries/orders";
import type { StepProps } from "./controls";
import { currentDraft, discardDraft, renewIdempotencyKey, resetDraft, updateDraft, useDraft } from "./draft-store";
import { StepCloudInit } from "./step-cloud-init";
import { StepImage } from "./step-image";
import { StepNetwork } from "./step-network";
import { StepReview } from "./step-review";
import { StepServers } from "./step-servers";
import { StepSize } from "./step-size";

const stepHints: Record<StepId, string> = {
  servers: "How many servers, their names and a reference for the order.",
  size: "Memory, processor cores and disk of each server.",
  image: "The operating system installed on every server.",
  network: "Who may reach the servers, and where they run.",
  "cloud-init": "Optional configuration the servers run on first boot.",
  review: "Check everything, then place the order.",
};

/** Focus a field by id; for a group (fieldset) focus its checked or first control. */
function focusField(field: FieldId): boolean {
  const el = document.getElementById(field);
  if (!el) return false;
  if (el instanceof HTMLFieldSetElement) {
    const target = el.querySelector<HTMLElement>("input:checked") ?? el.querySelector<HTMLElement>("input, select, textarea");
    (target ?? el).focus();
  } else el.focus();
  return true;
}

/** The fields among `fields` in the order they appear on the page. */
function inDocumentOrder(fields: FieldId[]): FieldId[] {
  const withEl = fields.map((f) => ({ f, el: document.getElementById(f) }));
  return withEl
    .sort((a, b) => {
      if (!a.el || !b.el) return a.el ? -1 : b.el ? 1 : 0;
      return a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    })
    .map(({ f }) => f);
}

type Failure = { title: string; text: string; ordersLink?: boolean; newAttempt?: boolean };
type Handoff = { orderId: number; status: number; message: string };

export function OrderWizard() {
  const draft = useDraft();
  if (!draft) return <WizardSkeleton />;
  return <Wizard draft={draft} />;
}

export function WizardSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the order form" className="animate-pulse space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <div className="h-6 w-48 rounded bg-slate-200 dark:bg-slate-700" />
      <div className="h-10 w-full rounded bg-slate-200 dark:bg-slate-700" />
      <div className="h-10 w-full rounded bg-slate-200 dark:bg-slate-700" />
    </div>
  );
}

function Wizard({ draft }: { draft: Draft }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const requested = searchParams.get("step");
  const step: StepId = isStepId(requested) ? requested : "servers";
  const stepIndex = stepIds.indexOf(step);

  const [touched, setTouched] = useState<ReadonlySet<FieldId>>(() => new Set());
  const [upstreamErrors, setUpstreamErrors] = useState<DraftErrors>({});
  const [summary, setSummary] = useState<string>("");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [leaving, setLeaving] = useState<Handoff | null>(null);
  const createOrder = useCreateOrderMutation();
  const submitting = useRef(false);

  // The validator (zod and the contract schema) is code-split out of this page's first load to
  // keep /orders/new under the 200 kB budget of issue 8; it is fetched as soon as the wizard
  // mounts. Until it arrives `errors` is empty, and Next / Place order wait for it instead of
  // passing a step unchecked (see `withValidator`).
  const [validate, setValidate] = useState<ValidateDraft | null>(loadedValidator);
  const [checking, setChecking] = useState(false);
  const checkingRef = useRef(false);
  useEffect(() => {
    if (validate) return;
    let live = true;
    loadValidator().then(
      (loaded) => {
        if (live) setValidate(() => loaded);
      },
      () => {
        // Not fatal here: Next and Place order load it again, and say so if that fails too.
      },
    );
    return () => {
      live = false;
    };
  }, [validate]);

  const errors = useMemo<DraftErrors>(() => (validate ? validate(draft) : {}), [validate, draft]);
  const body = useMemo(() => buildOrderBody(draft), [draft]);
  // Where the wizard is now, for work that resumes after the validator has loaded.
  const currentStep = useRef<StepId>(step);
  const mounted = useRef(false);
  useEffect(() => {
    currentStep.current = step;
  }, [step]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Focus follows the step: the heading on every step change (Next, Back, Edit, browser back and
  // forward), or the field an error names. Not on first load, where the page's own focus stays.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pendingFocus = useRef<{ step: StepId; field: FieldId | null } | null>(null);
  const lastStep = useRef<StepId>(step);
  useEffect(() => {
    const pending = pendingFocus.current;
    // pushState reaches useSearchParams a render later: wait until the target step is shown.
    if (pending && pending.step !== step) return;
    if (lastStep.current === step && !pending) return;
    lastStep.current = step;
    pendingFocus.current = null;
    if (pending?.field && focusField(pending.field)) return;
    headingRef.current?.focus();
  }, [step, touched, upstreamErrors]);

  // The furthest step seen is remembered so the step list links only to steps already visited.
  useEffect(() => {
    if (stepIds.indexOf(draft.furthest) < stepIndex) updateDraft((d) => ({ ...d, furthest: step }));
  }, [draft.furthest, stepIndex, step]);

  function errorOf(field: FieldId): string | undefined {
    return upstreamErrors[field] ?? (touched.has(field) ? errors[field] : undefined);
  }

  const stepProps: StepProps = {
    draft,
    errorOf,
    onChange: (field, change) => {
      updateDraft(change);
      setFailure(null);
      if (upstreamErrors[field] !== undefined) {
        setUpstreamErrors((current) => {
          const next = { ...current };
          delete next[field];
          return next;
        });
      }
    },
    onBlur: (field) => {
      if (!touched.has(field)) setTouched((current) => new Set(current).add(field));
    },
  };

  function goTo(target: StepId, focus: FieldId | null = null) {
    setSummary("");
    pendingFocus.current = { step: target, field: focus };
    if (target === step) {
      // Same step: no navigation, so focus directly once the errors have rendered.
      setTouched((current) => new Set(current));
      return;
    }
    window.history.pushState(null, "", `?step=${target}`);
  }

  /** Show every error of `fields`, announce them, and move to the first one. */
  function reportErrors(list: [FieldId, string][]) {
    setTouched((current) => {
      const next = new Set(current);
      for (const [field] of list) next.add(field);
      return next;
    });
    const targetStep = stepIds.find((s) => list.some(([field]) => stepOfField(field) === s)) ?? step;
    const onStep = list.filter(([field]) => stepOfField(field) === targetStep);
    const first = targetStep === step ? inDocumentOrder(onStep.map(([f]) => f))[0] : onStep[0]?.[0];
    goTo(targetStep, first ?? null);
    const n = onStep.length;
    setSummary(
      `${n === 1 ? "1 field needs" : `${n} fields need`} attention on the ${stepTitles[targetStep].toLowerCase()} step before you go on: ${onStep
        .map(([, message]) => message)
        .join(" ")}`,
    );
  }

  /**
   * Run `then` with the errors of the latest draft: at once when the validator is here (the usual
   * case), else once it has loaded, showing "Checking your answers…" meanwhile. A failed load
   * says so instead of leaving the button doing nothing; the next click tries again.
   */
  function withValidator(then: (errors: DraftErrors, draft: Draft) => void) {
    if (validate) return then(errors, draft);
    if (checkingRef.current) return; // The first click's wait carries on; one answer is enough.
    checkingRef.current = true;
    setChecking(true);
    setSummary("");
    const from = step;
    loadValidator()
      .then((loaded) => {
        setValidate(() => loaded);
        if (!mounted.current || currentStep.current !== from) return; // The person went elsewhere while it loaded.
        const latest = currentDraft();
        then(loaded(latest), latest);
      })
      .catch(() => {
        setSummary("Your answers could not be checked because part of this page did not load. Check your connection, then try again.");
      })
      .finally(() => {
        checkingRef.current = false;
        setChecking(false);
      });
  }

  function handleNext(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    withValidator((all) => {
      const list = [...errorsOfStep(all, step), ...errorsOfStep(upstreamErrors, step)];
      if (list.length > 0) return reportErrors(list);
      const next = stepIds[stepIndex + 1];
      if (next) goTo(next);
    });
  }

  function handlePlaceOrder() {
    if (submitting.current) return; // A double click lands here before React re-renders the disabled button.
    setFailure(null);
    withValidator((all, checked) => void placeOrder(all, checked));
  }

  async function placeOrder(allErrors: DraftErrors, checked: Draft) {
    if (submitting.current) return;
    const all = Object.entries(allErrors) as [FieldId, string][];
    if (all.length > 0) return reportErrors(all);
    submitting.current = true;
    try {
      const result = await createOrder.mutateAsync({ body: checked === draft ? body : buildOrderBody(checked), idempotencyKey: checked.idempotencyKey });
      discardDraft();
      // Every outcome lands on the new order's page, whose notice says what happens next (for
      // status 100: where the invoice is paid).
      setLeaving({ orderId: result.order_id, status: result.status, message: result.message });
      router.push(createdOrderHref(result.order_id, result.status));
    } catch (error) {
      submitting.current = false;
      handleOrderError(error);
    }
  }

  function handleOrderError(error: unknown) {
    if (!isApiError(error)) {
      setFailure({ title: "The order was not placed", text: "Something unexpected happened. Try again.", ordersLink: true });
      return;
    }
    const definite = error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 499;
    if (error.code === "idempotency_conflict") {
      setFailure({
        title: "This order was already sent with other details",
        text: "An earlier attempt of this draft may have placed an order. Check your orders first; if it is not there, send this as a new attempt.",
        ordersLink: true,
        newAttempt: true,
      });
      return;
    }
    // The upstream did not act on a 4xx answer, so the next attempt may use a new key; after a
    // timeout or 5xx the outcome is unknown and the same key must be kept (a retry replays it).
    if (definite) renewIdempotencyKey();

    const fromFields = Object.entries(error.fields).map(([path, message]): [FieldId, string] => [fieldForPath(path), message]);
    const conflictPath = error.status === 409 ? pathInMessage(error.message) : null;
    if (fromFields.length > 0 || error.status === 409) {
      const mapped: [FieldId, string][] =
        fromFields.length > 0
          ? fromFields.map(([field, message]) => [field, messageFor(field, message || error.message)])
          : [[conflictPath ? fieldForPath(conflictPath) : "network-general", messageFor(conflictPath ? fieldForPath(conflictPath) : "network-general", error.message)]];
      const located = mapped.map(([field, message]): [FieldId, string] => [field === "review-general" && error.status === 409 ? "network-general" : field, message]);
      const onReview = located.every(([field]) => stepOfField(field) === "review");
      if (!onReview) {
        setUpstreamErrors(Object.fromEntries(located));
        reportErrors(located);
        return;
      }
    }
    setFailure({
      title: definite ? "The order was not placed" : "The outcome of this order is unknown",
      text: definite ? error.message : `${error.message} This draft keeps its order key, so placing it again from here never places a second order.`,
      ordersLink: !definite,
    });
  }

  if (leaving) {
    const notice = createdNotice(leaving.orderId, leaving.status);
    return <HandoffPanel title={notice.title} text="Opening the order…" detail={leaving.message} />;
  }

  const StepBody = { servers: StepServers, size: StepSize, image: StepImage, network: StepNetwork, "cloud-init": StepCloudInit }[step as Exclude<StepId, "review">];
  const isReview = step === "review";
  const furthest = stepIds.indexOf(draft.furthest);

  return (
    <div className="space-y-4">
      <nav aria-label="Order steps">
        <ol className="flex flex-wrap gap-x-1 gap-y-2 text-sm">
          {stepIds.map((id, i) => {
            const current = id === step;
            const reachable = i <= Math.max(furthest, stepIndex);
            const label = (
              <>
                <span aria-hidden="true" className="mr-1 inline-grid size-5 place-items-center rounded-full border border-current text-xs">
                  {i + 1}
                </span>
                {stepTitles[id]}
              </>
            );
            const classes = `inline-flex items-center rounded-md px-2 py-1 ${current ? "bg-blue-700 font-semibold text-white dark:bg-blue-500 dark:text-slate-950" : ""}`;
            return (
              <li key={id}>
                {reachable && !current ? (
                  <a
                    href={`?step=${id}`}
                    className={`${classes} text-blue-800 underline-offset-2 hover:underline dark:text-blue-300`}
                    onClick={(event) => {
                      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                      event.preventDefault();
                      goTo(id);
                    }}
                  >
                    {label}
                  </a>
                ) : (
                  <span className={`${classes} ${current ? "" : "text-slate-600 dark:text-slate-400"}`} aria-current={current ? "step" : undefined}>
                    {label}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>

      <form noValidate onSubmit={handleNext} aria-labelledby="step-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-700 dark:bg-slate-900">
        <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          <span className="block text-sm font-normal text-slate-700 dark:text-slate-300">
            Step {stepIndex + 1} of {stepIds.length}
          </span>
          {stepTitles[step]}
        </h2>
        <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-300">{stepHints[step]}</p>

        {isReview ? (
          <StepReview draft={draft} body={body} onEdit={(target) => goTo(target)} />
        ) : StepBody ? (
          <StepBody {...stepProps} />
        ) : null}

        <div aria-live="polite" className="mt-6 empty:hidden">
          {summary ? (
            <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">{summary}</p>
          ) : checking ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">Checking your answers…</p>
          ) : null}
        </div>

        {isReview && failure ? (
          <Alert tone="error" title={failure.title} className="mt-6">
            <p>{failure.text}</p>
            {failure.ordersLink || failure.newAttempt ? (
              <div className="flex flex-wrap gap-2 pt-1">
                {failure.ordersLink ? (
                  <Link href="/orders" className="font-medium underline underline-offset-2">
                    Check your orders
                  </Link>
                ) : null}
                {failure.newAttempt ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => {
                      renewIdempotencyKey();
                      setFailure(null);
                    }}
                  >
                    Send as a new attempt
                  </Button>
                ) : null}
              </div>
            ) : null}
          </Alert>
        ) : null}

        <div className="mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4 dark:border-slate-700">
          <div className="flex flex-wrap gap-2">
            {stepIndex > 0 ? (
              <Button variant="secondary" onClick={() => goTo(stepIds[stepIndex - 1] as StepId)}>
                Back
              </Button>
            ) : null}
            <Button
              variant="ghost"
              onClick={() => {
                resetDraft();
                setTouched(new Set());
                setUpstreamErrors({});
                setFailure(null);
                goTo("servers");
              }}
            >
              Start over
            </Button>
          </div>
          {isReview ? (
            <Button pending={createOrder.isPending} onClick={handlePlaceOrder}>
              {createOrder.isPending ? "Placing order…" : "Place order"}
            </Button>
          ) : (
            <Button type="submit">Next: {stepTitles[stepIds[stepIndex + 1] as StepId]}</Button>
          )}
        </div>
      </form>
    </div>
  );
}

/** An upstream message for a field, without the contract path it may start with. */
function messageFor(field: FieldId, message: string): string {
  const path = pathInMessage(message);
  const rest = path ? message.slice(path.length).replace(/^:?\s+/, "") : message;
  return fieldMessage(field, rest);
}

function HandoffPanel({ title, text, detail, children }: { title: string; text: string; detail: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section aria-labelledby="handoff-title" className="space-y-3 rounded-lg border border-green-300 bg-green-50 p-4 text-green-950 sm:p-6 dark:border-green-800 dark:bg-green-950 dark:text-green-100">
      <h2 id="handoff-title" ref={ref} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
        {title}
      </h2>
      <p role="status">{text}</p>
      {detail ? <p className="text-sm">The klikk API says: {detail}</p> : null}
      {children ? <div className="flex flex-wrap gap-2">{children}</div> : null}
    </section>
  );
}
