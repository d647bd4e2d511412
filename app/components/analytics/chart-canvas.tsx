import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip } from 'chart.js'
import { useEffect, useRef } from 'react'
import type { ChartData } from '#app/domain/analytics/tables.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { chartConfig } from './chart-config.ts'

// Only the pieces the dashboard draws (bars and a doughnut), so the rest of chart.js is tree-shaken.
Chart.register(BarController, BarElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Legend, Tooltip)

/**
 * One chart on a canvas, made after hydration and destroyed on unmount (or when the figures change).
 * NOTE on the CSP (style-src 'self', no 'unsafe-inline'): chart.js 4 sizes the canvas by setting
 * canvas.style.width/height through the CSSOM, which the CSP does not govern (only style attributes
 * in markup, setAttribute('style') and <style> elements are), and it injects no stylesheet; so no
 * relaxation of style-src or style-src-attr is needed. The wrapper's height comes from analytics.css.
 */
export function ChartCanvas({ chart, label }: { chart: ChartData; label: string }) {
	const canvas = useRef<HTMLCanvasElement>(null)
	const t = useT()
	useEffect(() => {
		if (!canvas.current) return
		const drawn = new Chart(canvas.current, chartConfig(chart, t))
		return () => drawn.destroy()
	}, [chart, t])
	return (
		<div className="analytics-canvas">
			<canvas ref={canvas} role="img" aria-label={label} />
		</div>
	)
}
