// Entry of the browser bundle: each module improves a page that already works without it.
import { startHeaderSearch } from "./headerSearch.ts";
import { startArticleStream } from "./nextArticle.ts";
import { startWeatherWidget } from "./weather.ts";

const stream = document.querySelector<HTMLElement>("[data-stream]");
if (stream && "IntersectionObserver" in window) startArticleStream(stream);

const weather = document.querySelector<HTMLElement>("[data-weather]");
if (weather) startWeatherWidget(weather);

const search = document.querySelector<HTMLDetailsElement>("details[data-header-search]");
if (search) startHeaderSearch(search);
