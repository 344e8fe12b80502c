'use client';
/**
 * The agenda's current step, for everyone (issue 11): which step of how many, what it asks
 * of people, whether to write on your own first, and what comes next. A change of step is
 * announced once, politely, through the board's live region.
 */
import { useEffect, useRef } from 'react';
import { currentStep, nextStep } from '../../lib/facilitation/agenda';
import type { FacilitationView } from '../../lib/protocol/facilitationEvents';

/** Props of `StepBanner`. */
export interface StepBannerProps {
  view: FacilitationView | null;
  announce(message: string): void;
}

/** The current step above the board, or nothing while the agenda is not running. */
export function StepBanner({ view, announce }: StepBannerProps) {
  const agenda = view?.agenda ?? null;
  const step = agenda && currentStep(agenda);
  const next = agenda && nextStep(agenda);
  const seen = useRef<string | null | undefined>(undefined);
  const current = agenda?.current ?? null;
  useEffect(() => {
    if (!agenda) return;
    // The step the page arrived in is not a change.
    if (seen.current === undefined || seen.current === current) {
      seen.current = current;
      return;
    }
    seen.current = current;
    announce(
      step ? `Now: ${step.title}. ${step.asks}` : 'The agenda has ended. The board is open.',
    );
  }, [agenda, current, step, announce]);
  if (!agenda || !step) return null;
  const number = agenda.steps.indexOf(step) + 1;
  return (
    <section
      aria-labelledby="step-banner-heading"
      className="space-y-1 rounded-lg border-4 border-joint-edge p-3 dark:border-joint-fill"
      data-testid="step-banner"
    >
      <h2 id="step-banner-heading" className="font-bold text-xl">
        <span className="font-semibold text-base">
          Step {number} of {agenda.steps.length}:
        </span>{' '}
        {step.title}
      </h2>
      {step.asks && <p className="max-w-prose text-lg">{step.asks}</p>}
      {step.writePrivately && (
        <p className="font-semibold" data-testid="write-privately">
          Write on your own first.
        </p>
      )}
      <p className="text-sm">{next ? `Next: ${next.title}.` : 'This is the last step.'}</p>
    </section>
  );
}
