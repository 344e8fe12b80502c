'use client';
/**
 * "Your workshops": the boards this browser has opened before, from its own storage only.
 * Nothing is shown (not even the heading) when there are none.
 */
import { useEffect, useState } from 'react';
import { Button } from '../ui/Button';
import { forgetWorkshop, type RememberedWorkshop, rememberedWorkshops } from './workshopMemory';

/** The list, with a way to clear it from this device. */
export function YourWorkshops() {
  const [list, setList] = useState<RememberedWorkshop[]>([]);
  useEffect(() => {
    try {
      setList(rememberedWorkshops(window.localStorage));
    } catch {
      setList([]);
    }
  }, []);
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="your-workshops-heading" className="lg:col-span-2">
      <h2 id="your-workshops-heading" className="mb-2 font-bold text-2xl">
        Your workshops
      </h2>
      <p className="mb-2">
        Workshops you have opened on this device. Only this browser keeps this list.
      </p>
      <ul className="mb-3 list-disc space-y-1 pl-6">
        {list.map((w) => (
          <li key={w.id}>
            <a href={`/w/${w.id}`} className="font-semibold underline">
              {w.title}
            </a>{' '}
            <span className="text-neutral-700 dark:text-neutral-300">
              (last opened{' '}
              {/* In words, so "1 December 2026" cannot be misread as 12 January (12/1/2026). */}
              {new Date(w.openedAt).toLocaleDateString('en-GB', {
                day: 'numeric',
                month: 'long',
                year: 'numeric',
              })}
              )
            </span>
          </li>
        ))}
      </ul>
      <Button
        small
        variant="secondary"
        onClick={() => {
          forgetWorkshop(window.localStorage);
          setList([]);
        }}
      >
        Clear this list from this device
      </Button>
    </section>
  );
}
