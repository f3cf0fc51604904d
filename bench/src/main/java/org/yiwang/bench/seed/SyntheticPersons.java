package org.yiwang.bench.seed;

import java.util.SplittableRandom;

/**
 * Applicants of seeded history. A real history has many applicants, not one: a clone of the template is made by
 * a new person — a new subject, a Chinese name, a 公民身份号码 with the template's region and birth date, a new
 * sequence and a valid check character, its keyed hash (random here: the bench does not hold the platform's key,
 * so nobody's number leads to these licences) and its masked form. The persons are not registered in
 * identity-service or Keycloak: they never sign in.
 */
final class SyntheticPersons {

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯晨欣怡婷雪琳佳俊鹏飞鑫倩瑶博峰";

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private SyntheticPersons() {
	}

	static String name(SplittableRandom random) {
		StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
		int given = random.nextInt(3) == 0 ? 1 : 2;
		for (int i = 0; i < given; i++) {
			name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
		}
		return name.toString();
	}

	/** Districts of Shenzhen (the demo's city): 罗湖 福田 南山 宝安 龙岗 盐田. */
	private static final String[] REGIONS = { "440303", "440304", "440305", "440306", "440307", "440308" };

	private static final java.time.LocalDate OLDEST = java.time.LocalDate.of(1960, 1, 1);

	private static final int BIRTH_DAYS = 41 * 365;

	/**
	 * A 公民身份号码 of a person of the template's sex (the parity of the 17th digit): a Shenzhen district, a birth
	 * date between 1960 and 2000, a sequence number, a valid check character.
	 */
	static String idNumber(String template, SplittableRandom random) {
		int parity = (template.charAt(16) - '0') % 2;
		java.time.LocalDate born = OLDEST.plusDays(random.nextInt(BIRTH_DAYS));
		int sequence = random.nextInt(500) * 2 + parity; // 000..999 with the template's parity
		String body = REGIONS[random.nextInt(REGIONS.length)]
				+ born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
		return body + check(body);
	}

	/** The birth date in an ID number, as the population registry states it ({@code yyyy-MM-dd}). */
	static String birthDate(String idNumber) {
		return idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14);
	}

	static char check(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	static boolean valid(String idNumber) {
		return idNumber != null && idNumber.matches("\\d{17}[\\dX]")
				&& check(idNumber.substring(0, 17)) == idNumber.charAt(17);
	}

	/** As license-service shows it: the first four and the last four characters. */
	static String masked(String idNumber) {
		return idNumber.substring(0, 4) + "*".repeat(10) + idNumber.substring(14);
	}

	/** Looks like a keyed SHA-256 hash (64 hex characters) and matches no real number. */
	static String hash(SplittableRandom random) {
		StringBuilder hex = new StringBuilder(64);
		for (int i = 0; i < 4; i++) {
			hex.append(String.format("%016x", random.nextLong()));
		}
		return hex.toString();
	}

}
