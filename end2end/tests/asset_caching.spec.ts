import { expect, test } from '@playwright/test';

// The script, bundle and stylesheet are named by their content (cargo-leptos hash-files),
// so a browser keeps them for a year without asking; the page itself is never kept.
test('the site files a page loads carry their content hash and are kept for a year; the page is not kept', async ({
  page,
  request,
}) => {
  const response = await page.goto('/logga-in');
  expect(response?.headers()['cache-control']).toBe('no-store');
  const hashed = /^\/pkg\/mognad\.[A-Za-z0-9_-]+\.(js|wasm|css)$/;
  // The boot script names the module and the bundle (loaded on pages with islands only).
  const boot = (await page.locator('script[type="module"]').textContent()) ?? '';
  const named = (extension: string) => (boot.match(new RegExp(`"(/pkg/[^"]+\\.${extension})"`)) ?? [])[1] ?? null;
  const files = [named('js'), named('wasm'), await page.locator('link[rel="stylesheet"]').getAttribute('href')];
  for (const file of files) {
    expect(file ?? '', 'a content-hashed name').toMatch(hashed);
    const asset = await request.get(file ?? '');
    expect(asset.status(), file ?? '').toBe(200);
    expect(asset.headers()['cache-control'], file ?? '').toBe('public, max-age=31536000, immutable');
  }
});
