// News events, emitted after commit. Subscribers (cache, live, search) may lag a moment;
// they log their failures and never undo the change.
import { EventEmitter } from "node:events";

export interface NewsEvents {
  articleChanged: [{ articleId: number; status: string; categoryId: number }];
}

export const newsEvents = new EventEmitter<NewsEvents>();
