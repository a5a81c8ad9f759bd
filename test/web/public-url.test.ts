/** `pantau serve --public-url`: the base of every link in a brief, checked before the server starts. */
import { expect, test } from 'vitest';
import { parsePublicUrl } from '../../src/commands/serve.ts';
import { UserError } from '../../src/errors.ts';

test('--public-url takes an http(s) base and refuses what cannot be one', () => {
  expect(parsePublicUrl('https://pantau.example.org/')).toBe('https://pantau.example.org');
  expect(parsePublicUrl('http://10.0.0.5:8080/pantau//')).toBe('http://10.0.0.5:8080/pantau');
  for (const bad of [
    'pantau.example.org',
    'ftp://x.example',
    'https://x.example/?a=1',
    'https://x.example/#top',
    'https://u:p@x.example',
  ]) {
    expect(() => parsePublicUrl(bad)).toThrow(UserError);
  }
});
