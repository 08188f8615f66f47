package io.github.zitadelstarter.codegen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.lang.model.SourceVersion;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/**
 * The naming rules and the proto3-to-Java type mapping of the generated code.
 * <ul>
 * <li>package {@code zitadel.<api>.v2} is {@code io.github.zitadelstarter.api.<api>} ({@code org}
 * is {@code organization}, underscores are dropped), {@code zitadel.<api>.v2beta} is
 * {@code ...api.<api>.v2beta}, {@code zitadel.v1} is {@code ...api.v1};</li>
 * <li>a message or enum is a top-level type named by its proto name, a nested one by its outer
 * types' names and its own ({@code CreateUserRequest.Human} is {@code CreateUserRequestHuman}),
 * unless {@code renames.properties} names it otherwise;</li>
 * <li>a record component is the field's JSON name ({@code lowerCamelCase}), with a {@code _}
 * appended where that is a Java keyword or a method every object has;</li>
 * <li>proto3's scalar without presence is a primitive or a non-null {@code String}, {@code byte[]}
 * or enum; a field with presence ({@code optional}, a message, a oneof member) is {@code @Nullable}
 * and boxed; {@code repeated} is a {@code List}, {@code map} a {@code Map}, never {@code null}.</li>
 * </ul>
 */
final class TypeMapping {

	static final String BASE_PACKAGE = "io.github.zitadelstarter.api";

	static final ClassName NULLABLE = ClassName.get("org.jspecify.annotations", "Nullable");

	private static final Pattern ZITADEL_PACKAGE = Pattern.compile("zitadel\\.([a-z_]+)\\.(v2|v2beta)");

	private static final Map<String, String> API_NAMES = Map.of("org", "organization");

	// Names a record component cannot have (its accessor would override or clash with Object's).
	private static final Set<String> OBJECT_METHODS = Set.of("clone", "finalize", "getClass", "hashCode", "notify",
			"notifyAll", "toString", "wait", "equals");

	private final Map<String, String> renames;

	private final Map<String, ClassName> names = new HashMap<>();

	TypeMapping(Map<String, String> renames) {
		this.renames = renames;
	}

	static String javaPackage(String protoPackage) {
		Matcher matcher = ZITADEL_PACKAGE.matcher(protoPackage);
		if (matcher.matches()) {
			String api = API_NAMES.getOrDefault(matcher.group(1), matcher.group(1).replace("_", ""));
			return BASE_PACKAGE + "." + api + (matcher.group(2).equals("v2beta") ? ".v2beta" : "");
		}
		if (protoPackage.equals("zitadel.v1")) {
			return BASE_PACKAGE + ".v1";
		}
		if (protoPackage.equals("google.protobuf")) {
			return BASE_PACKAGE + ".protobuf";
		}
		throw new IllegalArgumentException("no Java package for proto package " + protoPackage);
	}

	/** The generated type of a message or enum. */
	ClassName className(GenericDescriptor type) {
		return this.names.computeIfAbsent(type.getFullName(), (fullName) -> {
			String javaPackage = javaPackage(type.getFile().getPackage());
			String renamed = this.renames.get(fullName);
			if (renamed != null) {
				return ClassName.get(javaPackage, renamed);
			}
			String relative = fullName.substring(type.getFile().getPackage().length() + 1);
			return ClassName.get(javaPackage, relative.replace(".", ""));
		});
	}

	/** The record component of a field. */
	static String componentName(FieldDescriptor field) {
		String name = field.getJsonName();
		return (SourceVersion.isKeyword(name) || OBJECT_METHODS.contains(name)) ? name + "_" : name;
	}

	/** Google's value types, which are Java types rather than generated records. */
	static boolean isWellKnownValue(Descriptor message) {
		return wellKnown(message) != null;
	}

	private static TypeName wellKnown(Descriptor message) {
		return switch (message.getFullName()) {
			case "google.protobuf.Timestamp" -> ClassName.get("java.time", "Instant");
			case "google.protobuf.Duration" -> ClassName.get("java.time", "Duration");
			case "google.protobuf.Struct" -> ParameterizedTypeName.get(ClassName.get(Map.class),
					ClassName.get(String.class), ClassName.get(Object.class));
			case "google.protobuf.ListValue" -> ParameterizedTypeName.get(ClassName.get(List.class),
					ClassName.get(Object.class));
			case "google.protobuf.Value" -> ClassName.get(Object.class);
			case "google.protobuf.StringValue" -> ClassName.get(String.class);
			case "google.protobuf.BoolValue" -> TypeName.BOOLEAN.box();
			case "google.protobuf.Int32Value", "google.protobuf.UInt32Value" -> TypeName.INT.box();
			case "google.protobuf.Int64Value", "google.protobuf.UInt64Value" -> TypeName.LONG.box();
			case "google.protobuf.DoubleValue" -> TypeName.DOUBLE.box();
			case "google.protobuf.FloatValue" -> TypeName.FLOAT.box();
			case "google.protobuf.BytesValue" -> ArrayTypeName.of(TypeName.BYTE);
			default -> null;
		};
	}

	/** Whether a field reads as proto3's default when absent rather than as {@code null}. */
	static boolean hasPresence(FieldDescriptor field) {
		return !field.isRepeated() && field.hasPresence();
	}

	/** Whether a field's Java value is a generated record (never equal to a proto3 default). */
	static boolean isRecord(FieldDescriptor field) {
		return !field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
				&& !isWellKnownValue(field.getMessageType());
	}

	/** Whether a field is a 64-bit integer, which proto3's JSON writes as a string. */
	static boolean is64Bit(FieldDescriptor field) {
		return field.getJavaType() == FieldDescriptor.JavaType.LONG;
	}

	/** The Java type of a record component, with {@code @Nullable} where the field has presence. */
	TypeName componentType(FieldDescriptor field) {
		if (field.isMapField()) {
			Descriptor entry = field.getMessageType();
			return ParameterizedTypeName.get(ClassName.get(Map.class), valueType(entry.findFieldByName("key")).box(),
					valueType(entry.findFieldByName("value")).box());
		}
		if (field.isRepeated()) {
			return ParameterizedTypeName.get(ClassName.get(List.class), valueType(field).box());
		}
		TypeName type = valueType(field);
		if (hasPresence(field)) {
			return type.box().annotated(AnnotationSpec.builder(NULLABLE).build());
		}
		return type;
	}

	/** The Java type of one value of a field. */
	TypeName valueType(FieldDescriptor field) {
		return switch (field.getJavaType()) {
			case INT -> TypeName.INT;
			case LONG -> TypeName.LONG;
			case FLOAT -> TypeName.FLOAT;
			case DOUBLE -> TypeName.DOUBLE;
			case BOOLEAN -> TypeName.BOOLEAN;
			case STRING -> ClassName.get(String.class);
			case BYTE_STRING -> ArrayTypeName.of(TypeName.BYTE);
			case ENUM -> className(field.getEnumType());
			case MESSAGE -> {
				TypeName wellKnown = wellKnown(field.getMessageType());
				yield (wellKnown != null) ? wellKnown : className(field.getMessageType());
			}
		};
	}

	/** The constant of an enum that proto3 reads when a field is absent: its value 0. */
	static String defaultConstant(EnumDescriptor type) {
		return type.findValueByNumber(0).getName();
	}

}
