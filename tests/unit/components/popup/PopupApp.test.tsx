// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../../components/popup/PopupApp.tsx';
import { jsonMessageSource, setMessageSource } from '../../../../lib/i18n.ts';
import en from '../../../../public/_locales/en/messages.json';
import { fakePopupServices } from './fake-services.ts';

const counts = { huawei: 7, sanctions: 3, 'no-spy': 2 };

function renderPopup(options: Parameters<typeof fakePopupServices>[0] = {}) {
  const fake = fakePopupServices(options);
  render(<PopupApp services={fake.services} initialSettings={fake.state.settings} />);
  return fake;
}

describe('PopupApp', () => {
  beforeAll(() => setMessageSource(jsonMessageSource(en)));
  afterEach(cleanup);

  it('shows the host, the counts per category and the highlighted total', async () => {
    renderPopup({ summary: { counts, total: 12, host: 'www.news.test' } });
    expect(await screen.findByText('12 highlighted')).toBeTruthy();
    expect(screen.getByText('www.news.test')).toBeTruthy();
    expect(screen.getByText('7 found')).toBeTruthy();
    expect(screen.getByText('3 found')).toBeTruthy();
    expect((screen.getByRole('switch', { name: /Huawei/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('a category switch writes the setting and dims that row', async () => {
    const { state } = renderPopup({ summary: { counts, total: 12, host: 'www.news.test' } });
    const sanctions = await screen.findByRole('switch', { name: /Sanctions/ });
    fireEvent.click(sanctions);
    await waitFor(() => expect(state.settings.categories.sanctions).toBe(false));
    expect(sanctions.closest('li')!.className).toContain('sc-popup-cat--off');
    expect(state.settings.categories.huawei).toBe(true);
  });

  it('the site switch turns the host off and says so instead of counting', async () => {
    const { state } = renderPopup({ summary: { counts, total: 12, host: 'www.news.test' } });
    const site = await screen.findByRole('switch', { name: 'Active on www.news.test' });
    fireEvent.click(site);
    await waitFor(() => expect(state.settings.disabledSites).toEqual(['www.news.test']));
    expect(await screen.findByText(/Off on this site/)).toBeTruthy();
    expect(screen.queryByText('12 highlighted')).toBeNull();
    fireEvent.click(site);
    await waitFor(() => expect(state.settings.disabledSites).toEqual([]));
  });

  it('explains a parent-domain entry, and switching on removes it', async () => {
    const { state } = renderPopup({ summary: { counts, total: 0, host: 'www.news.test' }, settings: { disabledSites: ['news.test'] } });
    expect(await screen.findByText(/because news\.test is on your list/)).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: 'Active on www.news.test' }));
    await waitFor(() => expect(state.settings.disabledSites).toEqual([]));
  });

  it('pause applies everywhere and shows the paused note, even where the page does not answer', async () => {
    const { state } = renderPopup({ summary: undefined });
    expect(await screen.findByText(/Source Context can’t run on this page/)).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: 'Pause on all sites' }));
    await waitFor(() => expect(state.settings.paused).toBe(true));
    expect(await screen.findByText(/Paused: no highlights/)).toBeTruthy();
  });

  it('a web page that does not answer offers a reload', async () => {
    const { state } = renderPopup({ summary: undefined });
    fireEvent.click(await screen.findByRole('button', { name: 'Reload page' }));
    expect(state.calls).toContain('reload 7');
  });

  it.each([
    ['chrome://settings/', /keep their own pages/],
    ['about:addons', /keep their own pages/],
    ['https://chromewebstore.google.com/detail/x', /add-on stores/],
    ['https://addons.mozilla.org/en-US/firefox/', /add-on stores/],
    ['https://example.com/report.pdf', /PDF/],
    ['file:///home/me/page.html', /Allow access to file URLs/],
  ])('says why it cannot run on %s, with no site switch and no zeros', async (url, reason) => {
    renderPopup({ tab: { id: 1, url }, summary: undefined });
    expect(await screen.findByText(reason)).toBeTruthy();
    expect(screen.queryByText(/highlighted/)).toBeNull();
    expect(screen.queryByRole('switch', { name: /^Active on / })).toBeNull();
    // What still works anywhere: pause, the panel, the settings.
    expect(screen.getByRole('switch', { name: 'Pause on all sites' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open side panel' })).toBeTruthy();
  });

  it('opens the side panel and the settings', async () => {
    const { state } = renderPopup({ summary: { counts, total: 12, host: 'www.news.test' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Open side panel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(state.calls).toEqual(['openPanel', 'openSettings']);
  });

  it('follows changes made elsewhere (the settings page, another window)', async () => {
    const { services } = renderPopup({ summary: { counts, total: 12, host: 'www.news.test' } });
    const noSpy = (await screen.findByRole('switch', { name: /No-spy/ })) as HTMLInputElement;
    await services.updateSettings({ categories: { 'no-spy': false } });
    await waitFor(() => expect(noSpy.checked).toBe(false));
  });

  it('takes the host from the page’s answer where the browser hides the tab’s URL', async () => {
    const { state } = renderPopup({ tab: { id: 7 }, summary: { counts, total: 12, host: 'hidden.test' } });
    expect(await screen.findByText('hidden.test')).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: 'Active on hidden.test' }));
    await waitFor(() => expect(state.settings.disabledSites).toEqual(['hidden.test']));
  });

  it('with neither URL nor answer, says the browser gives it no access', async () => {
    renderPopup({ tab: { id: 7 }, summary: undefined });
    expect(await screen.findByText('The browser gives extensions no access to this page.')).toBeTruthy();
  });

  it('says so when the tab is gone', async () => {
    renderPopup({ tab: null });
    expect(await screen.findByText('There is no page in this tab.')).toBeTruthy();
  });
});
