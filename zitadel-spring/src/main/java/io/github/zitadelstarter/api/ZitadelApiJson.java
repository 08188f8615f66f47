package io.github.zitadelstarter.api;

import java.math.BigDecimal;
import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
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
 * <li>absent ({@code null}) fields are omitted;</li>
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
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
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
