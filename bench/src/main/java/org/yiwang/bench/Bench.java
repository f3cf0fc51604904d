package org.yiwang.bench;

/** Entry point of {@code ./platform bench}: placeholder, filled in by the bench work. */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) {
		System.out.println("bench: not wired yet");
	}

}
