package org.yiwang.bench.proc;

/**
 * The fields of {@code /proc/<pid>/stat} the bench needs.
 *
 * @param pid process id
 * @param utimeTicks user-mode CPU in clock ticks
 * @param stimeTicks kernel-mode CPU in clock ticks
 */
record ProcStat(long pid, long utimeTicks, long stimeTicks) {

	/**
	 * Parses one stat line. The second field (the command name, in parentheses) may itself contain spaces and
	 * parentheses, so the fields are counted from the last {@code ')'}: state is field 3, utime 14, stime 15.
	 */
	static ProcStat parse(String line) {
		int open = line.indexOf('(');
		int close = line.lastIndexOf(')');
		if (open < 0 || close < open) {
			throw new IllegalArgumentException("not a /proc stat line: " + line);
		}
		long pid = Long.parseLong(line.substring(0, open).trim());
		String[] rest = line.substring(close + 1).trim().split("\\s+");
		// rest[0] is field 3 (state), so field n is rest[n - 3]
		return new ProcStat(pid, Long.parseLong(rest[14 - 3]), Long.parseLong(rest[15 - 3]));
	}

	long cpuTicks() {
		return utimeTicks + stimeTicks;
	}

	/** Resident set size in bytes from the text of {@code /proc/<pid>/status} ({@code VmRSS: <n> kB}); 0 if absent. */
	static long rssBytes(String status) {
		for (String line : status.split("\n")) {
			if (line.startsWith("VmRSS:")) {
				String[] parts = line.substring(6).trim().split("\\s+");
				return Long.parseLong(parts[0]) * 1024;
			}
		}
		return 0;
	}

}
