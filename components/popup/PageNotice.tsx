import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../../lib/i18n.ts';
import type { CannotRunReason } from '../../lib/platform/restricted-pages.ts';
import type { PageState } from './page-state.ts';

const REASON_KEYS: Readonly<Record<CannotRunReason, MessageKey>> = {
  'browser-page': 'popup_reason_browserPage',
  store: 'popup_reason_store',
  pdf: 'popup_reason_pdf',
  file: 'popup_reason_file',
  'not-loaded': 'popup_reason_notLoaded',
  'no-access': 'popup_reason_noAccess',
};

export interface PageNoticeProps {
  state: Exclude<PageState, { kind: 'counts' }>;
  onReload(): void;
}

/**
 * What the popup says instead of counts: still reading, paused, off on this
 * site, or that the extension cannot run here and why, with the one thing
 * the reader can do about it where there is one (reload).
 */
export function PageNotice({ state, onReload }: PageNoticeProps) {
  switch (state.kind) {
    case 'loading':
      return <Notice tone="quiet">{t('popup_loading')}</Notice>;
    case 'page-loading':
      return <Notice tone="quiet">{t('popup_pageLoading')}</Notice>;
    case 'no-tab':
      return <Notice tone="quiet">{t('popup_noTab')}</Notice>;
    case 'paused':
      return <Notice tone="info">{t('popup_paused')}</Notice>;
    case 'site-off':
      return <Notice tone="info">{state.coveredBy ? t('popup_siteOffByParent', state.coveredBy) : t('popup_siteOff')}</Notice>;
    case 'cannot-run':
      return (
        <Notice tone="warn" title={t('popup_cannotRun')}>
          <p>{t(REASON_KEYS[state.reason])}</p>
          {state.reason === 'not-loaded' && (
            <button type="button" class="sc-button sc-popup-notice__action" onClick={onReload}>
              {t('popup_reload')}
            </button>
          )}
        </Notice>
      );
  }
}

function Notice({ tone, title, children }: { tone: 'quiet' | 'info' | 'warn'; title?: string; children: ComponentChildren }) {
  return (
    <div class={`sc-popup-notice sc-popup-notice--${tone}`} role="status">
      {title && <h2 class="sc-popup-notice__title">{title}</h2>}
      {typeof children === 'string' ? <p>{children}</p> : children}
    </div>
  );
}
