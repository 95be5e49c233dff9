import type { Db } from '../db.ts';

/** The workspace's email capture settings (docs/capture.md, "Email"). */
export interface CaptureSettings {
  /** The address reps BCC or forward to, lower case; null: email capture accepts nothing. */
  emailAddress: string | null;
  /**
   * Sender domains the receiver accepts mail from (the company's own), lower case. Addresses in them are also
   * colleagues, never contacts. Empty: nothing is accepted.
   */
  allowedDomains: string[];
}

export async function getCaptureSettings(db: Db): Promise<CaptureSettings> {
  const row = await db.selectFrom('capture_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  return { emailAddress: row?.email_address ?? null, allowedDomains: row?.allowed_domains ?? [] };
}

export async function saveCaptureSettings(db: Db, s: CaptureSettings): Promise<CaptureSettings> {
  const values = {
    id: 1,
    email_address: s.emailAddress?.trim().toLowerCase() ?? null,
    allowed_domains: [...new Set(s.allowedDomains.map((d) => d.trim().toLowerCase()))].sort(),
    updated_at: new Date(),
  };
  await db
    .insertInto('capture_settings')
    .values(values)
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  return getCaptureSettings(db);
}
