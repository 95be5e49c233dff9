import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { PdfPrinter } from '../../src/server/print/pdf-printer.ts';

describe('PdfPrinter', () => {
  it('answers "unavailable", naming the setting, when the configured Chromium does not exist', async () => {
    const printer = new PdfPrinter('/nonexistent/chromium');
    expect(printer.executablePath()).toBeNull();
    const attempt = printer.print({
      url: 'http://127.0.0.1:1/print/one-to-one/1',
      credentials: { bearer: 'x' },
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'unavailable' });
    await expect(attempt).rejects.toThrow(/PACESETTER_CHROMIUM is \/nonexistent\/chromium/);
    await printer.close();
  });

  it('keeps no turn taken by a failed print, so later prints are not refused as busy', async () => {
    const printer = new PdfPrinter('/nonexistent/chromium');
    const request = { url: 'http://127.0.0.1:1/print/one-to-one/1', credentials: { bearer: 'x' } } as const;
    for (let i = 0; i < 12; i += 1) {
      await expect(printer.print(request)).rejects.toMatchObject({ code: 'unavailable' });
    }
    await expect(printer.print(request)).rejects.toThrow(/does not exist/);
  });
});
