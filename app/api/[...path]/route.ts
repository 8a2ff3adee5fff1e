import { errorResponse, HttpError } from "@/lib/server/http";

/** Unknown API paths answer in the one error shape (JSON), not with the HTML not-found page. */
const notFound = async () => errorResponse(new HttpError(404, "not_found", "There is no such API route."));

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const HEAD = notFound;
export const OPTIONS = notFound;
