package org.yiwang.catalog.item;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The editable elements of an item version, to the national standard, validated as a whole. Every violation is a
 * 400 naming the offending field (e.g. {@code materials[2].dataResource}).
 * <ul>
 * <li>basic elements (基本要素): name, type, level, competent department, implementing body, legal basis — the code
 * is the aggregate's identity;</li>
 * <li>handling elements (办理要素): legal and promised time limits in working days (promised ≤ legal), fees, visits
 * (跑动次数), online depth 1–4, channels, applicable subjects, preconditions, steps, locations and hours, contacts;</li>
 * <li>materials with their source, and the licence type an approved case issues;</li>
 * <li>browsing and search aids: life events, aliases (别名, e.g. local names) and keywords.</li>
 * </ul>
 * Missing optional elements get defaults so that a minimal definition (as older clients send) stays valid.
 */
public record ItemDefinition(String name, ItemType type, ItemLevel level, String departmentCode,
		String departmentName, String implementingBody, String legalBasis, int legalDays, int promisedDays,
		List<Fee> fees, int visits, int onlineDepth, Set<Channel> channels, Set<SubjectType> subjects,
		List<String> preconditions, List<String> steps, List<Location> locations, Contacts contacts,
		List<Material> materials, String licenseType, String licenseName, int licenseValidityYears,
		Set<LifeEvent> lifeEvents, List<String> aliases, List<String> keywords) {

	private static final Pattern DEPARTMENT = Pattern.compile("^[A-Z]{2,6}$");

	private static final Pattern LICENSE_TYPE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

	public ItemDefinition {
		level = level == null ? ItemLevel.HANDLING : level;
		implementingBody = implementingBody == null || implementingBody.isBlank() ? departmentName : implementingBody;
		fees = copy(fees);
		channels = channels == null || channels.isEmpty() ? Set.of(Channel.WINDOW) : Set.copyOf(channels);
		subjects = subjects == null || subjects.isEmpty() ? Set.of(SubjectType.NATURAL_PERSON, SubjectType.LEGAL_PERSON)
				: Set.copyOf(subjects);
		onlineDepth = onlineDepth == 0 ? 1 : onlineDepth;
		preconditions = copy(preconditions);
		steps = copy(steps);
		locations = copy(locations);
		contacts = contacts == null ? new Contacts("12345", "12345") : contacts;
		materials = copy(materials);
		lifeEvents = lifeEvents == null ? Set.of() : Set.copyOf(lifeEvents);
		aliases = copy(aliases);
		keywords = copy(keywords);
		validate(name, type, level, departmentCode, departmentName, implementingBody, legalBasis, legalDays,
				promisedDays, fees, visits, onlineDepth, channels, preconditions, steps, locations, contacts,
				materials, licenseType, licenseName, licenseValidityYears, aliases, keywords);
	}

	/** The basic elements only, everything else defaulted (what the first catalog version knew). */
	public ItemDefinition(String name, ItemType type, String departmentCode, String departmentName, String legalBasis,
			int legalDays, int promisedDays, String licenseType, String licenseName, int licenseValidityYears) {
		this(name, type, null, departmentCode, departmentName, null, legalBasis, legalDays, promisedDays, null, 1, 0,
				null, null, null, null, null, null, null, licenseType, licenseName, licenseValidityYears, null, null,
				null);
	}

	private static <T> List<T> copy(List<T> list) {
		if (list == null) {
			return List.of();
		}
		if (list.stream().anyMatch(java.util.Objects::isNull)) {
			throw ItemValidation.invalid("body", "lists must not contain null entries");
		}
		return List.copyOf(list);
	}

	@SuppressWarnings("java:S107")
	private static void validate(String name, ItemType type, ItemLevel level, String departmentCode,
			String departmentName, String implementingBody, String legalBasis, int legalDays, int promisedDays,
			List<Fee> fees, int visits, int onlineDepth, Set<Channel> channels, List<String> preconditions,
			List<String> steps, List<Location> locations, Contacts contacts, List<Material> materials,
			String licenseType, String licenseName, int licenseValidityYears, List<String> aliases,
			List<String> keywords) {
		ItemValidation.requireText(name, "name", 200);
		if (type == null) {
			throw ItemValidation.invalid("type", "must be one of PERMIT, CONFIRMATION, BENEFIT, LEVY, OTHER_POWER, PUBLIC_SERVICE");
		}
		if (departmentCode == null || !DEPARTMENT.matcher(departmentCode).matches()) {
			throw ItemValidation.invalid("departmentCode", "must be 2-6 upper-case letters, e.g. SCJG");
		}
		ItemValidation.requireText(departmentName, "departmentName", 100);
		ItemValidation.requireText(implementingBody, "implementingBody", 100);
		ItemValidation.requireText(legalBasis, "legalBasis", 500);
		ItemValidation.requireRange(legalDays, "legalDays", 0, 365);
		ItemValidation.requireRange(promisedDays, "promisedDays", 0, 365);
		if (promisedDays > legalDays) {
			throw ItemValidation.invalid("promisedDays", "must be <= legalDays (" + legalDays + ")");
		}
		for (int i = 0; i < fees.size(); i++) {
			fees.get(i).validate("fees[" + i + "]");
		}
		ItemValidation.requireRange(visits, "visits", 0, 5);
		ItemValidation.requireRange(onlineDepth, "onlineDepth", 1, 4);
		if (onlineDepth == 4 && visits != 0) {
			throw ItemValidation.invalid("visits", "must be 0 when onlineDepth is 4 (全程网办)");
		}
		if (onlineDepth >= 3 && !channels.contains(Channel.ONLINE) && !channels.contains(Channel.MOBILE)) {
			throw ItemValidation.invalid("channels", "must include ONLINE or MOBILE when onlineDepth is 3 or 4");
		}
		texts(preconditions, "preconditions", 300);
		texts(steps, "steps", 300);
		for (int i = 0; i < locations.size(); i++) {
			locations.get(i).validate("locations[" + i + "]");
		}
		contacts.validate();
		if (level != ItemLevel.HANDLING && (!materials.isEmpty() || licenseType != null)) {
			throw ItemValidation.invalid("materials",
					"only handling items (办理项) have materials and issue licences; this is a " + level);
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < materials.size(); i++) {
			Material material = materials.get(i);
			material.validate("materials[" + i + "]");
			if (!codes.add(material.code())) {
				throw ItemValidation.invalid("materials[" + i + "].code", "must be unique within the item");
			}
		}
		if (licenseType != null) {
			if (!LICENSE_TYPE.matcher(licenseType).matches()) {
				throw ItemValidation.invalid("licenseType", "must be an upper-case licence type code");
			}
			ItemValidation.requireText(licenseName, "licenseName", 100);
			ItemValidation.requireRange(licenseValidityYears, "licenseValidityYears", 0, 50);
		}
		else if (licenseName != null && !licenseName.isBlank()) {
			throw ItemValidation.invalid("licenseType", "required when licenseName is given");
		}
		texts(aliases, "aliases", 50);
		texts(keywords, "keywords", 50);
	}

	private static void texts(List<String> values, String field, int max) {
		if (values.size() > 50) {
			throw ItemValidation.invalid(field, "must have at most 50 entries");
		}
		for (int i = 0; i < values.size(); i++) {
			ItemValidation.requireText(values.get(i), field + "[" + i + "]", max);
		}
	}

	/** Subjects as an enum set, for filtering. */
	public Set<SubjectType> subjectSet() {
		return subjects.isEmpty() ? EnumSet.noneOf(SubjectType.class) : EnumSet.copyOf(subjects);
	}

	/** The materials an applicant needs regardless of the situation. */
	public List<Material> requiredMaterials() {
		return new ArrayList<>(materials.stream().filter(Material::required).toList());
	}

	/** True when the item charges nothing (不收费). */
	public boolean free() {
		return fees.stream().allMatch(f -> f.amount().signum() == 0);
	}

}
