/** The overview's stacked bar chart, drawn by Chart.js (only the parts it needs, loaded when the overview opens). */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** One colour per cause, the same everywhere; distinguishable in greyscale print too. */
export const CAUSE_COLORS: Record<string, string> = {
  hardware: '#8a1c1c',
  upgrade: '#0f4c81',
  pdn: '#6b3fa0',
  power: '#e0a100',
  network: '#2a9d8f',
  cyberattack: '#d1495b',
  overload: '#f4845f',
  maintenance: '#7a8b99',
  unexplained: '#3d3d3d',
};

export function drawStacked(
  canvas: HTMLCanvasElement,
  labels: string[],
  series: Array<{ key: string; label: string; counts: number[] }>,
  yLabel: string,
): { destroy(): void } {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s) => ({
        label: s.label,
        data: s.counts,
        backgroundColor: CAUSE_COLORS[s.key] ?? '#999',
        borderWidth: 0,
        stack: 'causes',
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked: true, ticks: { autoSkip: true, maxRotation: 60 } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: yLabel } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { filter: (item) => Number(item.raw) > 0 },
      },
    },
  });
}
