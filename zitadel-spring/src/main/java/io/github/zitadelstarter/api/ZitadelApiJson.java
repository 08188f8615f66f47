package io.github.zitadelstarter.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON of ZITADEL's v2 APIs, proto3's JSON mapping, as the typed clients read and write it.
 * The typed clients use this mapper rather than the application's, so that the application's
 * {@code spring.jackson.*} settings (a naming strategy, dates as numbers, failing on unknown
 * properties) cannot change what is sent to ZITADEL or break reading what it answers.
 * <ul>
 * <li>as proto3's JSON mapping writes them, fields without presence are omitted when they hold
 * proto3's default ({@code ""}, {@code 0}, {@code false}, an enum's value 0, an empty list or map),
 * and every absent ({@code null}) field is omitted; a field with presence ({@code optional}),
 * which the generated records mark {@code @JsonInclude(NON_NULL)}, is written whenever it is set;</li>
 * <li>what ZITADEL leaves out reads as proto3's default (the generated records' constructors see
 * to it), and a {@code null} for a number or a boolean reads as 0 or {@code false};</li>
 * <li>fields and enum values that a newer ZITADEL adds are tolerated: unknown properties are
 * ignored, an unknown enum value reads as the enum's {@code ..._UNSPECIFIED} constant;</li>
 * <li>{@code google.protobuf.Timestamp} is an {@link java.time.Instant} in RFC 3339,
 * {@code google.protobuf.Duration} a {@link Duration} written {@code "1.500s"}, {@code bytes}
 * a {@code byte[]} in base64; 64-bit integers are written as strings where the records say
 * so with {@code @JsonFormat(shape = STRING)}.</li>
 * </ul>
 */
public final class ZitadelApiJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.CUSTOM)
			.withValueFilter(Proto3Default.class))
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
		.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
		.addModule(new SimpleModule("proto3-duration").addSerializer(Duration.class, new DurationSerializer())
			.addDeserializer(Duration.class, new DurationDeserializer()))
		.build();

	private ZitadelApiJson() {
	}

	/**
	 * The mapper; immutable and shared.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * What proto3's JSON mapping leaves out of a field without presence: {@code null} and the
	 * field's default value. Jackson calls {@code equals} with the value; {@code true} omits it.
	 */
	@SuppressWarnings("EqualsHashCode")
	static final class Proto3Default {

		@Override
		public boolean equals(@Nullable Object value) {
			if (value == null) {
				return true;
			}
			if (value instanceof CharSequence text) {
				return text.isEmpty();
			}
			if (value instanceof Boolean bool) {
				return !bool;
			}
			if (value instanceof Number number) {
				return number.doubleValue() == 0 && !(value instanceof Double d && d.equals(-0.0d))
						&& !(value instanceof Float f && f.equals(-0.0f));
			}
			if (value instanceof Enum<?> constant) {
				return constant.ordinal() == 0;
			}
			if (value instanceof Collection<?> collection) {
				return collection.isEmpty();
			}
			if (value instanceof Map<?, ?> map) {
				return map.isEmpty();
			}
			if (value instanceof byte[] bytes) {
				return bytes.length == 0;
			}
			return false;
		}

		@Override
		public int hashCode() {
			return 0;
		}

	}

	/** proto3's JSON form of a Duration: seconds with up to 9 fractional digits, then "s". */
	private static final class DurationSerializer extends ValueSerializer<Duration> {

		@Override
		public void serialize(Duration value, JsonGenerator generator, SerializationContext context) {
			BigDecimal seconds = BigDecimal.valueOf(value.getSeconds()).add(BigDecimal.valueOf(value.getNano(), 9));
			generator.writeString(seconds.stripTrailingZeros().toPlainString() + "s");
		}

	}

	private static final class DurationDeserializer extends ValueDeserializer<Duration> {

		@Override
		public Duration deserialize(JsonParser parser, DeserializationContext context) {
			String text = parser.getValueAsString();
			if (text == null || !text.endsWith("s")) {
				return (Duration) context.handleWeirdStringValue(Duration.class, text,
						"not a proto3 Duration such as \"1.5s\"");
			}
			BigDecimal seconds = new BigDecimal(text.substring(0, text.length() - 1));
			return Duration.ofSeconds(seconds.longValue(),
					seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
		}

	}

}
