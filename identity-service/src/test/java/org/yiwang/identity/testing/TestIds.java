package org.yiwang.identity.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.yiwang.identity.enterprise.Uscc;
import org.yiwang.identity.person.IdNumber;

/** Fresh valid demo numbers for tests (深圳市福田区 region, sequence counting up). */
public final class TestIds {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

	private TestIds() {
	}

	public static String idNumber() {
		String first17 = "440304" + "19900101" + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
		return first17 + IdNumber.checkCharacter(first17);
	}

	public static String uscc() {
		String first17 = "91440300MA5F" + String.format("%05d", SEQUENCE.incrementAndGet());
		return first17 + Uscc.checkCharacter(first17);
	}

}
