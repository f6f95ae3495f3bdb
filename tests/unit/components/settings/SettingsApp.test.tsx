// @vitest-environment happy-dom
import '../../fake-browser-globals.ts';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsApp } from '../../../../components/settings/SettingsApp.tsx';
import type { SettingsServices } from '../../../../components/settings/types.ts';
import { jsonMessageSource, setMessageSource } from '../../../../lib/i18n.ts';
import { exportSites, getSettings, importSites, settingsArea, updateSettings, watchSettings } from '../../../../lib/settings/store.ts';
import en from '../../../../public/_locales/en/messages.json';

/** The real store over WXT's fake browser; downloads are recorded. */
function services() {
  const downloads: { filename: string; text: string; type: string }[] = [];
  const value: SettingsServices = {
    watchSettings,
    updateSettings,
    importSites,
    exportSites,
    settingsArea,
    download: (filename, type, text) => void downloads.push({ filename, text, type }),
  };
  return { services: value, downloads };
}

async function renderPage() {
  const fake = services();
  render(<SettingsApp services={fake.services} initialSettings={await getSettings()} />);
  return fake;
}

describe('SettingsApp', () => {
  beforeAll(() => setMessageSource(jsonMessageSource(en)));
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it('stores each control as it changes', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('switch', { name: /Sanctions/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Underline only' }));
    expect(screen.getByRole('radio', { name: 'The first of each in a paragraph' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('radio', { name: 'Every mention' }));
    fireEvent.click(screen.getByRole('radio', { name: /Opens only on click/ }));
    fireEvent.click(screen.getByRole('switch', { name: 'Pause on all sites' }));
    await waitFor(async () =>
      expect(await getSettings()).toMatchObject({
        categories: { huawei: true, sanctions: false, 'no-spy': true },
        highlightStyle: 'underline',
        highlightDensity: 'every',
        openOn: 'click',
        paused: true,
      }),
    );
  });

  it('the hover delay is saved when the slider is let go, not while it moves, and disabled for click-only', async () => {
    await renderPage();
    const slider = screen.getByRole('slider', { name: 'Hover delay' }) as HTMLInputElement;
    slider.value = '800';
    fireEvent.input(slider);
    expect(screen.getByText('800 ms')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 10));
    expect((await getSettings()).hoverDelayMs).toBe(300);
    fireEvent.change(slider);
    await waitFor(async () => expect((await getSettings()).hoverDelayMs).toBe(800));
    fireEvent.click(screen.getByRole('radio', { name: /Opens only on click/ }));
    await waitFor(() => expect(slider.disabled).toBe(true));
  });

  it('adds a site from a pasted address, refuses junk and duplicates with a reason, removes one', async () => {
    await renderPage();
    const field = screen.getByLabelText('Site or web address');
    fireEvent.input(field, { target: { value: 'https://WWW.Example.com/news' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('www.example.com')).toBeTruthy();
    expect((await getSettings()).disabledSites).toEqual(['www.example.com']);

    fireEvent.input(field, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('“not a site” is not a host name or web address.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(field, { target: { value: 'www.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('www.example.com is already covered by the list.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove www.example.com' }));
    expect(await screen.findByText(/None: Source Context runs on every site/)).toBeTruthy();
    expect((await getSettings()).disabledSites).toEqual([]);
  });

  it('imports a pasted list and lists the refused lines by number', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Paste a list' }));
    fireEvent.input(screen.getByLabelText(/One site per line/), { target: { value: 'a.test\n\nbad line\nhttps://b.test/x\na.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add these sites' }));
    expect(await screen.findByText('Added 2, 1 already on the list.')).toBeTruthy();
    expect(screen.getByText('Line 3: “bad line” is not a host name')).toBeTruthy();
    expect((await getSettings()).disabledSites).toEqual(['a.test', 'b.test']);
  });

  it('imports a chosen file', async () => {
    await renderPage();
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['{"disabledSites":["c.test","d.test"]}'], 'sites.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    await waitFor(async () => expect((await getSettings()).disabledSites).toEqual(['c.test', 'd.test']));
    expect(await screen.findByText('Added 2, 0 already on the list.')).toBeTruthy();
  });

  it('exports the list as text and as JSON, and only when there is one', async () => {
    const { downloads } = await renderPage();
    expect((screen.getByRole('button', { name: 'Export as text' }) as HTMLButtonElement).disabled).toBe(true);
    await updateSettings({ disabledSites: ['b.test', 'a.test'] });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Export as text' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Export as text' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export as JSON' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[0]).toEqual({ filename: 'source-context-sites.txt', text: '# Source Context: sites where it is off\na.test\nb.test\n', type: 'text/plain' });
    expect(JSON.parse(downloads[1]!.text)).toEqual({ disabledSites: ['a.test', 'b.test'] });
  });

  it('shows changes made elsewhere (the popup) and where the settings are kept', async () => {
    await renderPage();
    expect(await screen.findByText(/Saved in your browser’s sync storage/)).toBeTruthy();
    await updateSettings({ paused: true });
    await waitFor(() => expect((screen.getByRole('switch', { name: 'Pause on all sites' }) as HTMLInputElement).checked).toBe(true));
  });
});
