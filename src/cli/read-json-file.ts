import { AppError } from '../errors.ts';

/** A JSON file named on the command line (plan rules and the like); unreadable or not JSON: a validation error naming it. */
export async function readJsonFile(file: string): Promise<unknown> {
  const { readFileSync } = await import('node:fs');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('validation', `Cannot read ${file}`, [{ file, reason: (err as Error).message }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new AppError('validation', `${file} is not JSON`, [{ file, reason: (err as Error).message }]);
  }
}
