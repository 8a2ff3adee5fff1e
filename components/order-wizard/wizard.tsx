"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { buildOrderBody } from "@/lib/order-wizard/body";
import type { Draft } from "@/lib/order-wizard/draft";
import { errorsOfStep, type DraftErrors } from "@/lib/order-wizard/fields";
import { mapOrderOutcome, type OrderFailure, type PlaceAnswer } from "@/lib/order-wizard/order-outcome";
import { stepFromParam, stepHints, stepIds, stepOfField, stepTitles, type FieldId, type StepId } from "@/lib/order-wizard/steps";
import type { PriceList } from "@/lib/pricing";
import { useAccounts } from "@/components/accounts/session-accounts";
import { useReadOnly } from "@/lib/queries/account";
import { noteRefusal } from "@/lib/queries/account-refusal";
import { isApiError } from "@/lib/queries/api-fetch";
import { createOrder } from "@/lib/queries/order-mutations";
import type { StepProps } from "./controls";
import { FailureAlert, preloadSteps, StepImage, StepNetwork, StepReview } from "./lazy-steps";
import { discardDraft, renewIdempotencyKey, resetDraft, updateDraft } from "./draft-store";
import { StepNav } from "./step-nav";
import { StepServers } from "./step-servers";
import { useLazyValidator } from "./use-lazy-validator";
import { useServerNames } from "./use-server-names";
import { inDocumentOrder, useStepFocus } from "./use-step-focus";
import { WizardFooter } from "./wizard-footer";
import { HandoffPanel } from "./wizard-notices";

const stepBodies = { servers: StepServers, image: StepImage, network: StepNetwork } as const;

/** The order wizard once the draft is read: four steps, one order however often you click. */
export function Wizard({ draft, prices }: { draft: Draft; prices: PriceList | null }) {
  const router = useRouter();
  useEffect(preloadSteps, []);
  const queryClient = useQueryClient();
  const step: StepId = stepFromParam(useSearchParams().get("step")) ?? "servers";
  const stepIndex = stepIds.indexOf(step);

  const [touched, setTouched] = useState<ReadonlySet<FieldId>>(() => new Set());
  const [upstreamErrors, setUpstreamErrors] = useState<DraftErrors>({});
  // The step whose errors the summary lists; the list itself is worked out on every render, so
  // it follows the fields as they are fixed and is gone once they all are (issue 17).
  const [summaryStep, setSummaryStep] = useState<StepId | null>(null);
  const [failure, setFailure] = useState<OrderFailure | null>(null);
  const [leaving, setLeaving] = useState<{ title: string; message: string } | null>(null);
  const [placing, setPlacing] = useState(false);
  const orderAccount = useAccounts().find((account) => account.active);
  const submitting = useRef(false);
  const readOnly = useReadOnly();
  const existingNames = useServerNames(draft);
  const { errors, checking, loadFailed, withValidator } = useLazyValidator(draft);
  const { headingRef, requestFocus } = useStepFocus(step);
  const body = useMemo(() => buildOrderBody(draft), [draft]);

  // Where the wizard is now, for work that resumes after the validator has loaded.
  const currentStep = useRef<StepId>(step);
  useEffect(() => {
    currentStep.current = step;
  }, [step]);

  // The furthest step seen is remembered so the step list links only to steps already visited.
  useEffect(() => {
    if (stepIds.indexOf(draft.furthest) < stepIndex) updateDraft((d) => ({ ...d, furthest: step }));
  }, [draft.furthest, stepIndex, step]);

  function errorOf(field: FieldId): string | undefined {
    return upstreamErrors[field] ?? (touched.has(field) ? errors[field] : undefined);
  }

  const shownErrors: DraftErrors = { ...Object.fromEntries([...touched].filter((f) => errors[f] !== undefined).map((f) => [f, errors[f]])), ...upstreamErrors };
  const summaryList = summaryStep === step ? errorsOfStep(shownErrors, step) : [];

  const stepProps: StepProps = {
    draft,
    errorOf,
    prices,
    existingNames,
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
    setSummaryStep(null);
    requestFocus(target, focus);
    if (target !== step) window.history.pushState(null, "", `?step=${target}`);
  }

  /** Show every error of `list`, list them in the summary, and move to the first one. */
  function reportErrors(list: [FieldId, string][]) {
    setTouched((current) => new Set([...current, ...list.map(([field]) => field)]));
    const targetStep = stepIds.find((s) => list.some(([field]) => stepOfField(field) === s)) ?? step;
    const onStep = list.filter(([field]) => stepOfField(field) === targetStep).map(([field]) => field);
    const first = targetStep === step ? inDocumentOrder(onStep)[0] : onStep[0];
    goTo(targetStep, first ?? null);
    setSummaryStep(targetStep);
  }

  function handleNext(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const from = step;
    withValidator(
      (all) => {
        const list = [...errorsOfStep(all, from), ...errorsOfStep(upstreamErrors, from)];
        if (list.length > 0) return reportErrors(list);
        const next = stepIds[stepIds.indexOf(from) + 1];
        if (next) goTo(next);
      },
      () => currentStep.current === from,
    );
  }

  function handlePlaceOrder() {
    if (submitting.current || readOnly) return; // A double click lands here before React re-renders the disabled button.
    setFailure(null);
    withValidator(
      (all, checked) => void placeOrder(all, checked),
      () => currentStep.current === "review",
    );
  }

  async function placeOrder(allErrors: DraftErrors, checked: Draft) {
    if (submitting.current) return;
    const all = Object.entries(allErrors) as [FieldId, string][];
    if (all.length > 0) return reportErrors(all);
    submitting.current = true;
    // The names this attempt sends are the attempt's own from now on. Suggested names move on
    // whenever the server list changes (use-server-names.ts), and the order itself may add a
    // server to it: a retry under the same Idempotency-Key would then send other names and be
    // refused as another order.
    if (!checked.namesChosen) updateDraft((d) => ({ ...d, namesChosen: true, names: checked.names }));
    const startedAt = Date.now();
    let answer: PlaceAnswer;
    try {
      // The account the review names: a switch in another tab meanwhile cannot redirect the order.
      setPlacing(true);
      const result = await createOrder(queryClient, { body: checked === draft ? body : buildOrderBody(checked), idempotencyKey: checked.idempotencyKey, account: orderAccount?.key });
      answer = { ok: true, orderId: result.order_id, status: result.status, message: result.message };
    } catch (error) {
      noteRefusal(queryClient, error);
      answer = { ok: false, error: isApiError(error) ? { status: error.status, code: error.code, message: error.message, fields: error.fields } : null };
    } finally {
      setPlacing(false);
    }
    const outcome = mapOrderOutcome(answer);
    if (outcome.kind === "placed") {
      discardDraft();
      // Every outcome lands on the new order's page, which says what happens next (for status
      // 100: the invoice's amount and where to pay it).
      setLeaving({ title: outcome.title, message: outcome.message });
      router.push(outcome.href);
      return;
    }
    submitting.current = false;
    if (outcome.renewKey) renewIdempotencyKey();
    if (outcome.kind === "fields") {
      setUpstreamErrors(Object.fromEntries(outcome.errors));
      reportErrors(outcome.errors);
    } else {
      const sent = checked === draft ? body : buildOrderBody(checked);
      // The order may exist: remember what was sent, so the alert can show the candidates.
      const attempt = outcome.failure.ordersLink ? { since: startedAt, reference: sent.reference ?? "", names: sent.items.map((item) => item.name) } : undefined;
      setFailure({ ...outcome.failure, ...(attempt ? { attempt } : {}) });
    }
  }

  if (leaving) return <HandoffPanel title={leaving.title} text="Opening the order…" detail={leaving.message} />;

  const StepBody = step === "review" ? null : stepBodies[step];
  const n = summaryList.length;

  return (
    <div className="space-y-4">
      <StepNav step={step} furthest={draft.furthest} onGo={(target) => goTo(target)} />

      <form noValidate onSubmit={handleNext} aria-labelledby="step-heading" className="rounded-lg border border-slate-200 bg-white px-4 pt-4 shadow-sm sm:px-6 sm:pt-6 dark:border-slate-700 dark:bg-slate-900">
        <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          <span className="block text-sm font-normal text-slate-700 dark:text-slate-300">
            Step {stepIndex + 1} of {stepIds.length}
          </span>
          {stepTitles[step]}
        </h2>
        <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-300">{stepHints[step]}</p>

        <Suspense fallback={<div aria-hidden="true" className="h-48 animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" />}>
          {StepBody ? <StepBody {...stepProps} /> : <StepReview draft={draft} body={body} prices={prices} onEdit={(target) => goTo(target)} />}
        </Suspense>

        <div aria-live="polite" className="mt-6 empty:hidden">
          {n > 0 ? (
            <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
              {n === 1 ? "1 field needs" : `${n} fields need`} attention on the {stepTitles[step].toLowerCase()} step before you go on:{" "}
              {summaryList.map(([, message]) => message).join(" ")}
            </p>
          ) : loadFailed ? (
            <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
              Your answers could not be checked because part of this page did not load. Check your connection, then try again.
            </p>
          ) : checking ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">Checking your answers…</p>
          ) : null}
        </div>

        {step === "review" && failure ? (
          <Suspense fallback={null}>
            <FailureAlert
              failure={failure}
              onNewAttempt={() => {
                renewIdempotencyKey();
                setFailure(null);
              }}
            />
          </Suspense>
        ) : null}

        <WizardFooter
          step={step}
          draft={draft}
          prices={prices}
          placing={placing}
          readOnly={readOnly}
          onBack={() => goTo(stepIds[stepIndex - 1] as StepId)}
          onStartOver={() => {
            resetDraft();
            setTouched(new Set());
            setUpstreamErrors({});
            setFailure(null);
            goTo("servers");
          }}
          onPlaceOrder={handlePlaceOrder}
        />
      </form>
    </div>
  );
}
