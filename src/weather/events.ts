// Weather events: the refresher stored new reports. Pages showing the header's weather line (the
// page cache) re-render over the next minute; weather knows nothing of who listens.
import { EventEmitter } from "node:events";

export interface WeatherEvents {
  /** New reports were stored for `stored` provinces (on this instance). */
  refreshed: [{ stored: number; at: Date }];
}

export const weatherEvents = new EventEmitter<WeatherEvents>();
weatherEvents.setMaxListeners(0);
