/**
 * The deadline page's chart, drawn by Chart.js (loaded when the page opens): daily availability of an LPSE as a
 * line, each bid-upload deadline a red triangle on top with a dashed line down through the day.
 */
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** The deadline colour (the same red as cyberattacks on the overview: it reads as "alarm" in greyscale too). */
export const DEADLINE_COLOR = '#d1495b';
export const UPTIME_COLOR = '#0f4c81';

export interface UptimeChartData {
  labels: string[];
  /** Availability in percent per day; null where the probe saw nothing. */
  uptime: Array<number | null>;
  /** Per day, the tenders whose deadline falls on it (empty: no mark). */
  marks: string[][];
  uptimeLabel: string;
  deadlineLabel: string;
  yLabel: string;
}

/** Dashed vertical lines through the days with a deadline. */
const deadlineLines: Plugin<'line'> = {
  id: 'deadlineLines',
  beforeDatasetsDraw(chart) {
    const meta = chart.getDatasetMeta(1);
    const { top, bottom } = chart.chartArea;
    const g = chart.ctx;
    g.save();
    g.strokeStyle = DEADLINE_COLOR;
    g.setLineDash([4, 3]);
    g.lineWidth = 1;
    for (const [i, el] of meta.data.entries()) {
      if ((chart.data.datasets[1]?.data[i] ?? null) === null) continue;
      g.beginPath();
      g.moveTo(el.x, top);
      g.lineTo(el.x, bottom);
      g.stroke();
    }
    g.restore();
  },
};

export function drawUptime(canvas: HTMLCanvasElement, d: UptimeChartData): { destroy(): void } {
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: d.labels,
      datasets: [
        {
          label: d.uptimeLabel,
          data: d.uptime,
          borderColor: UPTIME_COLOR,
          backgroundColor: UPTIME_COLOR,
          pointRadius: d.labels.length > 90 ? 0 : 2,
          borderWidth: 2,
          spanGaps: false,
        },
        {
          label: d.deadlineLabel,
          data: d.marks.map((m) => (m.length ? 100 : null)),
          showLine: false,
          pointStyle: 'triangle',
          pointRadius: 8,
          pointHoverRadius: 10,
          pointRotation: 180,
          borderColor: DEADLINE_COLOR,
          backgroundColor: DEADLINE_COLOR,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ticks: { autoSkip: true, maxRotation: 60 } },
        y: { min: 0, max: 105, ticks: { stepSize: 20 }, title: { display: true, text: d.yLabel } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          filter: (item) => item.raw !== null,
          callbacks: {
            label: (item) =>
              item.datasetIndex === 1
                ? `${d.deadlineLabel}: ${(d.marks[item.dataIndex] ?? []).join('; ')}`
                : `${d.uptimeLabel}: ${Number(item.raw).toFixed(1)} %`,
          },
        },
      },
    },
    plugins: [deadlineLines],
  });
}
