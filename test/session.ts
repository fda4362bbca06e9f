// Signs a user in through the real sign-in form and keeps the cookie and CSRF token for later requests.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";

export interface Session {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, form: Record<string, string | string[]>, options?: { csrf?: string | null; accept?: string }): Promise<LightMyRequestResponse>;
}

function encodeForm(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return params.toString();
}

export function cookieValue(res: LightMyRequestResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value;
}

export async function signInForm(app: FastifyInstance, email: string, password: string, ip = "10.0.0.1") {
  const page = await app.inject({ url: "/yonetim/giris", remoteAddress: ip });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
  const loginCookie = cookieValue(page, "haberci_giris") ?? "";
  return app.inject({
    method: "POST",
    url: "/yonetim/giris",
    remoteAddress: ip,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: `haberci_giris=${loginCookie}` },
    payload: encodeForm({ _csrf: token, email, password }),
  });
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const res = await signInForm(app, email, password);
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`);
  const cookie = `haberci_oturum=${cookieValue(res, "haberci_oturum")}`;
  const home = await app.inject({ url: "/yonetim/parola", headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? "";
  const session: Session = {
    cookie,
    csrf,
    get: (url) => app.inject({ url, headers: { cookie } }),
    post: (url, form, options = {}) => {
      const request: InjectOptions = {
        method: "POST",
        url,
        headers: { cookie, "content-type": "application/x-www-form-urlencoded", ...(options.accept ? { accept: options.accept } : {}) },
        payload: encodeForm(options.csrf === null ? form : { _csrf: options.csrf ?? csrf, ...form }),
      };
      return app.inject(request);
    },
  };
  return session;
}
