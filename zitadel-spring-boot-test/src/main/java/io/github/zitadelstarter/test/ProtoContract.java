package io.github.zitadelstarter.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.protobuf.Any;
import com.google.protobuf.Api;
import com.google.protobuf.BoolValue;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Empty;
import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.SourceContext;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Type;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.JsonFormat;
import com.google.protobuf.util.JsonFormat.TypeRegistry;
import com.google.protobuf.util.Timestamps;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks JSON bodies against ZITADEL's own proto definitions, the way ZITADEL's Connect handlers
 * read and write them. The definitions are the descriptors that ZITADEL's Go SDK embeds, for one
 * released API version ({@code zitadel-v2-descriptors.binpb}, see
 * {@code zitadel-spring/src/main/proto-descriptors/README.md}), the same file the typed clients are
 * generated from. The local ZITADEL checks every request it receives with it; a test can check the
 * calls a local ZITADEL recorded ({@link #assertConforms(List)}) or single bodies.
 * <p>
 * A body is parsed strictly (unknown fields fail) into the RPC's input or output message, printed
 * back as proto3 JSON and compared with what was sent, field by field. Equal in that comparison:
 * a field without presence sent with its default value and the absent field, {@code null} and
 * absent, timestamps and durations naming the same instant or length, and, in requests only, a
 * number sent as a JSON number or as a string (ZITADEL's Go protojson reads both; it always
 * writes 64-bit integers as strings, so answers must too).
 */
public final class ProtoContract {

	/** A Connect procedure path: {@code /zitadel.<package>.<Service>/<Method>}. */
	private static final Pattern RPC_PATH = Pattern
		.compile("/(zitadel(?:\\.[a-z0-9_]+)+\\.[A-Z][A-Za-z0-9]*)/([A-Z][A-Za-z0-9]*)");

	/** Connect error codes and the HTTP status each is answered with (connectrpc.com/docs/protocol). */
	private static final Map<String, Integer> CONNECT_CODES = Map.ofEntries(Map.entry("canceled", 499),
			Map.entry("unknown", 500), Map.entry("invalid_argument", 400), Map.entry("deadline_exceeded", 504),
			Map.entry("not_found", 404), Map.entry("already_exists", 409), Map.entry("permission_denied", 403),
			Map.entry("resource_exhausted", 429), Map.entry("failed_precondition", 400), Map.entry("aborted", 409),
			Map.entry("out_of_range", 400), Map.entry("unimplemented", 501), Map.entry("internal", 500),
			Map.entry("unavailable", 503), Map.entry("data_loss", 500), Map.entry("unauthenticated", 401));

	private static final Set<String> ERROR_FIELDS = Set.of("code", "message", "details");

	private static final Set<String> ERROR_DETAIL_FIELDS = Set.of("type", "value", "debug");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProtoContract() {
	}

	/**
	 * Every RPC of ZITADEL's v2 services in the descriptors, by its name
	 * ({@code zitadel.user.v2.UserService/CreateUser}), in the descriptors' order. They are read
	 * once per JVM, on first use.
	 * @return the RPCs
	 */
	public static Map<String, MethodDescriptor> rpcs() {
		return Descriptors.METHODS;
	}

	/**
	 * Asserts that a request body is what ZITADEL's proto allows for the RPC.
	 * @param rpc the RPC, such as {@code zitadel.user.v2.UserService/CreateUser}
	 * @param json the request body
	 */
	public static void assertRequestConforms(String rpc, String json) {
		failOn(rpc, requestProblems(requireMethod(rpc), json));
	}

	/**
	 * Asserts that a (successful) response body is what ZITADEL's proto gives for the RPC, in
	 * the form ZITADEL writes it.
	 * @param rpc the RPC, such as {@code zitadel.user.v2.UserService/CreateUser}
	 * @param json the response body
	 */
	public static void assertResponseConforms(String rpc, String json) {
		failOn(rpc + " response", responseProblems(requireMethod(rpc), json));
	}

	/**
	 * Asserts that every Connect call among the calls conforms: its request body, its response
	 * body if it was answered 200, otherwise its Connect error body. Other calls are left out.
	 * @param calls the calls, as a {@code LocalZitadel} recorded them
	 */
	public static void assertConforms(List<ApiCall> calls) {
		List<String> failures = new ArrayList<>();
		for (ApiCall call : calls) {
			Matcher rpcPath = RPC_PATH.matcher(call.path());
			if (!rpcPath.matches()) {
				continue;
			}
			String rpc = rpcPath.group(1) + "/" + rpcPath.group(2);
			try {
				if (!"POST".equals(call.method())) {
					throw new AssertionError(rpc + ": Connect unary calls are POSTs, was " + call.method());
				}
				assertRequestConforms(rpc, call.body());
				if (call.status() == 200) {
					assertResponseConforms(rpc, call.responseBody());
				}
				else {
					assertConnectError(rpc, call.status(), call.responseBody());
				}
			}
			catch (AssertionError ex) {
				failures.add(call + ": " + ex.getMessage());
			}
		}
		if (!failures.isEmpty()) {
			throw new AssertionError(String.join("\n", failures));
		}
	}

	/**
	 * Whether an enum value's name is that of an enum's default (its value 0) in ZITADEL's
	 * descriptors, such as {@code USER_STATE_UNSPECIFIED} or {@code TEXT_QUERY_METHOD_EQUALS}.
	 * ZITADEL prefixes its enum values with their enum's name, so the name says which enum.
	 */
	static boolean isDefaultEnumValue(String name) {
		return Descriptors.DEFAULT_ENUM_VALUES.contains(name);
	}

	/** The RPC of a name such as {@code zitadel.user.v2.UserService/CreateUser}, if there is one. */
	static @Nullable MethodDescriptor method(String rpc) {
		return Descriptors.METHODS.get(rpc);
	}

	/** What keeps a request body from being the RPC's input message; none if it is. */
	static List<String> requestProblems(MethodDescriptor method, String json) {
		return problems(method.getInputType(), Direction.REQUEST, json);
	}

	/** What keeps a response body from being the RPC's output message as ZITADEL writes it; none if it is. */
	static List<String> responseProblems(MethodDescriptor method, String json) {
		return problems(method.getOutputType(), Direction.RESPONSE, json);
	}

	private static MethodDescriptor requireMethod(String rpc) {
		MethodDescriptor method = method(rpc);
		if (method == null) {
			throw new AssertionError(
					rpc + ": no such RPC in ZITADEL's proto definitions (" + Descriptors.DESCRIPTOR_SET + ")");
		}
		return method;
	}

	private static void assertConnectError(String rpc, int status, String json) {
		List<String> problems = new ArrayList<>();
		JsonNode error = readObject("error answer", json, problems);
		if (error == null) {
			failOn(rpc + " error answer " + status, problems);
			return;
		}
		for (String name : error.propertyNames()) {
			if (!ERROR_FIELDS.contains(name)) {
				problems.add("field " + name + " is not in a Connect error (code, message, details)");
			}
		}
		JsonNode code = error.get("code");
		Integer codeStatus = (code != null && code.isString()) ? CONNECT_CODES.get(code.stringValue()) : null;
		if (code == null || codeStatus == null) {
			problems.add("code must be one of " + new TreeSet<>(CONNECT_CODES.keySet()) + ", was " + code);
		}
		else if (codeStatus != status) {
			problems.add("code " + code.stringValue() + " is answered with HTTP " + codeStatus + ", was " + status);
		}
		JsonNode message = error.get("message");
		if (message != null && !message.isString()) {
			problems.add("message must be a string, was " + message);
		}
		JsonNode details = error.get("details");
		if (details != null) {
			if (!details.isArray()) {
				problems.add("details must be an array, was " + details);
			}
			else {
				for (int i = 0; i < details.size(); i++) {
					JsonNode detail = details.get(i);
					if (!detail.isObject() || detail.get("type") == null || !detail.get("type").isString()
							|| detail.get("value") == null || !detail.get("value").isString()
							|| !ERROR_DETAIL_FIELDS.containsAll(detail.propertyNames())) {
						problems.add("details[" + i + "] must be {\"type\": ..., \"value\": <base64>}, was " + detail);
					}
				}
			}
		}
		failOn(rpc + " error answer " + status, problems);
	}

	private static List<String> problems(Descriptor type, Direction direction, String json) {
		List<String> problems = new ArrayList<>();
		JsonNode sent = readObject("body", json, problems);
		if (sent == null) {
			return problems;
		}
		checkMessage(sent, type, "", problems);
		if (!problems.isEmpty()) {
			return problems;
		}
		DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
		String printed;
		try {
			JsonFormat.parser().usingTypeRegistry(Descriptors.TYPES).merge(json, message);
			printed = JsonFormat.printer().usingTypeRegistry(Descriptors.TYPES).print(message);
		}
		catch (InvalidProtocolBufferException ex) {
			problems.add("not proto3 JSON of " + type.getFullName() + ": " + ex.getMessage());
			return problems;
		}
		compareMessage(sent, JSON.readTree(printed), type, "", direction, problems);
		return problems;
	}

	private static @Nullable JsonNode readObject(String what, String json, List<String> problems) {
		if (json.isBlank()) {
			problems.add("the " + what + " is empty; Connect's JSON needs an object, at least {}");
			return null;
		}
		JsonNode tree;
		try {
			tree = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			problems.add("the " + what + " is not JSON: " + ex.getOriginalMessage());
			return null;
		}
		if (!tree.isObject()) {
			problems.add("the " + what + " must be a JSON object, was " + tree);
			return null;
		}
		return tree;
	}

	private static void failOn(String subject, List<String> problems) {
		if (!problems.isEmpty()) {
			throw new AssertionError(problems.stream().map((problem) -> subject + ": " + problem)
				.collect(Collectors.joining("\n")));
		}
	}

	// What protojson can read at all: known fields, values of the right JSON kind, enum names.

	private static void checkMessage(JsonNode node, Descriptor type, String path, List<String> problems) {
		Map<OneofDescriptor, String> oneofs = new HashMap<>();
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			String at = path + property.getKey();
			FieldDescriptor field = field(type, property.getKey());
			if (field == null) {
				problems.add("field " + at + " is not in " + type.getFullName());
				continue;
			}
			if (!field.getJsonName().equals(property.getKey())) {
				problems.add("field " + at + " is written " + field.getJsonName() + " in proto3 JSON");
			}
			OneofDescriptor oneof = field.getRealContainingOneof();
			if (oneof != null && !property.getValue().isNull()) {
				String other = oneofs.putIfAbsent(oneof, at);
				if (other != null) {
					problems.add("fields " + other + " and " + at + " are alternatives of oneof " + oneof.getName()
							+ " in " + type.getFullName() + ": send one");
				}
			}
			checkValue(property.getValue(), field, at, problems);
		}
	}

	private static void checkValue(JsonNode value, FieldDescriptor field, String at, List<String> problems) {
		if (value.isNull()) {
			return;
		}
		if (field.isMapField()) {
			if (!value.isObject()) {
				problems.add(mismatch(at, "a JSON object", field, value));
				return;
			}
			FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				checkSingle(entry.getValue(), valueField, at + "[\"" + entry.getKey() + "\"]", problems);
			}
		}
		else if (field.isRepeated()) {
			if (!value.isArray()) {
				problems.add(mismatch(at, "a JSON array", field, value));
				return;
			}
			for (int i = 0; i < value.size(); i++) {
				checkSingle(value.get(i), field, at + "[" + i + "]", problems);
			}
		}
		else {
			checkSingle(value, field, at, problems);
		}
	}

	private static void checkSingle(JsonNode value, FieldDescriptor field, String at, List<String> problems) {
		switch (field.getJavaType()) {
			case MESSAGE -> checkMessageValue(value, field, at, problems);
			case ENUM -> {
				if (value.isString()) {
					if (field.getEnumType().findValueByName(value.stringValue()) == null) {
						problems.add("field " + at + " is " + value + ", which is not a value of "
								+ field.getEnumType().getFullName() + " " + field.getEnumType()
									.getValues()
									.stream()
									.map(EnumValueDescriptor::getName)
									.toList());
					}
				}
				else if (!value.isIntegralNumber()) {
					problems.add(mismatch(at, "an enum value name", field, value));
				}
			}
			case STRING, BYTE_STRING -> {
				if (!value.isString()) {
					problems.add(mismatch(at, "a JSON string", field, value));
				}
			}
			case BOOLEAN -> {
				if (!value.isBoolean()) {
					problems.add(mismatch(at, "true or false", field, value));
				}
			}
			case INT, LONG -> {
				if (!value.isIntegralNumber() && !(value.isString() && value.stringValue().matches("-?[0-9]+"))) {
					problems.add(mismatch(at, "an integer", field, value));
				}
			}
			case FLOAT, DOUBLE -> {
				if (!value.isNumber() && !value.isString()) {
					problems.add(mismatch(at, "a number", field, value));
				}
			}
		}
	}

	private static void checkMessageValue(JsonNode value, FieldDescriptor field, String at, List<String> problems) {
		Descriptor type = field.getMessageType();
		switch (type.getFullName()) {
			case "google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.FieldMask" -> {
				if (!value.isString()) {
					problems.add(mismatch(at, "a JSON string", field, value));
				}
			}
			case "google.protobuf.Value" -> {
			}
			case "google.protobuf.ListValue" -> {
				if (!value.isArray()) {
					problems.add(mismatch(at, "a JSON array", field, value));
				}
			}
			case "google.protobuf.Struct", "google.protobuf.Any" -> {
				if (!value.isObject()) {
					problems.add(mismatch(at, "a JSON object", field, value));
				}
			}
			default -> {
				if (isWrapper(type)) {
					checkSingle(value, type.findFieldByName("value"), at, problems);
				}
				else if (!value.isObject()) {
					problems.add(mismatch(at, "a JSON object", field, value));
				}
				else {
					checkMessage(value, type, at + ".", problems);
				}
			}
		}
	}

	private static String mismatch(String at, String expected, FieldDescriptor field, JsonNode value) {
		return "field " + at + " must be " + expected + " (" + typeName(field) + " in "
				+ field.getContainingType().getFullName() + "), was " + kind(value);
	}

	// What protojson would write back: the same fields with the same values, in canonical form.

	private static void compareMessage(JsonNode sent, JsonNode printed, Descriptor type, String path,
			Direction direction, List<String> problems) {
		for (Map.Entry<String, JsonNode> property : sent.properties()) {
			// checkMessage found every field
			FieldDescriptor field = Objects.requireNonNull(field(type, property.getKey()));
			String at = path + property.getKey();
			JsonNode value = property.getValue();
			JsonNode back = printed.get(field.getJsonName());
			if (back == null) {
				if (!value.isNull() && (field.hasPresence() || !isDefault(value, field))) {
					problems.add("field " + at + " was sent as " + value + " but reads as absent");
				}
			}
			else if (value.isNull()) {
				problems.add("field " + at + " was sent as null but reads as " + back);
			}
			else {
				compareValue(value, back, field, at, direction, problems);
			}
		}
	}

	private static void compareValue(JsonNode sent, JsonNode back, FieldDescriptor field, String at,
			Direction direction, List<String> problems) {
		if (field.isMapField()) {
			FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
			for (Map.Entry<String, JsonNode> entry : sent.properties()) {
				JsonNode entryBack = back.get(entry.getKey());
				String entryAt = at + "[\"" + entry.getKey() + "\"]";
				if (entryBack == null) {
					problems.add("field " + entryAt + " was sent but reads as absent");
				}
				else {
					compareSingle(entry.getValue(), entryBack, valueField, entryAt, direction, problems);
				}
			}
		}
		else if (field.isRepeated()) {
			for (int i = 0; i < sent.size(); i++) {
				compareSingle(sent.get(i), back.get(i), field, at + "[" + i + "]", direction, problems);
			}
		}
		else {
			compareSingle(sent, back, field, at, direction, problems);
		}
	}

	private static void compareSingle(JsonNode sent, JsonNode back, FieldDescriptor field, String at,
			Direction direction, List<String> problems) {
		switch (field.getJavaType()) {
			case MESSAGE -> compareMessageValue(sent, back, field, at, direction, problems);
			case ENUM -> {
				if (!sent.isString()) {
					problems.add("field " + at + " must name its enum value in proto3 JSON (" + back + "), was " + sent);
				}
			}
			case INT, LONG, FLOAT, DOUBLE -> compareNumber(sent, back, field, at, direction, problems);
			case BYTE_STRING -> {
				if (!Arrays.equals(base64(sent.stringValue()), base64(back.stringValue()))) {
					problems.add("field " + at + " was sent as " + sent + " but reads as " + back);
				}
			}
			default -> {
				if (!sent.equals(back)) {
					problems.add("field " + at + " was sent as " + sent + " but reads as " + back);
				}
			}
		}
	}

	private static void compareNumber(JsonNode sent, JsonNode back, FieldDescriptor field, String at,
			Direction direction, List<String> problems) {
		if (sent.isNumber() != back.isNumber() && direction == Direction.RESPONSE) {
			problems.add("field " + at + " is " + typeName(field) + ", which proto3 JSON writes as " + back + ", was "
					+ sent);
		}
		else if (!sameNumber(text(sent), text(back))) {
			problems.add("field " + at + " was sent as " + sent + " but reads as " + back);
		}
	}

	private static String text(JsonNode value) {
		return value.isString() ? value.stringValue() : value.asString();
	}

	private static void compareMessageValue(JsonNode sent, JsonNode back, FieldDescriptor field, String at,
			Direction direction, List<String> problems) {
		Descriptor type = field.getMessageType();
		try {
			switch (type.getFullName()) {
				case "google.protobuf.Timestamp" -> {
					if (!Timestamps.parse(sent.stringValue()).equals(Timestamps.parse(back.stringValue()))) {
						problems.add("field " + at + " was sent as " + sent + " but reads as " + back);
					}
				}
				case "google.protobuf.Duration" -> {
					if (!Durations.parse(sent.stringValue()).equals(Durations.parse(back.stringValue()))) {
						problems.add("field " + at + " was sent as " + sent + " but reads as " + back);
					}
				}
				case "google.protobuf.Value", "google.protobuf.ListValue", "google.protobuf.Struct",
						"google.protobuf.Any", "google.protobuf.FieldMask" -> {
					if (!sameJson(sent, back)) {
						problems.add("field " + at + " was sent as " + sent + " but reads as " + back);
					}
				}
				default -> {
					if (isWrapper(type)) {
						compareSingle(sent, back, type.findFieldByName("value"), at, direction, problems);
					}
					else {
						compareMessage(sent, back, type, at + ".", direction, problems);
					}
				}
			}
		}
		catch (ParseException ex) {
			problems.add("field " + at + " is not a valid " + type.getFullName() + ": " + sent);
		}
	}

	private static boolean isDefault(JsonNode value, FieldDescriptor field) {
		if (field.isRepeated()) {
			return value.isEmpty() && (value.isArray() || value.isObject());
		}
		return switch (field.getJavaType()) {
			case STRING, BYTE_STRING -> value.isString() && value.stringValue().isEmpty();
			case BOOLEAN -> value.isBoolean() && !value.booleanValue();
			case INT, LONG, FLOAT, DOUBLE -> sameNumber(text(value), "0");
			case ENUM -> (value.isString() && field.getEnumType().findValueByNumber(0) != null
					&& field.getEnumType().findValueByNumber(0).getName().equals(value.stringValue()))
					|| (value.isIntegralNumber() && value.asInt() == 0);
			case MESSAGE -> false;
		};
	}

	private static boolean sameJson(JsonNode a, JsonNode b) {
		if (a.isNumber() && b.isNumber()) {
			return a.decimalValue().compareTo(b.decimalValue()) == 0;
		}
		if (a.isArray() && b.isArray()) {
			if (a.size() != b.size()) {
				return false;
			}
			for (int i = 0; i < a.size(); i++) {
				if (!sameJson(a.get(i), b.get(i))) {
					return false;
				}
			}
			return true;
		}
		if (a.isObject() && b.isObject()) {
			if (!a.propertyNames().equals(b.propertyNames())) {
				return false;
			}
			return a.properties().stream().allMatch((e) -> sameJson(e.getValue(), b.get(e.getKey())));
		}
		return a.equals(b);
	}

	private static boolean sameNumber(String a, String b) {
		try {
			return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
		}
		catch (NumberFormatException ex) {
			return a.equals(b);
		}
	}

	private static byte[] base64(String text) {
		return (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) ? Base64.getUrlDecoder().decode(text)
				: Base64.getDecoder().decode(text);
	}

	private static @Nullable FieldDescriptor field(Descriptor type, String jsonKey) {
		for (FieldDescriptor field : type.getFields()) {
			if (field.getJsonName().equals(jsonKey) || field.getName().equals(jsonKey)) {
				return field;
			}
		}
		return null;
	}

	private static boolean isWrapper(Descriptor type) {
		return type.getFile().getName().equals("google/protobuf/wrappers.proto");
	}

	private static String typeName(FieldDescriptor field) {
		String name = switch (field.getJavaType()) {
			case MESSAGE -> field.getMessageType().getFullName();
			case ENUM -> field.getEnumType().getFullName();
			default -> field.getType().name().toLowerCase(Locale.ROOT);
		};
		return field.isRepeated() && !field.isMapField() ? "repeated " + name : name;
	}

	private static String kind(JsonNode value) {
		if (value.isObject()) {
			return "an object " + value;
		}
		if (value.isArray()) {
			return "an array " + value;
		}
		if (value.isString()) {
			return "the string " + value;
		}
		if (value.isNumber()) {
			return "the number " + value;
		}
		return value.toString();
	}

	private enum Direction {

		REQUEST, RESPONSE

	}

	/**
	 * ZITADEL's services, read once from the descriptor set extracted from ZITADEL's Go SDK
	 * ({@code zitadel-spring/src/main/proto-descriptors/README.md}).
	 */
	static final class Descriptors {

		/** Packaged with the local ZITADEL from the library's one checked-in file. */
		static final String DESCRIPTOR_SET = "zitadel-v2-descriptors.binpb";

		/** Google's well-known types, as protobuf-java has them, so JsonFormat knows them for what they are. */
		private static final Map<String, FileDescriptor> WELL_KNOWN = Stream
			.of(Any.getDescriptor(), Api.getDescriptor(), DescriptorProtos.FileDescriptorProto.getDescriptor(),
					Duration.getDescriptor(), Empty.getDescriptor(), FieldMask.getDescriptor(),
					SourceContext.getDescriptor(), Struct.getDescriptor(), Timestamp.getDescriptor(),
					Type.getDescriptor(), BoolValue.getDescriptor())
			.map(Descriptor::getFile)
			.collect(Collectors.toUnmodifiableMap(FileDescriptor::getName, (file) -> file));

		/**
		 * Imports that only declare options (HTTP mapping, field behaviour, validation, OpenAPI
		 * documentation): they never change a message's JSON, so the files are built without them.
		 */
		private static final Set<String> OPTION_ONLY = Set.of("google/api/annotations.proto",
				"google/api/http.proto", "google/api/field_behavior.proto", "validate/validate.proto",
				"protoc-gen-openapiv2/options/annotations.proto", "protoc-gen-openapiv2/options/openapiv2.proto");

		static final Map<String, MethodDescriptor> METHODS;

		static final TypeRegistry TYPES;

		static final Set<String> DEFAULT_ENUM_VALUES;

		static {
			TypeRegistry.Builder types = TypeRegistry.newBuilder();
			Map<String, MethodDescriptor> methods = new LinkedHashMap<>();
			Set<String> defaultEnumValues = new HashSet<>();
			for (FileDescriptor file : load()) {
				types.add(file.getMessageTypes());
				file.getEnumTypes().forEach((type) -> defaultEnumValues.add(type.getValues().get(0).getName()));
				file.getMessageTypes().forEach((type) -> addDefaultEnumValues(type, defaultEnumValues));
				for (ServiceDescriptor service : file.getServices()) {
					for (MethodDescriptor method : service.getMethods()) {
						methods.put(service.getFullName() + "/" + method.getName(), method);
					}
				}
			}
			METHODS = Collections.unmodifiableMap(methods);
			DEFAULT_ENUM_VALUES = Set.copyOf(defaultEnumValues);
			TYPES = types.build();
		}

		private Descriptors() {
		}

		private static void addDefaultEnumValues(Descriptor type, Set<String> names) {
			type.getEnumTypes().forEach((nested) -> names.add(nested.getValues().get(0).getName()));
			type.getNestedTypes().forEach((nested) -> addDefaultEnumValues(nested, names));
		}

		private static List<FileDescriptor> load() {
			try (InputStream in = ProtoContract.class.getResourceAsStream(DESCRIPTOR_SET)) {
				if (in == null) {
					throw new IllegalStateException(DESCRIPTOR_SET + " is missing from the class path, next to "
							+ ProtoContract.class.getName());
				}
				return build(FileDescriptorSet.parseFrom(in));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * The set's files, each built after its dependencies: the set's own, the well-known types
		 * and, left out, the option-only imports. Fails if an import is none of these, or if any
		 * field or method still has a type that no file defines.
		 * @param set the descriptor set
		 * @return the set's files
		 */
		static List<FileDescriptor> build(FileDescriptorSet set) {
			Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
			for (FileDescriptorProto proto : set.getFileList()) {
				if (protos.put(proto.getName(), proto) != null) {
					throw new IllegalStateException(proto.getName() + " is in the descriptor set twice");
				}
			}
			Map<String, FileDescriptor> built = new LinkedHashMap<>();
			for (String name : protos.keySet()) {
				build(name, protos, built, new ArrayList<>());
			}
			Set<FileDescriptor> known = new HashSet<>(built.values());
			known.addAll(WELL_KNOWN.values());
			List<String> unresolved = new ArrayList<>();
			for (FileDescriptor file : built.values()) {
				for (Descriptor type : file.getMessageTypes()) {
					findUnresolved(type, known, unresolved);
				}
				for (FieldDescriptor extension : file.getExtensions()) {
					findUnresolved(extension, known, unresolved);
				}
				for (ServiceDescriptor service : file.getServices()) {
					for (MethodDescriptor method : service.getMethods()) {
						for (Descriptor type : List.of(method.getInputType(), method.getOutputType())) {
							if (!known.contains(type.getFile())) {
								unresolved.add(method.getFullName() + " uses " + type.getFullName());
							}
						}
					}
				}
			}
			if (!unresolved.isEmpty()) {
				throw new IllegalStateException("Types that neither the descriptor set nor a well-known type defines:\n"
						+ String.join("\n", unresolved));
			}
			return List.copyOf(built.values());
		}

		private static FileDescriptor build(String name, Map<String, FileDescriptorProto> protos,
				Map<String, FileDescriptor> built, List<String> importers) {
			FileDescriptor file = built.get(name);
			if (file != null) {
				return file;
			}
			if (importers.contains(name)) {
				throw new IllegalStateException("Import cycle: " + String.join(" -> ", importers) + " -> " + name);
			}
			FileDescriptorProto proto = Objects.requireNonNull(protos.get(name), name);
			importers.add(name);
			List<FileDescriptor> dependencies = new ArrayList<>();
			for (String dependency : proto.getDependencyList()) {
				if (protos.containsKey(dependency)) {
					dependencies.add(build(dependency, protos, built, importers));
				}
				else if (WELL_KNOWN.containsKey(dependency)) {
					dependencies.add(WELL_KNOWN.get(dependency));
				}
				else if (!OPTION_ONLY.contains(dependency)) {
					throw new IllegalStateException(name + " imports " + dependency
							+ ", which is not in the descriptor set, not a well-known type and not an option-only import");
				}
			}
			importers.remove(name);
			try {
				file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new), true);
			}
			catch (DescriptorValidationException ex) {
				throw new IllegalStateException(name + ": " + ex.getMessage(), ex);
			}
			built.put(name, file);
			return file;
		}

		private static void findUnresolved(Descriptor type, Set<FileDescriptor> known, List<String> unresolved) {
			for (FieldDescriptor field : type.getFields()) {
				findUnresolved(field, known, unresolved);
			}
			for (FieldDescriptor extension : type.getExtensions()) {
				findUnresolved(extension, known, unresolved);
			}
			for (Descriptor nested : type.getNestedTypes()) {
				findUnresolved(nested, known, unresolved);
			}
		}

		/** An unresolved type name becomes a placeholder in a file of its own, outside the known files. */
		private static void findUnresolved(FieldDescriptor field, Set<FileDescriptor> known, List<String> unresolved) {
			@Nullable FileDescriptor file = switch (field.getJavaType()) {
				case MESSAGE -> field.getMessageType().getFile();
				case ENUM -> field.getEnumType().getFile();
				default -> null;
			};
			if (file != null && !known.contains(file)) {
				unresolved.add(field.getFullName() + " has type " + typeName(field));
			}
			if (field.isExtension() && !known.contains(field.getContainingType().getFile())) {
				unresolved.add(field.getFullName() + " extends " + field.getContainingType().getFullName());
			}
		}

	}

}
