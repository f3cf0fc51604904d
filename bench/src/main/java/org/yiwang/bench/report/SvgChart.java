package org.yiwang.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small SVG charts for the report — a line chart and a grouped bar chart, each axis linear or logarithmic —
 * self-contained, no scripts, readable in any browser and on GitHub. Every point and bar carries its value as a
 * tooltip ({@code <title>}).
 */
public final class SvgChart {

	static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
			"#7f7f7f", "#bcbd22", "#17becf" };

	private static final int LEGEND_CHARACTERS = 32;

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

	/** A bar series: one value per category (null or NaN for none). */
	public record Bars(String name, List<Double> values) {
	}

	/** Where things go: the plot area is inside the margins. */
	private record Layout(int width, int height, int left, int right, int top, int bottom) {

		int plotWidth() {
			return width - left - right;
		}

		int plotHeight() {
			return height - top - bottom;
		}

		int plotBottom() {
			return top + plotHeight();
		}

	}

	public static String line(String title, String xLabel, String yLabel, List<Series> series, boolean logX) {
		Layout layout = new Layout(880, 420, 78, 260, 44, 56);
		double minX = Double.MAX_VALUE;
		double maxX = -Double.MAX_VALUE;
		double maxY = 0;
		for (Series s : series) {
			for (double[] p : s.points()) {
				if (usable(p, logX)) {
					minX = Math.min(minX, p[0]);
					maxX = Math.max(maxX, p[0]);
					maxY = Math.max(maxY, p[1]);
				}
			}
		}
		StringBuilder svg = open(layout, title);
		if (minX == Double.MAX_VALUE) {
			return empty(svg, layout);
		}
		Axis x = logX ? Axis.log(minX, maxX) : Axis.linear(Math.min(0, minX), maxX);
		Axis y = Axis.linear(0, maxY);
		grid(svg, layout, y, yLabel);
		for (double tick : x.ticks()) {
			double px = layout.left() + x.position(tick) * layout.plotWidth();
			svg.append("<line x1=\"").append(fmt(px)).append("\" y1=\"").append(layout.plotBottom()).append("\" x2=\"")
				.append(fmt(px)).append("\" y2=\"").append(layout.plotBottom() + 5).append("\" stroke=\"#333\"/>\n");
			text(svg, px, layout.plotBottom() + 18, "middle", 11, number(tick));
		}
		text(svg, layout.left() + layout.plotWidth() / 2.0, layout.height() - 12, "middle", 12, xLabel);
		for (int i = 0; i < series.size(); i++) {
			Series s = series.get(i);
			String colour = COLOURS[i % COLOURS.length];
			StringBuilder path = new StringBuilder();
			for (double[] p : s.points()) {
				if (!usable(p, logX)) {
					continue;
				}
				double px = layout.left() + x.position(p[0]) * layout.plotWidth();
				double py = layout.plotBottom() - y.position(p[1]) * layout.plotHeight();
				path.append(path.isEmpty() ? "M" : " L").append(fmt(px)).append(' ').append(fmt(py));
				svg.append("<circle cx=\"").append(fmt(px)).append("\" cy=\"").append(fmt(py))
					.append("\" r=\"3\" fill=\"").append(colour).append("\"><title>").append(escape(s.name()))
					.append(": ").append(number(p[0])).append(", ").append(number(p[1])).append("</title></circle>\n");
			}
			svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
				.append("\" stroke-width=\"2\"/>\n");
		}
		axes(svg, layout);
		legend(svg, layout, series.stream().map(Series::name).toList());
		return close(svg);
	}

	/**
	 * @param logY a logarithmic value axis, for values that span orders of magnitude (bars then start at the
	 * power of ten below the smallest value)
	 */
	public static String bars(String title, String yLabel, List<String> categories, List<Bars> series, boolean logY) {
		boolean slanted = categories.size() > 5 || categories.stream().anyMatch(c -> c.length() > 14);
		int longest = categories.stream().mapToInt(String::length).max().orElse(0);
		// a label slanted by 35° reaches down about 4 px per character
		int bottom = slanted ? 30 + Math.min(120, longest * 4) : 56;
		Layout layout = new Layout(880, 364 + bottom, 78, 260, 44, bottom);
		double min = Double.MAX_VALUE;
		double max = 0;
		for (Bars s : series) {
			for (Double v : s.values()) {
				if (v != null && Double.isFinite(v) && (!logY || v > 0)) {
					min = Math.min(min, v);
					max = Math.max(max, v);
				}
			}
		}
		StringBuilder svg = open(layout, title);
		if (categories.isEmpty() || series.isEmpty() || min == Double.MAX_VALUE) {
			return empty(svg, layout);
		}
		Axis y = logY ? Axis.log(min, max) : Axis.linear(0, max);
		grid(svg, layout, y, yLabel);
		double group = layout.plotWidth() / (double) categories.size();
		double bar = group * 0.8 / series.size();
		for (int c = 0; c < categories.size(); c++) {
			double groupLeft = layout.left() + c * group + group * 0.1;
			for (int s = 0; s < series.size(); s++) {
				Double value = c < series.get(s).values().size() ? series.get(s).values().get(c) : null;
				if (value == null || !Double.isFinite(value) || logY && value <= 0) {
					continue;
				}
				double height = Math.max(0, y.position(value)) * layout.plotHeight();
				svg.append("<rect x=\"").append(fmt(groupLeft + s * bar)).append("\" y=\"")
					.append(fmt(layout.plotBottom() - height)).append("\" width=\"").append(fmt(Math.max(1, bar - 2)))
					.append("\" height=\"").append(fmt(height)).append("\" fill=\"").append(COLOURS[s % COLOURS.length])
					.append("\"><title>").append(escape(series.get(s).name())).append(" — ")
					.append(escape(categories.get(c))).append(": ").append(number(value)).append("</title></rect>\n");
			}
			double cx = layout.left() + c * group + group / 2;
			if (slanted) {
				double cy = layout.plotBottom() + 14;
				svg.append("<text x=\"").append(fmt(cx)).append("\" y=\"").append(fmt(cy))
					.append("\" text-anchor=\"end\" font-size=\"11\" transform=\"rotate(-35 ").append(fmt(cx)).append(' ')
					.append(fmt(cy)).append(")\">").append(escape(categories.get(c))).append("</text>\n");
			}
			else {
				text(svg, cx, layout.plotBottom() + 18, "middle", 12, categories.get(c));
			}
		}
		axes(svg, layout);
		legend(svg, layout, series.stream().map(Bars::name).toList());
		return close(svg);
	}

	// ---- drawing --------------------------------------------------------------------------------------------

	private static boolean usable(double[] p, boolean logX) {
		return Double.isFinite(p[0]) && Double.isFinite(p[1]) && (!logX || p[0] > 0);
	}

	private static StringBuilder open(Layout layout, String title) {
		StringBuilder svg = new StringBuilder();
		svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(layout.width()).append("\" height=\"")
			.append(layout.height()).append("\" viewBox=\"0 0 ").append(layout.width()).append(' ')
			.append(layout.height()).append("\" font-family=\"sans-serif\">\n");
		svg.append("<title>").append(escape(title)).append("</title>\n");
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		text(svg, layout.width() / 2.0, 24, "middle", 15, title);
		return svg;
	}

	private static String empty(StringBuilder svg, Layout layout) {
		text(svg, layout.width() / 2.0, layout.height() / 2.0, "middle", 13, "no data");
		return close(svg);
	}

	private static String close(StringBuilder svg) {
		return svg.append("</svg>\n").toString();
	}

	/** Horizontal grid lines with their values, and the value axis label. */
	private static void grid(StringBuilder svg, Layout layout, Axis y, String yLabel) {
		for (double tick : y.ticks()) {
			double py = layout.plotBottom() - y.position(tick) * layout.plotHeight();
			svg.append("<line x1=\"").append(layout.left()).append("\" y1=\"").append(fmt(py)).append("\" x2=\"")
				.append(layout.left() + layout.plotWidth()).append("\" y2=\"").append(fmt(py))
				.append("\" stroke=\"#e0e0e0\"/>\n");
			text(svg, layout.left() - 6, py + 4, "end", 11, number(tick));
		}
		if (yLabel != null) {
			double middle = layout.top() + layout.plotHeight() / 2.0;
			svg.append("<text x=\"16\" y=\"").append(fmt(middle))
				.append("\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 16 ").append(fmt(middle))
				.append(")\">").append(escape(yLabel)).append("</text>\n");
		}
	}

	private static void axes(StringBuilder svg, Layout layout) {
		svg.append("<line x1=\"").append(layout.left()).append("\" y1=\"").append(layout.plotBottom()).append("\" x2=\"")
			.append(layout.left() + layout.plotWidth()).append("\" y2=\"").append(layout.plotBottom())
			.append("\" stroke=\"#333\"/>\n");
		svg.append("<line x1=\"").append(layout.left()).append("\" y1=\"").append(layout.top()).append("\" x2=\"")
			.append(layout.left()).append("\" y2=\"").append(layout.plotBottom()).append("\" stroke=\"#333\"/>\n");
	}

	private static void legend(StringBuilder svg, Layout layout, List<String> names) {
		int x = layout.width() - layout.right() + 16;
		for (int i = 0; i < names.size(); i++) {
			int y = layout.top() + 8 + i * 20;
			String name = names.get(i);
			String shown = name.length() > LEGEND_CHARACTERS ? name.substring(0, LEGEND_CHARACTERS - 1) + "…" : name;
			svg.append("<rect x=\"").append(x).append("\" y=\"").append(y - 9)
				.append("\" width=\"12\" height=\"12\" fill=\"").append(COLOURS[i % COLOURS.length]).append("\"/>\n");
			svg.append("<text x=\"").append(x + 18).append("\" y=\"").append(y + 2)
				.append("\" text-anchor=\"start\" font-size=\"12\"><title>").append(escape(name)).append("</title>")
				.append(escape(shown)).append("</text>\n");
		}
	}

	private static void text(StringBuilder svg, double x, double y, String anchor, int size, String text) {
		svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" text-anchor=\"")
			.append(anchor).append("\" font-size=\"").append(size).append("\">").append(escape(text)).append("</text>\n");
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
