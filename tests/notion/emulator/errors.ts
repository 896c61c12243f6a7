// Notion's error responses: {object: "error", status, code, message}.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** 400 validation_error, the answer to any request shape Notion would not take. */
export function invalid(message: string): ApiError {
  return new ApiError(400, 'validation_error', message);
}

/** "body failed validation: body.x should be …, instead was `…`." */
export function bodyInvalid(path: string, should: string, was: unknown): ApiError {
  return invalid(`body failed validation: ${path} should be ${should}, instead was \`${JSON.stringify(was)}\`.`);
}

export type ObjectKind = 'page' | 'block' | 'database' | 'data_source';

export function notFound(kind: ObjectKind, id: string): ApiError {
  return new ApiError(
    404,
    'object_not_found',
    `Could not find ${kind} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`,
  );
}

export const UNAUTHORIZED = () => new ApiError(401, 'unauthorized', 'API token is invalid.');
