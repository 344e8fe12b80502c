import { describe, expect, it } from 'vitest';
import { originAllowed } from './origin';

const site = 'http://purple.test:3000';

describe('originAllowed', () => {
  it('lets the site’s own origin in, compared by scheme, host and port', () => {
    expect(originAllowed('http://purple.test:3000', site, [])).toBe(true);
    expect(originAllowed('https://purple.test:3000', site, [])).toBe(false);
    expect(originAllowed('http://purple.test:3001', site, [])).toBe(false);
    expect(originAllowed('http://elsewhere.test:3000', site, [])).toBe(false);
  });

  it('refuses a missing, unreadable or opaque Origin', () => {
    expect(originAllowed(undefined, site, [])).toBe(false);
    expect(originAllowed('not a url', site, [])).toBe(false);
    expect(originAllowed('null', site, [])).toBe(false);
    expect(originAllowed('file:///etc/passwd', site, [])).toBe(false);
  });

  it('with an allow-list, takes only the listed origins and PUBLIC_URL', () => {
    const allowed = ['https://a.example', 'https://b.example:8443/ignored/path'];
    expect(originAllowed('https://a.example', site, allowed)).toBe(true);
    expect(originAllowed('https://b.example:8443', site, allowed)).toBe(true);
    expect(originAllowed(site, site, allowed)).toBe(false);
    expect(originAllowed('https://pub.example', site, allowed, 'https://pub.example/')).toBe(true);
  });

  it('answers the same after many different Origins have been seen', () => {
    for (let i = 0; i < 1000; i++) expect(originAllowed(`http://h${i}.test`, site, [])).toBe(false);
    expect(originAllowed('http://purple.test:3000', site, [])).toBe(true);
    expect(originAllowed('https://purple.test:3000', site, [])).toBe(false);
  });
});
