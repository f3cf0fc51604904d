package org.yiwang.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small SVG charts for the report — a line chart (optionally with a logarithmic x axis) and a grouped bar chart —
 * self-contained, no scripts, readable in any browser and on GitHub.
 */
public final class SvgChart {

	static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
			"#7f7f7f", "#bcbd22", "#17becf" };

	private static final int WIDTH = 760;

	private static final int HEIGHT = 420;

	private static final int LEFT = 78;

	private static final int RIGHT = 190;

	private static final int TOP = 44;

	private static final int BOTTOM = 56;

	private SvgChart() {
	}

	/** A line: its name and (x, y) points. */
	public record Series(String name, List<double[]> points) {

		public static Series of(String name, double[] xs, double[] ys) {
			List<double[]> points = new ArrayList<>();
			for (int i = 0; i < Math.min(xs.length, ys.length); i++) {
				points.add(new double[] { xs[i], ys[i] });
			}
			return new Series(name, points);
		}

	}

	/** A bar series: one value per category (NaN for none). */
	public record Bars(String name, List<Double> values) {
	}

	public static String line(String title, String xLabel, String yLabel, List<Series> series, boolean logX) {
		double minX = Double.MAX_VALUE;
		double maxX = -Double.MAX_VALUE;
		double maxY = 0;
		for (Series s : series) {
			for (double[] p : s.points()) {
				if (logX && p[0] <= 0 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
					continue;
				}
				minX = Math.min(minX, p[0]);
				maxX = Math.max(maxX, p[0]);
				maxY = Math.max(maxY, p[1]);
			}
		}
		StringBuilder svg = open(title);
		if (minX == Double.MAX_VALUE) {
			return empty(svg);
		}
		Axis x = logX ? Axis.log(minX, maxX) : Axis.linear(Math.min(0, minX), maxX);
		Axis y = Axis.linear(0, maxY);
		frame(svg, x, y, xLabel, yLabel);
		for (int i = 0; i < series.size(); i++) {
			Series s = series.get(i);
			String colour = COLOURS[i % COLOURS.length];
			StringBuilder path = new StringBuilder();
			for (double[] p : s.points()) {
				if (logX && p[0] <= 0 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
					continue;
				}
				double px = LEFT + x.position(p[0]) * plotWidth();
				double py = TOP + plotHeight() - y.position(p[1]) * plotHeight();
				path.append(path.isEmpty() ? "M" : " L").append(fmt(px)).append(' ').append(fmt(py));
				svg.append("<circle cx=\"").append(fmt(px)).append("\" cy=\"").append(fmt(py))
					.append("\" r=\"3\" fill=\"").append(colour).append("\"><title>").append(escape(s.name()))
					.append(": ").append(number(p[0])).append(", ").append(number(p[1])).append("</title></circle>\n");
			}
			svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
				.append("\" stroke-width=\"2\"/>\n");
		}
		legend(svg, series.stream().map(Series::name).toList());
		return close(svg);
	}

	public static String bars(String title, String yLabel, List<String> categories, List<Bars> series) {
		double maxY = 0;
		for (Bars s : series) {
			for (Double v : s.values()) {
				if (v != null && Double.isFinite(v)) {
					maxY = Math.max(maxY, v);
				}
			}
		}
		StringBuilder svg = open(title);
		if (categories.isEmpty() || series.isEmpty()) {
			return empty(svg);
		}
		Axis y = Axis.linear(0, maxY);
		frame(svg, null, y, null, yLabel);
		double group = plotWidth() / (double) categories.size();
		double bar = group * 0.8 / series.size();
		for (int c = 0; c < categories.size(); c++) {
			double groupLeft = LEFT + c * group + group * 0.1;
			for (int s = 0; s < series.size(); s++) {
				Double value = c < series.get(s).values().size() ? series.get(s).values().get(c) : null;
				if (value == null || !Double.isFinite(value)) {
					continue;
				}
				double height = y.position(value) * plotHeight();
				svg.append("<rect x=\"").append(fmt(groupLeft + s * bar)).append("\" y=\"")
					.append(fmt(TOP + plotHeight() - height)).append("\" width=\"").append(fmt(Math.max(1, bar - 2)))
					.append("\" height=\"").append(fmt(height)).append("\" fill=\"")
					.append(COLOURS[s % COLOURS.length]).append("\"><title>").append(escape(series.get(s).name()))
					.append(" — ").append(escape(categories.get(c))).append(": ").append(number(value))
					.append("</title></rect>\n");
			}
			text(svg, LEFT + c * group + group / 2, TOP + plotHeight() + 18, "middle", 12, categories.get(c));
		}
		legend(svg, series.stream().map(Bars::name).toList());
		return close(svg);
	}

	// ---- drawing --------------------------------------------------------------------------------------------

	private static StringBuilder open(String title) {
		StringBuilder svg = new StringBuilder();
		svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
			.append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
			.append("\" font-family=\"sans-serif\">\n");
		svg.append("<title>").append(escape(title)).append("</title>\n");
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		text(svg, WIDTH / 2.0, 24, "middle", 15, title);
		return svg;
	}

	private static String empty(StringBuilder svg) {
		text(svg, WIDTH / 2.0, HEIGHT / 2.0, "middle", 13, "no data");
		return close(svg);
	}

	private static String close(StringBuilder svg) {
		return svg.append("</svg>\n").toString();
	}

	private static void frame(StringBuilder svg, Axis x, Axis y, String xLabel, String yLabel) {
		int bottom = TOP + plotHeight();
		for (double tick : y.ticks()) {
			double py = bottom - y.position(tick) * plotHeight();
			svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(py)).append("\" x2=\"")
				.append(LEFT + plotWidth()).append("\" y2=\"").append(fmt(py)).append("\" stroke=\"#e0e0e0\"/>\n");
			text(svg, LEFT - 6, py + 4, "end", 11, number(tick));
		}
		if (x != null) {
			for (double tick : x.ticks()) {
				double px = LEFT + x.position(tick) * plotWidth();
				svg.append("<line x1=\"").append(fmt(px)).append("\" y1=\"").append(bottom).append("\" x2=\"")
					.append(fmt(px)).append("\" y2=\"").append(bottom + 5).append("\" stroke=\"#333\"/>\n");
				text(svg, px, bottom + 18, "middle", 11, number(tick));
			}
		}
		svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
			.append(LEFT + plotWidth()).append("\" y2=\"").append(bottom).append("\" stroke=\"#333\"/>\n");
		svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
			.append("\" y2=\"").append(bottom).append("\" stroke=\"#333\"/>\n");
		if (xLabel != null) {
			text(svg, LEFT + plotWidth() / 2.0, HEIGHT - 12, "middle", 12, xLabel);
		}
		if (yLabel != null) {
			svg.append("<text x=\"16\" y=\"").append(fmt(TOP + plotHeight() / 2.0))
				.append("\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 16 ")
				.append(fmt(TOP + plotHeight() / 2.0)).append(")\">").append(escape(yLabel)).append("</text>\n");
		}
	}

	private static void legend(StringBuilder svg, List<String> names) {
		int x = WIDTH - RIGHT + 16;
		for (int i = 0; i < names.size(); i++) {
			int y = TOP + 8 + i * 20;
			svg.append("<rect x=\"").append(x).append("\" y=\"").append(y - 9).append("\" width=\"12\" height=\"12\" fill=\"")
				.append(COLOURS[i % COLOURS.length]).append("\"/>\n");
			text(svg, x + 18, y + 2, "start", 12, names.get(i));
		}
	}

	private static void text(StringBuilder svg, double x, double y, String anchor, int size, String text) {
		svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" text-anchor=\"")
			.append(anchor).append("\" font-size=\"").append(size).append("\">").append(escape(text)).append("</text>\n");
	}

	private static int plotWidth() {
		return WIDTH - LEFT - RIGHT;
	}

	private static int plotHeight() {
		return HEIGHT - TOP - BOTTOM;
	}

	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (c >= 0x20 || c == '\n' || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return String.format(Locale.ROOT, "%,d", (long) value);
		}
		return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
				: String.format(Locale.ROOT, "%.3g", value);
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/** Maps values to [0, 1] and chooses round ticks. */
	private record Axis(double min, double max, boolean log) {

		static Axis linear(double min, double max) {
			if (max <= min) {
				max = min + 1;
			}
			double step = step(max - min);
			return new Axis(Math.floor(min / step) * step, Math.ceil(max / step) * step, false);
		}

		static Axis log(double min, double max) {
			double low = Math.pow(10, Math.floor(Math.log10(min)));
			double high = Math.pow(10, Math.ceil(Math.log10(max)));
			if (high <= low) {
				high = low * 10;
			}
			return new Axis(low, high, true);
		}

		double position(double value) {
			if (log) {
				return (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
			}
			return (value - min) / (max - min);
		}

		List<Double> ticks() {
			List<Double> ticks = new ArrayList<>();
			if (log) {
				for (double t = min; t <= max * 1.0001; t *= 10) {
					ticks.add(t);
				}
				return ticks;
			}
			double step = step(max - min);
			for (double t = min; t <= max + step / 1000; t += step) {
				ticks.add(Math.round(t / step) * step);
			}
			return ticks;
		}

		/** 1, 2 or 5 times a power of ten, giving about five intervals. */
		private static double step(double range) {
			double rough = range / 5;
			double power = Math.pow(10, Math.floor(Math.log10(rough)));
			double unit = rough / power;
			return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
		}

	}

}
