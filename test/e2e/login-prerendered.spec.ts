import type { Page, Request } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { ADMIN, setupAndLogin } from './support/steps';

/** Holds the page's code (the dynamically imported main chunk) until `release` is called. */
async function holdPageCode(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/main-*.js', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('the login form comes with the page: typed text survives the code taking over, and Enter before that sends nothing', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  const desk = await page.context().browser()!.newContext();
  const tab = await desk.newPage();
  const release = await holdPageCode(tab);
  const sent: Request[] = [];
  tab.on('request', (r) => sent.push(r));
  // A mismatch between the HTML and the page's first render would be reported here.
  const errors: string[] = [];
  tab.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));

  await tab.goto(loket.launchUrl);
  // Before any of the page's code has run: the form is there, the username field has the focus.
  await expect(tab.getByRole('heading', { name: 'Masuk Petugas Layanan' })).toBeVisible();
  await expect(tab.getByLabel('Nama pengguna')).toBeFocused();
  const submit = tab.getByRole('button', { name: 'Masuk' });
  await expect(submit).toBeDisabled();
  await tab.keyboard.type(ADMIN.username);
  await tab.getByLabel('PIN').focus();
  await tab.keyboard.type(ADMIN.pin);
  await tab.keyboard.press('Enter');
  await screenshot(tab, 'login-before-code');
  expect(new URL(tab.url()).search).toBe('');
  expect(
    sent.filter((r) => r.url().includes(ADMIN.pin) || (r.postData() ?? '').includes(ADMIN.pin)),
  ).toEqual([]);

  release();
  await expect(submit).toBeEnabled();
  await expect(tab.getByLabel('Nama pengguna')).toHaveValue(ADMIN.username);
  await expect(tab.getByLabel('PIN')).toHaveValue(ADMIN.pin);
  // The user was typing the PIN: the focus stays there.
  await expect(tab.getByLabel('PIN')).toBeFocused();
  await expectAccessible(tab, 'pre-rendered login');
  expect(errors).toEqual([]);
  await tab.keyboard.press('Enter');
  await expect(tab.getByRole('heading', { name: 'Pendaftaran pengunjung' })).toBeVisible();
  await desk.close();
});

test('a desk that chose English gets the login form in English once the page runs', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await page.getByLabel('Bahasa').selectOption('en');
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Staff login' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled();
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('PIN').fill(ADMIN.pin);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
});

test('with an administrator, a tab without the launch token still says to open the printed link', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  const bare = new URL(loket.launchUrl);
  bare.hash = '';
  const other = await page.context().browser()!.newContext();
  const tab = await other.newPage();
  await tab.goto(bare.toString());
  await expect(
    tab.getByRole('heading', { name: 'Buka Loket melalui tautan yang ditampilkan di terminal' }),
  ).toBeVisible();
  await expect(tab.getByRole('heading', { name: 'Masuk Petugas Layanan' })).toHaveCount(0);
  await other.close();
});

test('a signed-in tab reloaded goes back to its screen without showing the login form', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await expect(page.getByRole('heading', { name: 'Pendaftaran pengunjung' })).toBeVisible();
  const release = await holdPageCode(page);
  await page.reload();
  // The page's code is held back: the pre-rendered form must not be there meanwhile.
  await expect(page.locator('#root')).toBeEmpty();
  await expect(page.getByRole('heading', { name: 'Masuk Petugas Layanan' })).toHaveCount(0);
  release();
  await expect(page.getByRole('heading', { name: 'Pendaftaran pengunjung' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Keluar' })).toBeVisible();
});
