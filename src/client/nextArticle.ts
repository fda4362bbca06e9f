// "Sıradaki Haber": when the reader reaches the teaser under an article, the next article
// is fetched and takes the teaser's place; the address bar and the title follow the article in view.
// Without JavaScript the teaser stays a plain link.

const LOADING_TEXT = "Yükleniyor lütfen bekleyiniz";

function reportView(id: string): void {
  // A page the browser prerenders ahead of the reader reports its view when the reader opens it (the
  // server ignores requests marked Sec-Purpose: prerender). `document.prerendering` is not in TypeScript's DOM types yet.
  if (Reflect.get(document, "prerendering") === true) {
    document.addEventListener("prerenderingchange", () => reportView(id), { once: true });
    return;
  }
  const url = `/api/v1/articles/${encodeURIComponent(id)}/views`;
  if (!navigator.sendBeacon?.(url)) void fetch(url, { method: "POST", keepalive: true }).catch(() => {});
}

export function startArticleStream(stream: HTMLElement): void {
  // The site's name as the page states it (site settings may rename it).
  const siteName = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content ?? "Haberci";
  const loaded = new Set<string>();
  const first = stream.querySelector<HTMLElement>("article[data-article-id]");
  if (!first?.dataset.articleId) return;
  loaded.add(first.dataset.articleId);
  reportView(first.dataset.articleId);
  let current = first;

  // The article being read is the last one whose top has passed the middle of the viewport.
  const articles: HTMLElement[] = [first];
  let scheduled = false;
  const follow = () => {
    scheduled = false;
    const line = window.innerHeight * 0.5;
    let inView = articles[0] ?? first;
    for (const el of articles) if (el.getBoundingClientRect().top < line) inView = el;
    if (inView === current) return;
    current = inView;
    const { url, title } = inView.dataset;
    if (url && location.pathname !== url) history.replaceState({ articleId: inView.dataset.articleId }, "", url);
    if (title) document.title = `${title} | ${siteName}`;
  };
  window.addEventListener(
    "scroll",
    () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(follow);
    },
    { passive: true },
  );

  const loadNext = async (teaser: HTMLElement) => {
    const nextId = teaser.dataset.nextId;
    const src = teaser.dataset.nextUrl;
    if (!nextId || !src || loaded.has(nextId)) return;
    loaded.add(nextId);
    const status = document.createElement("p");
    status.className = "loading";
    status.setAttribute("role", "status");
    status.textContent = LOADING_TEXT;
    // Inside the teaser, which holds a screen's height (site.css): the message moves nothing.
    teaser.append(status);
    try {
      const response = await fetch(src, { headers: { accept: "text/html" } });
      if (!response.ok) throw new Error(String(response.status));
      const template = document.createElement("template");
      template.innerHTML = await response.text();
      const article = template.content.querySelector<HTMLElement>("article[data-article-id]");
      const nextTeaser = template.content.querySelector<HTMLElement>(".next-teaser");
      // The article takes the place of the teaser that announced it: its headline is not shown twice.
      status.remove();
      teaser.replaceWith(template.content);
      if (article) {
        articles.push(article);
        reportView(nextId);
      }
      if (nextTeaser) watch(nextTeaser);
    } catch {
      loaded.delete(nextId);
      status.textContent = "Haber yüklenemedi. ";
      const link = teaser.querySelector("a");
      if (link) {
        const again = document.createElement("a");
        again.href = link.href;
        again.textContent = "Habere gitmek için tıklayın.";
        status.append(again);
      }
    }
  };

  const reach = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        reach.unobserve(entry.target);
        void loadNext(entry.target as HTMLElement);
      }
    },
    { rootMargin: "0px 0px 400px 0px" },
  );
  const watch = (teaser: HTMLElement) => reach.observe(teaser);
  const teaser = stream.querySelector<HTMLElement>(".next-teaser");
  if (teaser) watch(teaser);
}
