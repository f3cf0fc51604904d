package org.yiwang.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {

	@Test
	void lineChartIsWellFormedSvgWithOnePathPerSeries() throws Exception {
		String svg = SvgChart.line("Throughput <vs> stored & \"friends\"", "stored applications", "applications / s",
				List.of(SvgChart.Series.of("platform", new double[] { 1000, 10000, 100000 }, new double[] { 12.5, 11.9, 10.2 }),
						SvgChart.Series.of("Flowable 1 thread", new double[] { 1000, 10000, 100000 }, new double[] { 83, 83, 83 })),
				true);

		Document document = parse(svg);
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(document.getElementsByTagName("path").getLength()).isEqualTo(2);
		assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(6);
		assertThat(document.getElementsByTagName("title").item(0).getTextContent())
			.isEqualTo("Throughput <vs> stored & \"friends\"");
	}

	@Test
	void barChartIsWellFormedAndSkipsMissingValues() throws Exception {
		String svg = SvgChart.bars("Gateway vs direct", "answers / s", List.of("16 connections", "64 connections"),
				List.of(new SvgChart.Bars("gateway", List.of(310.0, Double.NaN)),
						new SvgChart.Bars("direct", java.util.Arrays.asList(870.0, null))),
				false);

		Document document = parse(svg);
		// the background plus one bar per known value
		assertThat(document.getElementsByTagName("rect").getLength()).isEqualTo(1 + 2 + 2);
	}

	@Test
	void logarithmicBarsSkipNonPositiveValuesAndSlantManyLabels() throws Exception {
		String svg = SvgChart.bars("Latency", "ms", List.of("p50", "p90", "p95", "p99", "max", "a long category name"),
				List.of(new SvgChart.Bars("platform", List.of(28000.0, 31000.0, 32000.0, 33000.0, 33100.0, 0.0)),
						new SvgChart.Bars("peer", List.of(12.0, 15.0, 16.0, 20.0, 25.0, 30.0))),
				true);

		Document document = parse(svg);
		assertThat(document.getElementsByTagName("rect").getLength()).isEqualTo(1 + 5 + 6 + 2);
		assertThat(svg).contains("rotate(-35");
	}

	@Test
	void emptyChartsAreStillWellFormed() throws Exception {
		assertThat(parse(SvgChart.line("nothing", "x", "y", List.of(), false)).getDocumentElement().getTagName())
			.isEqualTo("svg");
		assertThat(parse(SvgChart.bars("nothing", "y", List.of(), List.of(), true)).getDocumentElement().getTagName())
			.isEqualTo("svg");
	}

	@Test
	void controlCharactersAndMarkupAreEscaped() {
		assertThat(SvgChart.escape("a<b>&'\"\u0001")).isEqualTo("a&lt;b&gt;&amp;&apos;&quot;");
	}

	static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

}
