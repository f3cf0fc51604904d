package org.yiwang.exchange.subject;

import java.util.List;
import java.util.Random;

/**
 * Synthetic but VALID ID numbers and USCCs (correct region prefix, real birth dates, correct check characters),
 * for demo data, load tests and property tests. They belong to nobody: region and sequence are random.
 */
public final class SyntheticSubjects {

	private static final List<String> REGIONS = List.of("440305", "440304", "440106", "110101", "310104", "330106",
			"320102", "510104", "420106", "610113");

	private SyntheticSubjects() {
	}

	public static IdNumber idNumber(Random random) {
		String region = REGIONS.get(random.nextInt(REGIONS.size()));
		int year = 1940 + random.nextInt(70);
		int month = 1 + random.nextInt(12);
		int day = 1 + random.nextInt(28);
		int sequence = 1 + random.nextInt(999); // 000 is not a sequence code
		return IdNumber.of17("%s%04d%02d%02d%03d".formatted(region, year, month, day, sequence));
	}

	public static Uscc uscc(Random random) {
		// 9 = 工商, 1 = 企业; then a region code and a 9-character organisation code
		StringBuilder first17 = new StringBuilder("91").append(REGIONS.get(random.nextInt(REGIONS.size())));
		for (int i = 0; i < 9; i++) {
			first17.append(Uscc.CHARSET.charAt(random.nextInt(Uscc.CHARSET.length())));
		}
		return Uscc.of17(first17.toString());
	}

}
