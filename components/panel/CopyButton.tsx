/**
 * A copy-to-clipboard button that says what happened ("Copied" / "Copy
 * failed") for a moment, visibly and to screen readers.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n.ts';

/** How long the outcome stays on the button: long enough to notice, short enough not to linger. */
export const COPY_FEEDBACK_MS = 2000;

export interface CopyButtonProps {
  label: string;
  /** Id of the element that says whose words are copied (the speaker line). */
  describedBy?: string;
  text(): string;
  copy(text: string): Promise<void>;
}

export function CopyButton({ label, describedBy, text, copy }: CopyButtonProps) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onClick = async () => {
    let next: 'copied' | 'failed';
    try {
      await copy(text());
      next = 'copied';
    } catch {
      next = 'failed';
    }
    setStatus(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus('idle'), COPY_FEEDBACK_MS);
  };
  return (
    <>
      <button type="button" class={`sc-button sc-button--small${status === 'copied' ? ' sc-button--done' : ''}`} aria-describedby={describedBy} onClick={onClick}>
        {status === 'copied' ? t('panel_copied') : status === 'failed' ? t('panel_copyFailed') : label}
      </button>
      <span class="sc-sr-only" role="status">
        {status === 'copied' ? t('panel_copiedStatus') : status === 'failed' ? t('panel_copyFailedStatus') : ''}
      </span>
    </>
  );
}
