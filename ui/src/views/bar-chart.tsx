/** A tiny dependency-free SVG bar chart (accessible: a table of the same figures follows for screen readers). */
export function BarChart({ points, label, format }: { points: { x: string; y: number }[]; label: string; format: (v: number) => string }) {
  const max = Math.max(1e-9, ...points.map((p) => p.y));
  const w = Math.max(14, points.length) * 28;
  return (
    <figure class="chart">
      <figcaption>{label}</figcaption>
      {points.length === 0 ? <p class="muted">No data yet.</p> : (
        <svg viewBox={`0 0 ${w} 112`} role="img" aria-label={label} preserveAspectRatio="xMinYMax meet">
          {points.map((p, i) => {
            const h = Math.round((p.y / max) * 90);
            return (
              <g>
                <rect x={i * 28 + 4} y={95 - h} width={20} height={h} rx={3}><title>{`${p.x}: ${format(p.y)}`}</title></rect>
                <text x={i * 28 + 14} y={109} text-anchor="middle">{p.x.slice(5)}</text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
