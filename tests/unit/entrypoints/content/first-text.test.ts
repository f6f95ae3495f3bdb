// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { hasText, whenText } from '../../../../entrypoints/content/first-text.ts';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('a frame starts once it holds text', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('whitespace and empty elements are no text; one word is', () => {
    document.body.innerHTML = '<div>\n  <span> </span>\n</div>';
    expect(hasText(document)).toBe(false);
    document.body.querySelector('span')!.textContent = ' Huawei ';
    expect(hasText(document)).toBe(true);
  });

  it('starts at once in a document with text', () => {
    document.body.textContent = 'Entity List';
    let started = 0;
    whenText(document, new AbortController().signal, () => started++);
    expect(started).toBe(1);
  });

  it('waits in an empty document until a change brings text, then starts once', async () => {
    let started = 0;
    whenText(document, new AbortController().signal, () => started++);
    expect(started).toBe(0);
    document.body.append(document.createElement('div'));
    await flush();
    expect(started).toBe(0);
    document.body.append('Huawei');
    await flush();
    document.body.append(' and more');
    await flush();
    expect(started).toBe(1);
  });

  it('reads what a change brought: text typed into an empty node starts it, text in the head or gone again does not', async () => {
    const span = document.createElement('span');
    document.body.append(span);
    let started = 0;
    whenText(document, new AbortController().signal, () => started++);
    const title = document.createElement('title');
    title.textContent = 'Huawei';
    document.head.append(title);
    const gone = document.createElement('p');
    gone.textContent = 'Entity List';
    document.body.append(gone);
    gone.remove();
    await flush();
    expect(started).toBe(0);
    const text = document.createTextNode(' ');
    span.append(text);
    await flush();
    expect(started).toBe(0);
    text.data = 'no-spy';
    await flush();
    expect(started).toBe(1);
    title.remove();
  });

  it('never starts after its signal aborted', async () => {
    const controller = new AbortController();
    let started = 0;
    whenText(document, controller.signal, () => started++);
    controller.abort();
    document.body.append('Huawei');
    await flush();
    expect(started).toBe(0);
  });
});
