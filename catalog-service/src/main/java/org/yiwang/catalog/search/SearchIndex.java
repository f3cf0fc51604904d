package org.yiwang.catalog.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An in-memory full-text index that works for Chinese without a word segmenter: every field is cut into
 * character bigrams (and single characters), a query too, and documents are ranked by the share of the query's
 * grams they contain, weighted by rarity (idf) and by the field they occur in (name above alias above keyword …).
 * Partial words match because their bigrams are a subset; a one-character typo still leaves most bigrams and all
 * other characters intact; synonyms ({@link Synonyms}) run as extra query variants. Immutable: build a new one when
 * the catalog changes (thousands of documents take milliseconds).
 *
 * @param <T> the document payload
 */
public final class SearchIndex<T> {

	/** One searchable field of a document with its weight (name 1.0, alias 0.9 …). */
	public record Field(String text, double weight) {
	}

	/** A document: its payload and fields. */
	public record Doc<T>(T payload, List<Field> fields) {
	}

	/** A ranked hit. */
	public record Hit<T>(T payload, double score) {
	}

	/** Minimum share of the query's (idf-weighted) grams a document must contain. */
	static final double MIN_COVERAGE = 0.5;

	private static final double UNIGRAM_WEIGHT = 0.4;

	private final List<Doc<T>> docs;

	/** gram → (doc index → best field weight) */
	private final Map<String, Map<Integer, Double>> postings = new HashMap<>();

	private final List<String> normalizedNames = new ArrayList<>();

	private final Synonyms synonyms;

	public SearchIndex(List<Doc<T>> docs) {
		this(docs, Synonyms.DEFAULT);
	}

	public SearchIndex(List<Doc<T>> docs, Synonyms synonyms) {
		this.synonyms = synonyms;
		this.docs = List.copyOf(docs);
		for (int i = 0; i < this.docs.size(); i++) {
			Doc<T> doc = this.docs.get(i);
			normalizedNames.add(doc.fields().isEmpty() ? "" : normalize(doc.fields().get(0).text()));
			for (Field field : doc.fields()) {
				for (String gram : grams(normalize(field.text()))) {
					postings.computeIfAbsent(gram, g -> new HashMap<>()).merge(i, field.weight(), Math::max);
				}
			}
		}
	}

	public int size() {
		return docs.size();
	}

	/** Lower-case, full-width to half-width (NFKC), letters and digits only. */
	public static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase();
		StringBuilder out = new StringBuilder(nfkc.length());
		nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
		return out.toString();
	}

	/** Bigrams ("食品", "品经" …) and unigrams prefixed with '1' so they never collide with bigrams. */
	static Set<String> grams(String normalized) {
		Set<String> grams = new LinkedHashSet<>();
		int[] cps = normalized.codePoints().toArray();
		for (int i = 0; i < cps.length; i++) {
			grams.add("1" + new String(cps, i, 1));
			if (i + 1 < cps.length) {
				grams.add("2" + new String(cps, i, 2));
			}
		}
		return grams;
	}

	private double idf(String gram) {
		Map<Integer, Double> posting = postings.get(gram);
		int df = posting == null ? 0 : posting.size();
		return Math.log(1.0 + (docs.size() + 1.0) / (df + 1.0));
	}

	/** All documents accepted by the filter that match the query, best first (ties in index order). */
	public List<Hit<T>> search(String query, Predicate<T> filter) {
		String normalized = normalize(query);
		if (normalized.isEmpty()) {
			return List.of();
		}
		Map<Integer, Double> best = new HashMap<>();
		for (Synonyms.Variant variant : synonyms.variants(normalized)) {
			score(variant.text(), variant.weight(), best);
		}
		List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(best.entrySet());
		ranked.sort(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		List<Hit<T>> hits = new ArrayList<>();
		for (Map.Entry<Integer, Double> entry : ranked) {
			T payload = docs.get(entry.getKey()).payload();
			if (filter.test(payload)) {
				hits.add(new Hit<>(payload, entry.getValue()));
			}
		}
		return hits;
	}

	/**
	 * Candidates are the documents sharing a bigram with the variant (or its character, for one-character
	 * queries); single characters then add partial credit to candidates only, which keeps common characters such
	 * as 证 or 许 from touching every document.
	 */
	private void score(String variant, double variantWeight, Map<Integer, Double> best) {
		Set<String> grams = grams(variant);
		boolean single = variant.codePointCount(0, variant.length()) == 1;
		double total = 0;
		Map<Integer, Double> matched = new HashMap<>();
		Map<Integer, Double> weighted = new HashMap<>();
		List<String> unigrams = new ArrayList<>();
		for (String gram : grams) {
			boolean bigram = gram.charAt(0) == '2';
			if (!bigram && !single) {
				unigrams.add(gram);
				continue;
			}
			double idf = idf(gram);
			total += idf;
			Map<Integer, Double> posting = postings.get(gram);
			if (posting != null) {
				posting.forEach((doc, fieldWeight) -> {
					matched.merge(doc, idf, Double::sum);
					weighted.merge(doc, idf * fieldWeight, Double::sum);
				});
			}
		}
		for (String gram : unigrams) {
			double idf = idf(gram) * UNIGRAM_WEIGHT;
			total += idf;
			Map<Integer, Double> posting = postings.get(gram);
			if (posting == null) {
				continue;
			}
			for (Integer doc : new ArrayList<>(matched.keySet())) {
				Double fieldWeight = posting.get(doc);
				if (fieldWeight != null) {
					matched.merge(doc, idf, Double::sum);
					weighted.merge(doc, idf * fieldWeight, Double::sum);
				}
			}
		}
		if (total == 0) {
			return;
		}
		final double sum = total;
		matched.forEach((doc, idfSum) -> {
			if (idfSum / sum < MIN_COVERAGE) {
				return;
			}
			double score = variantWeight * (weighted.get(doc) / sum);
			String name = normalizedNames.get(doc);
			if (name.contains(variant)) {
				score += 0.5 * variantWeight;
				if (name.equals(variant)) {
					score += 0.25 * variantWeight;
				}
			}
			best.merge(doc, score, Math::max);
		});
	}

}
