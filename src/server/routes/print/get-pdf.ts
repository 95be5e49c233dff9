import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../../domain/access/session-policy.ts';
import { AppError } from '../../../errors.ts';
import type { RouteModule } from '../../app-types.ts';
import { PRINT_DOCUMENTS, PRINT_DOCUMENT_KINDS, type PrintDocument } from '../../print/print-documents.ts';

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

/** The reader's first preferred language, if it is a plain BCP 47 tag (anything odd falls back to English). */
function preferredLocale(acceptLanguage: string | undefined): string | undefined {
  const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim();
  return first && LOCALE.test(first) ? first : undefined;
}

/** This server's own origin as the local browser reaches it (wildcard listen addresses mean loopback). */
function ownOrigin(address: string | AddressInfo | null): string {
  if (address === null || typeof address === 'string') {
    throw new AppError('unavailable', 'PDFs are made only by a server listening on a TCP port');
  }
  const host =
    address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  return `http://${address.family === 'IPv6' ? `[${host}]` : host}:${address.port}`;
}

/**
 * GET /api/print/:document/:id/pdf: the document's print view as a PDF, read with the caller's own
 * credentials (a rep gets only what they may see on screen). Unknown or unreadable ids answer 404 alike.
 */
const getPrintPdf: RouteModule = (app, { db, printer }) => {
  app.get(
    '/api/print/:document/:id/pdf',
    {
      schema: {
        tags: ['print'],
        summary: 'A printable document (one-to-one pack, ...) as PDF',
        params: z.object({
          document: z.enum(PRINT_DOCUMENT_KINDS),
          // One spelling per id, as for statements ('019', '0x13', '1.9e1', '+19' are 400s, not document 19).
          // 'company' only names the company-wide documents (the meeting pack); for the others it is a 404.
          id: z
            .string()
            .regex(/^(company|[1-9]\d{0,9})$/, "a positive integer without leading zeros, or 'company'")
            .transform((s) => (s === 'company' ? ('company' as const) : Number(s)))
            .refine((n) => n === 'company' || n <= 2_147_483_647, 'at most 2147483647'),
        }),
        querystring: z.object({
          period: z.string().max(40).optional().describe("the document's period, for those that take one"),
        }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { document, id } = request.params;
      const kind: PrintDocument = PRINT_DOCUMENTS[document];
      const { period } = request.query;
      if (period !== undefined && !kind.period?.test(period)) {
        throw new AppError('validation', `Invalid period '${period}' for a ${document}`, [
          {
            field: 'period',
            value: period,
            reason: kind.period ? 'expected a week or month' : 'takes no period',
          },
        ]);
      }
      const options = period === undefined ? {} : { period };
      if (id === 'company' && !kind.companyWide) throw new AppError('not_found', 'No such document');
      if (!(await kind.mayRead(db, request.viewer, id, options))) {
        throw new AppError('not_found', 'No such document');
      }
      const origin = ownOrigin(request.server.server.address());
      const cookie = request.cookies[SESSION_COOKIE];
      const authorization = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      const credentials = authorization
        ? { bearer: authorization[1] as string }
        : { sessionCookie: { name: SESSION_COOKIE, value: cookie ?? '' } };
      const pdf = await printer.print({
        url: `${origin}${kind.webPath(id, options)}`,
        credentials,
        locale: preferredLocale(request.headers['accept-language']),
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${kind.fileName(id, options)}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
};
export default getPrintPdf;
