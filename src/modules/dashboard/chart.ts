// A line chart of an indicator's trend, laid out here and drawn as SVG by the template: one line per level, each
// with its own colour, dash pattern and marker shape, so the lines differ without colour too.
export interface Series { name: string; values: Array<number | null> }

export interface ChartLine {
  name: string; colour: string; dash: string; marker: 'circle' | 'square' | 'diamond'
  path: string; points: Array<{ x: number; y: number; label: string }>
}

export interface Chart {
  width: number; height: number; left: number; bottom: number; right: number; top: number
  xTicks: Array<{ x: number; label: string }>
  yTicks: Array<{ y: number; label: string }>
  lines: ChartLine[]
}

const styles = [
  { colour: '#1d70b8', dash: '', marker: 'circle' as const },
  { colour: '#d4351c', dash: '6 4', marker: 'square' as const },
  { colour: '#0b0c0c', dash: '2 3', marker: 'diamond' as const },
]

/** A round number at or above the largest value, so the axis reads cleanly. */
function niceMaximum(max: number): number {
  if (max <= 0) return 1
  const magnitude = 10 ** Math.floor(Math.log10(max))
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((m) => m >= max) ?? 10 * magnitude
}

export function lineChart(labels: readonly string[], series: readonly Series[], format: (value: number) => string): Chart {
  const width = 640
  const height = 300
  const [left, right, top, bottom] = [64, 16, 16, 40]
  const plotWidth = width - left - right
  const plotHeight = height - top - bottom
  const max = niceMaximum(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))))
  const x = (i: number) => left + (labels.length === 1 ? plotWidth / 2 : (plotWidth * i) / (labels.length - 1))
  const y = (v: number) => top + plotHeight - (plotHeight * v) / max
  const lines = series.map((s, i): ChartLine => {
    const style = styles[i % styles.length]!
    const points = s.values.flatMap((v, j) => (v === null ? [] : [{ x: x(j), y: y(v), label: `${s.name}, ${labels[j]}: ${format(v)}` }]))
    const path = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')
    return { name: s.name, ...style, path, points }
  })
  return {
    width, height, left, right: width - right, top, bottom: height - bottom,
    xTicks: labels.map((label, i) => ({ x: x(i), label })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((f) => ({ y: y(max * f), label: format(max * f) })),
    lines,
  }
}
