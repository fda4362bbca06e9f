import { ProviderError } from "./types.ts";

/** GET a JSON document with a timeout; provider failures become ProviderError with a clear kind. */
export async function getJson(url: string, timeoutMs: number, headers: Record<string, string> = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json", ...headers }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") throw new ProviderError(`timeout after ${timeoutMs / 1000} s`, "timeout");
    throw new ProviderError(`network error: ${(error as Error).message}`, "network");
  }
  if (response.status === 429) {
    const retry = Number(response.headers.get("retry-after"));
    await response.body?.cancel();
    throw new ProviderError("rate limited (429)", "rate_limited", Number.isFinite(retry) && retry > 0 ? retry : undefined);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ProviderError(`HTTP ${response.status}`, "http");
  }
  try {
    return await response.json();
  } catch {
    throw new ProviderError("answer is not JSON", "garbage");
  }
}

export function finite(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
