// The weather overview's map: the 81 provinces drawn from their outlines, filled by temperature band,
// labelled where the label fits, each a link to its province page. Server-rendered inline SVG; the
// same facts are in the table under it, so the picture is hidden from screen readers and the tab order.
import { formatTemperature, type WeatherView } from "../view.ts";
import { MAP_CREDIT, MAP_CREDIT_URL, MAP_SHAPES, type MapShapes } from "./shapes.ts";
import { labelFit, legendBands, mapLabelText, NO_DATA_COLOUR, temperatureBand } from "./temperatureScale.ts";

export function WeatherMap({ rows, shapes = MAP_SHAPES }: { rows: readonly WeatherView[]; shapes?: MapShapes }) {
  const temperatures = rows.map((r) => r.temperature).filter((t): t is number => t !== null);
  const bands = legendBands(temperatures);
  const missing = temperatures.length < rows.length;
  const drawn = rows.flatMap((row) => {
    const shape = shapes.provinces.get(row.plate);
    return shape ? [{ row, shape }] : [];
  });
  return (
    <figure class="weather-map-figure">
      <svg class="weather-map" viewBox={`0 0 ${shapes.width} ${shapes.height}`} aria-hidden="true" focusable="false">
        {drawn.map(({ row, shape }) => (
          <a key={row.plate} href={`/hava-durumu/${row.slug}/`} tabindex={-1}>
            <title>
              {row.province}: {row.temperature === null ? "veri yok" : `${row.conditionText ?? ""} ${formatTemperature(row.temperature)}`.trim()}
            </title>
            <path d={shape.d} fill={row.temperature === null ? NO_DATA_COLOUR : temperatureBand(row.temperature).colour} />
          </a>
        ))}
        {drawn.map(({ row, shape }) => {
          if (row.temperature === null) return null;
          const text = mapLabelText(row.temperature);
          const fit = labelFit(text, shape.label.r);
          return fit ? (
            <text key={row.plate} class={`map-label fit-${fit}`} x={shape.label.x} y={shape.label.y}>
              {text}
            </text>
          ) : null;
        })}
      </svg>
      <figcaption>
        {bands.length > 0 && (
          <ul class="weather-legend" aria-label="Renklerin anlamı">
            {bands.map((b) => (
              <li key={b.text}>
                <i style={`background:${b.colour}`} aria-hidden="true" />
                {b.text}
              </li>
            ))}
            {missing && (
              <li>
                <i style={`background:${NO_DATA_COLOUR}`} aria-hidden="true" />
                Veri yok
              </li>
            )}
          </ul>
        )}
        <p class="weather-credit">
          <a href={MAP_CREDIT_URL}>{MAP_CREDIT}</a>.{bands.length > 0 && " Haritadaki sıcaklıklar tam dereceye yuvarlanmıştır; her ilin ölçümü aşağıdaki tabloda."}
        </p>
      </figcaption>
    </figure>
  );
}
