package org.yiwang.bench.seed;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Makes new, independent copies of a {@link SeedTemplate}: every id of the template (application, cases, licence
 * numbers, event ids, correlation ids, the ids of notifications and usage records) and the applicant (subject,
 * name, ID number in the prefilled registry data, its hash and masked form: {@link SyntheticPersons}) is replaced by
 * a new one wherever it occurs — as a field, inside a longer string such as {@code MAT-LIC-<caseId>} or a processed-event key
 * {@code <consumer>:<eventId>}, or inside a webhook delivery's stored envelope — and every moment is moved by the
 * clone's offset (dates stored as midnight, i.e. {@code LocalDate}s, by whole days), also ISO instants inside stored
 * strings. Outboxes are empty (seeded history publishes nothing) and every document carries
 * {@code seededBy: "bench"}.
 * <p>
 * The template is compiled once into parts (text, id slots, moments), so a clone is assembly, not searching.
 */
final class HistoryCloner {

	static final String SEEDED_BY = "seededBy";

	static final String SEEDED_BY_VALUE = "bench";

	private static final long DAY = 86_400_000L;

	private static final Pattern ISO_INSTANT = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z");

	/** The copies of one template application. */
	record Clone(Document application, List<Document> licences, List<Document> notifications,
			List<Document> applicationProcessed, List<Document> licenceProcessed, List<Document> webhookDeliveries,
			List<Document> licenceUses) {

		String applicationId() {
			return application.getString("_id");
		}

	}

	/** A licence of the template: what its clone's number is made of. */
	record LicenceTemplate(String type, String issuer, long issuedAtMillis) {
	}

	private enum Kind {

		APPLICATION, CASE, LICENCE, UUID, SUBJECT, NAME, ID_NUMBER, BIRTH_DATE, ID_HASH, ID_MASKED

	}

	private interface Node {
	}

	private record Constant(Object value) implements Node {
	}

	private record Text(Object[] parts) implements Node {
	}

	private record Moment(long millis, boolean day) implements Node {
	}

	private record FreshObjectId() implements Node {
	}

	private record EmptyList() implements Node {
	}

	private record Doc(String[] keys, Node[] values) implements Node {
	}

	private record Arr(Node[] values) implements Node {
	}

	private record Hit(int start, int end, int slot) {
	}

	private final OrderedIds orderedIds = new OrderedIds();

	private final List<String> originals = new ArrayList<>();

	private final List<Kind> kinds = new ArrayList<>();

	private final int[] licenceSlots;

	private final List<LicenceTemplate> licenceTemplates = new ArrayList<>();

	private final long submittedAtMillis;

	private String templateIdNumber;

	private final Node application;

	private final List<Node> licences;

	private final List<Node> notifications;

	private final List<Node> applicationProcessed;

	private final List<Node> licenceProcessed;

	/** Top-level fields marking pending work (sparse unique indexes, see PendingMarker): never cloned. */
	private static final List<String> PENDING_MARKERS = List.of("outboxDue", "prefillDue", "supervised", "due");

	private final List<Node> webhookDeliveries;

	private final List<Node> licenceUses;

	HistoryCloner(SeedTemplate template) {
		Document app = template.application();
		slot(template.applicationId(), Kind.APPLICATION);
		// the applicant: each clone is made by another (synthetic) person
		slot(app.getString("applicantSubject"), Kind.SUBJECT);
		slot(app.getString("applicantName"), Kind.NAME);
		for (Document material : list(app, "materials")) {
			if (material.get("data") instanceof Document data && data.get("idNumber") instanceof String number
					&& SyntheticPersons.valid(number)) {
				templateIdNumber = number;
				slot(number, Kind.ID_NUMBER);
				if (SyntheticPersons.birthDate(number).equals(data.getString("birthDate"))) {
					slot(data.getString("birthDate"), Kind.BIRTH_DATE);
				}
			}
		}
		for (Document licence : template.licences()) {
			slot(licence.getString("holderIdHash"), Kind.ID_HASH);
			slot(licence.getString("holderIdMasked"), Kind.ID_MASKED);
		}
		for (Document c : app.getList("cases", Document.class)) {
			slot(c.getString("caseId"), Kind.CASE);
		}
		licenceSlots = new int[template.licences().size()];
		for (int i = 0; i < template.licences().size(); i++) {
			Document licence = template.licences().get(i);
			licenceSlots[i] = slot(licence.getString("_id"), Kind.LICENCE);
			licenceTemplates.add(new LicenceTemplate(licence.getString("type"), licence.getString("issuingDepartment"),
					licence.getDate("issuedAt").getTime()));
		}
		template.eventIds().forEach(id -> slot(id, Kind.UUID));
		template.correlationIds().forEach(id -> slot(id, Kind.UUID));
		for (List<Document> docs : List.of(template.notifications(), template.licenceUses())) {
			for (Document doc : docs) {
				if (doc.get("_id") instanceof String id) {
					slot(id, Kind.UUID);
				}
			}
		}
		submittedAtMillis = app.getDate("submittedAt").getTime();
		application = compile(app, true);
		licences = compileAll(template.licences());
		notifications = compileAll(template.notifications());
		applicationProcessed = compileAll(template.applicationProcessed());
		licenceProcessed = compileAll(template.licenceProcessed());
		webhookDeliveries = compileAll(template.webhookDeliveries());
		licenceUses = compileAll(template.licenceUses());
	}

	private static List<Document> list(Document doc, String field) {
		List<Document> list = doc.getList(field, Document.class);
		return list == null ? List.of() : list;
	}

	private int slot(String id, Kind kind) {
		if (id == null || id.length() < (kind == Kind.NAME ? 2 : 8)) {
			return -1; // too short to be an id worth renewing (and it might occur by chance)
		}
		int existing = originals.indexOf(id);
		if (existing >= 0) {
			return existing;
		}
		originals.add(id);
		kinds.add(kind);
		return originals.size() - 1;
	}

	List<LicenceTemplate> licenceTemplates() {
		return licenceTemplates;
	}

	long submittedAtMillis() {
		return submittedAtMillis;
	}

	int slots() {
		return originals.size();
	}

	/** New ids for one clone: fresh application, case and other ids, the given licence numbers (template order). */
	String[] newIds(List<String> licenceNumbers, SplittableRandom random) {
		if (licenceNumbers.size() != licenceSlots.length) {
			throw new IllegalArgumentException("one number per template licence: " + licenceSlots.length);
		}
		String[] ids = new String[originals.size()];
		String idNumber = templateIdNumber == null ? null : SyntheticPersons.idNumber(templateIdNumber, random);
		for (int i = 0; i < ids.length; i++) {
			switch (kinds.get(i)) {
				case APPLICATION -> ids[i] = "APP-" + orderedIds.next(random);
				case CASE -> ids[i] = "CASE-" + orderedIds.next(random);
				case UUID, SUBJECT -> ids[i] = orderedIds.next(random).toString();
				case NAME -> ids[i] = SyntheticPersons.name(random);
				case ID_NUMBER -> ids[i] = idNumber;
				case BIRTH_DATE -> ids[i] = SyntheticPersons.birthDate(idNumber);
				case ID_HASH -> ids[i] = SyntheticPersons.hash(random);
				case ID_MASKED -> ids[i] = idNumber != null ? SyntheticPersons.masked(idNumber)
						: originals.get(i);
				case LICENCE -> ids[i] = null;
			}
		}
		for (int i = 0; i < licenceSlots.length; i++) {
			ids[licenceSlots[i]] = licenceNumbers.get(i);
		}
		return ids;
	}

	/**
	 * One clone.
	 * @param ids from {@link #newIds}
	 * @param offsetMillis how far every moment moves (negative: into the past)
	 * @param statusIndexes the status list position of each licence (template order)
	 */
	Clone clone(String[] ids, long offsetMillis, int[] statusIndexes) {
		long dayOffset = Math.floorDiv(offsetMillis, DAY) * DAY;
		Document app = (Document) render(application, ids, offsetMillis, dayOffset);
		List<Document> licenceDocs = renderAll(licences, ids, offsetMillis, dayOffset);
		for (int i = 0; i < licenceDocs.size(); i++) {
			licenceDocs.get(i).put("statusIndex", statusIndexes[i]);
		}
		return new Clone(app, licenceDocs, renderAll(notifications, ids, offsetMillis, dayOffset),
				renderAll(applicationProcessed, ids, offsetMillis, dayOffset),
				renderAll(licenceProcessed, ids, offsetMillis, dayOffset),
				renderAll(webhookDeliveries, ids, offsetMillis, dayOffset),
				renderAll(licenceUses, ids, offsetMillis, dayOffset));
	}

	// ---- compiling the template -----------------------------------------------------------------------------

	private List<Node> compileAll(List<Document> docs) {
		List<Node> nodes = new ArrayList<>();
		docs.forEach(d -> nodes.add(compile(d, true)));
		return nodes;
	}

	private Node compile(Object value, boolean topLevel) {
		if (value instanceof Document doc) {
			Map<String, Object> fields = new LinkedHashMap<>(doc);
			fields.remove(SEEDED_BY);
			if (topLevel) {
				// pending-work markers are unique per document and mean work to do: history has none
				PENDING_MARKERS.forEach(fields::remove);
			}
			List<String> keys = new ArrayList<>(fields.keySet());
			List<Node> values = new ArrayList<>();
			for (String key : keys) {
				Object field = fields.get(key);
				if (topLevel && "_id".equals(key) && field instanceof ObjectId) {
					values.add(new FreshObjectId());
				}
				else if (topLevel && "outbox".equals(key)) {
					values.add(new EmptyList());
				}
				else {
					values.add(compile(field, false));
				}
			}
			if (topLevel) {
				keys.add(SEEDED_BY);
				values.add(new Constant(SEEDED_BY_VALUE));
			}
			return new Doc(keys.toArray(String[]::new), values.toArray(Node[]::new));
		}
		if (value instanceof List<?> list) {
			Node[] nodes = new Node[list.size()];
			for (int i = 0; i < nodes.length; i++) {
				nodes[i] = compile(list.get(i), false);
			}
			return new Arr(nodes);
		}
		if (value instanceof Date date) {
			return new Moment(date.getTime(), date.getTime() % DAY == 0);
		}
		if (value instanceof String text) {
			return compileText(text);
		}
		return new Constant(value);
	}

	private Node compileText(String text) {
		List<Hit> hits = new ArrayList<>();
		for (int slot = 0; slot < originals.size(); slot++) {
			String original = originals.get(slot);
			for (int at = text.indexOf(original); at >= 0; at = text.indexOf(original, at + original.length())) {
				hits.add(new Hit(at, at + original.length(), slot));
			}
		}
		hits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
				: Integer.compare(b.end() - b.start(), a.end() - a.start()));
		List<Object> parts = new ArrayList<>();
		int position = 0;
		for (Hit hit : hits) {
			if (hit.start() < position) {
				continue; // overlaps a longer or earlier id
			}
			literal(text.substring(position, hit.start()), parts);
			parts.add(hit.slot());
			position = hit.end();
		}
		literal(text.substring(position), parts);
		if (parts.size() == 1 && parts.get(0) instanceof String only) {
			return new Constant(only);
		}
		return new Text(parts.toArray());
	}

	/** Literal text, with the ISO instants in it (stored envelopes, stored answers) made movable. */
	private static void literal(String text, List<Object> parts) {
		if (text.isEmpty()) {
			return;
		}
		Matcher matcher = ISO_INSTANT.matcher(text);
		int position = 0;
		while (matcher.find()) {
			try {
				Instant instant = Instant.parse(matcher.group());
				if (matcher.start() > position) {
					parts.add(text.substring(position, matcher.start()));
				}
				parts.add(instant);
				position = matcher.end();
			}
			catch (DateTimeParseException ex) {
				// not an instant after all: stays text
			}
		}
		if (position < text.length()) {
			parts.add(text.substring(position));
		}
	}

	// ---- rendering a clone ------------------------------------------------------------------------------------

	private static List<Document> renderAll(List<Node> nodes, String[] ids, long offset, long dayOffset) {
		List<Document> docs = new ArrayList<>(nodes.size());
		nodes.forEach(n -> docs.add((Document) render(n, ids, offset, dayOffset)));
		return docs;
	}

	private static Object render(Node node, String[] ids, long offset, long dayOffset) {
		if (node instanceof Constant constant) {
			return constant.value();
		}
		if (node instanceof Text text) {
			StringBuilder out = new StringBuilder();
			for (Object part : text.parts()) {
				if (part instanceof String literal) {
					out.append(literal);
				}
				else if (part instanceof Integer slot) {
					out.append(ids[slot]);
				}
				else {
					out.append(((Instant) part).plusMillis(offset));
				}
			}
			return out.toString();
		}
		if (node instanceof Moment moment) {
			return new Date(moment.millis() + (moment.day() ? dayOffset : offset));
		}
		if (node instanceof Doc doc) {
			Document out = new Document();
			for (int i = 0; i < doc.keys().length; i++) {
				out.put(doc.keys()[i], render(doc.values()[i], ids, offset, dayOffset));
			}
			return out;
		}
		if (node instanceof Arr arr) {
			List<Object> out = new ArrayList<>(arr.values().length);
			for (Node value : arr.values()) {
				out.add(render(value, ids, offset, dayOffset));
			}
			return out;
		}
		if (node instanceof EmptyList) {
			return new ArrayList<>();
		}
		return new ObjectId();
	}

	/**
	 * A time-ordered UUID (the version-7 layout: milliseconds, then a sequence, then random bits), increasing in the
	 * order ids are made. Seeded ids are made in bulk, and the local MongoDB stand-in keeps each collection in a
	 * copy-on-write B-tree that rewrites every leaf touched since its last commit: random keys touch all of them
	 * (measured: 60,000 small documents with random ids took 22 s and a 434 MB file, with ordered ids 7.5 s and
	 * 28 MB). Ordered ids land in the tree's last leaves. Reads cost the same either way.
	 */
	static final class OrderedIds {

		private long lastMillis;

		private int sequence;

		synchronized UUID next(SplittableRandom random) {
			long millis = System.currentTimeMillis();
			if (millis > lastMillis) {
				lastMillis = millis;
				sequence = 0;
			}
			else if (++sequence > 0xfff) {
				lastMillis++;
				sequence = 0;
			}
			long most = lastMillis << 16 | 0x7000L | sequence;
			long least = random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
			return new UUID(most, least);
		}

	}

	/** The template's ids, for checks. */
	Set<String> originals() {
		return new LinkedHashSet<>(originals);
	}

}
