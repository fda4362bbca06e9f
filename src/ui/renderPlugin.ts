// One way to answer with a page: `reply.render(View, props)` renders a Preact page component
// to a whole HTML document and sends it as text/html. Views stay plain functions of their props.
import type { FastifyReply } from "fastify";
import fp from "fastify-plugin";
import { type ComponentType, h } from "preact";
import { renderDocument } from "./render.ts";

declare module "fastify" {
  interface FastifyReply {
    /**
     * Sends `View` rendered with `props` as a whole HTML document (`<!DOCTYPE html>…`,
     * `text/html; charset=utf-8`), keeping the status and headers set so far.
     */
    render<P extends object>(View: ComponentType<P>, props: P): FastifyReply;
  }
}

/** Decorates every reply with `render` (registered once, in app.ts). */
export const renderPlugin = fp(
  async (app) => {
    app.decorateReply("render", function render<P extends object>(this: FastifyReply, View: ComponentType<P>, props: P) {
      // As bytes: encoded once, where a string would be measured for Content-Length, then encoded.
      return this.type("text/html; charset=utf-8").send(Buffer.from(renderDocument(h(View, props))));
    });
  },
  { name: "haberci-render" },
);
