import { useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n.ts';
import { MAX_DISABLED_SITES } from '../../lib/settings/schema.ts';
import { isSiteDisabled, normalizeHost, withSiteDisabled, type SiteImport, type SiteListFormat } from '../../lib/settings/sites.ts';
import type { SettingsServices } from './types.ts';

export interface SiteListEditorProps {
  sites: readonly string[];
  services: SettingsServices;
  onError(message: string): void;
}

type Feedback = { kind: 'error'; text: string } | { kind: 'import'; result: SiteImport } | undefined;

/**
 * The sites where Source Context is off: add one (a host or a pasted
 * address), remove one, import a list (file or paste; bad lines are listed
 * with their numbers, the rest still imported) and export it as text or JSON.
 */
export function SiteListEditor({ sites, services, onError }: SiteListEditorProps) {
  const [entry, setEntry] = useState('');
  const [feedback, setFeedback] = useState<Feedback>();
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  const fail = (error: unknown) => onError(error instanceof Error ? error.message : String(error));

  const add = (event: Event) => {
    event.preventDefault();
    const host = normalizeHost(entry);
    if (!host) return setFeedback({ kind: 'error', text: t('settings_addInvalid', entry.trim()) });
    if (isSiteDisabled({ disabledSites: sites as string[] }, host)) return setFeedback({ kind: 'error', text: t('settings_addDuplicate', host) });
    setFeedback(undefined);
    setEntry('');
    services.updateSettings((current) => ({ disabledSites: withSiteDisabled(current.disabledSites, host, true) })).catch(fail);
  };

  const remove = (site: string) => {
    services.updateSettings((current) => ({ disabledSites: current.disabledSites.filter((s) => s !== site) })).catch(fail);
  };

  const runImport = (text: string) =>
    services.importSites(text).then((result) => {
      setFeedback({ kind: 'import', result });
      return result;
    }, fail);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setFeedback({ kind: 'error', text: t('settings_importUnreadable') });
    }
    await runImport(text);
    if (fileInput.current) fileInput.current.value = '';
  };

  const exportAs = (format: SiteListFormat) =>
    services
      .exportSites(format, t('settings_exportHeading'))
      .then((text) =>
        services.download(
          format === 'json' ? 'source-context-sites.json' : 'source-context-sites.txt',
          format === 'json' ? 'application/json' : 'text/plain',
          text,
        ),
      )
      .catch(fail);

  return (
    <div class="sc-settings-sites">
      <form class="sc-settings-add" onSubmit={add}>
        <label class="sc-settings-add__label" for="sc-settings-add-site">
          {t('settings_addSiteLabel')}
        </label>
        <div class="sc-settings-add__row">
          <input
            id="sc-settings-add-site"
            class="sc-settings-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={entry}
            aria-invalid={feedback?.kind === 'error' ? 'true' : undefined}
            aria-describedby={feedback ? 'sc-settings-sites-feedback' : undefined}
            onInput={(event) => setEntry(event.currentTarget.value)}
          />
          <button type="submit" class="sc-button sc-button--primary">
            {t('settings_add')}
          </button>
        </div>
      </form>

      <div id="sc-settings-sites-feedback" role="status" aria-live="polite">
        {feedback?.kind === 'error' && <p class="sc-settings-feedback sc-settings-feedback--error">{feedback.text}</p>}
        {feedback?.kind === 'import' && <ImportReport result={feedback.result} />}
      </div>

      {sites.length === 0 ? (
        <p class="sc-settings-empty">{t('settings_sitesEmpty')}</p>
      ) : (
        <ul class="sc-settings-site-list">
          {sites.map((site) => (
            <li key={site} class="sc-settings-site">
              <span class="sc-settings-site__host">{site}</span>
              <button type="button" class="sc-button sc-button--quiet" aria-label={t('settings_removeLabel', site)} onClick={() => remove(site)}>
                {t('settings_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <div class="sc-settings-io">
        <input
          ref={fileInput}
          class="sc-sr-only"
          type="file"
          accept=".txt,.json,.csv,text/plain,application/json"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => void importFile(event.currentTarget.files?.[0])}
        />
        <button type="button" class="sc-button" onClick={() => fileInput.current?.click()}>
          {t('settings_importFile')}
        </button>
        <button type="button" class="sc-button" aria-expanded={pasting} aria-controls="sc-settings-paste" onClick={() => setPasting(!pasting)}>
          {t('settings_pasteToggle')}
        </button>
        <span class="sc-settings-io__spacer" />
        <button type="button" class="sc-button" disabled={sites.length === 0} onClick={() => void exportAs('text')}>
          {t('settings_exportText')}
        </button>
        <button type="button" class="sc-button" disabled={sites.length === 0} onClick={() => void exportAs('json')}>
          {t('settings_exportJson')}
        </button>
      </div>

      {pasting && (
        <form
          id="sc-settings-paste"
          class="sc-settings-paste"
          onSubmit={(event) => {
            event.preventDefault();
            void runImport(pasted).then((result) => {
              if (result) setPasted('');
            });
          }}
        >
          <label for="sc-settings-paste-text">{t('settings_pasteLabel')}</label>
          <textarea id="sc-settings-paste-text" class="sc-settings-input sc-settings-paste__text" rows={5} spellcheck={false} value={pasted} onInput={(event) => setPasted(event.currentTarget.value)} />
          <button type="submit" class="sc-button sc-button--primary" disabled={pasted.trim() === ''}>
            {t('settings_pasteApply')}
          </button>
        </form>
      )}
    </div>
  );
}

function ImportReport({ result }: { result: SiteImport }) {
  return (
    <div class="sc-settings-feedback">
      <p>{t('settings_importResult', [result.added.length, result.duplicates])}</p>
      {result.rejected.length > 0 && (
        <>
          <p class="sc-settings-feedback--error">{t('settings_importRejectedHeading')}</p>
          <ul class="sc-settings-rejected">
            {result.rejected.map((r) => (
              <li key={r.line}>
                {r.reason === 'invalid' ? t('settings_rejectInvalid', [r.line, r.text]) : t('settings_rejectLimit', [r.line, r.text, MAX_DISABLED_SITES])}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
