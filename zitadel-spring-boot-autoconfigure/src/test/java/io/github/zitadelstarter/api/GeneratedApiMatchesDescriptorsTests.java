package io.github.zitadelstarter.api;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.lang.model.SourceVersion;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.github.zitadelstarter.test.ProtoContract;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.web.service.annotation.PostExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated code of {@code zitadel-spring} against ZITADEL's descriptors, the same set the
 * generator read ({@link ProtoContract#rpcs()}), checked independently of the generator: a
 * record for every message of ZITADEL's files with a component for every field that is not
 * deprecated, in field order, named by its JSON name, {@code @Nullable} exactly where the field
 * has presence; an enum for every enum with the same values in the same order; and for every
 * service a blocking and a reactive client with a method for every RPC that is not deprecated.
 * It fails when the descriptors are updated and the generated code is not, or the generator
 * drops something.
 */
class GeneratedApiMatchesDescriptorsTests {

	private static final Pattern ZITADEL_PACKAGE = Pattern.compile("zitadel\\.([a-z_]+)\\.(v2|v2beta)");

	private static final Set<String> OBJECT_METHODS = Set.of("clone", "finalize", "getClass", "hashCode", "notify",
			"notifyAll", "toString", "wait", "equals");

	private static final Map<String, String> RENAMES = properties("renames.properties");

	// RPCs ZITADEL deprecates in comments only, which the generator leaves out too.
	private static final Map<String, String> DEPRECATED = properties("deprecated.properties");

	@Test
	void everyMessageHasARecordWithItsFieldsAndEveryEnumItsValues() {
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (FileDescriptor file : files()) {
			if (file.getPackage().equals("zitadel.protoc_gen_zitadel.v2")) {
				continue;
			}
			for (Descriptor message : file.getMessageTypes()) {
				checked += compareWithNested(message, problems);
			}
			for (EnumDescriptor enumType : file.getEnumTypes()) {
				compare(enumType, problems);
				checked++;
			}
		}
		assertThat(problems).isEmpty();
		assertThat(checked).isGreaterThan(700);
	}

	@Test
	void everyServiceHasABlockingAndAReactiveClientWithEveryCurrentRpc() throws Exception {
		assertThat(DEPRECATED).containsKey("zitadel.user.v2.UserService/AddHumanUser");
		List<String> problems = new ArrayList<>();
		Set<String> services = new LinkedHashSet<>();
		int rpcs = 0;
		for (FileDescriptor file : files()) {
			for (ServiceDescriptor service : file.getServices()) {
				services.add(service.getFullName());
				String javaPackage = javaPackage(file.getPackage());
				Class<?> blocking = Class.forName(javaPackage + "." + service.getName() + "Client");
				Class<?> reactive = Class.forName(javaPackage + ".Reactive" + service.getName() + "Client");
				for (MethodDescriptor method : service.getMethods()) {
					if (method.getOptions().getDeprecated() || DEPRECATED.containsKey(service.getFullName() + "/" + method.getName())) {
						assertThat(Arrays.stream(blocking.getMethods()).map(Method::getName))
							.doesNotContain(Character.toLowerCase(method.getName().charAt(0)) + method.getName().substring(1));
						continue;
					}
					rpcs++;
					compare(method, blocking, false, problems);
					compare(method, reactive, true, problems);
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(ZitadelApiCatalog.SERVICES).extracting(ZitadelApiCatalog.Service::name)
			.containsExactlyElementsOf(services);
		assertThat(ZitadelApiCatalog.SERVICES.stream().mapToInt((service) -> service.rpcs().size()).sum())
			.isEqualTo(rpcs);
		assertThat(services).contains("zitadel.user.v2.UserService", "zitadel.org.v2.OrganizationService",
				"zitadel.project.v2.ProjectService", "zitadel.authorization.v2.AuthorizationService",
				"zitadel.session.v2.SessionService", "zitadel.settings.v2.SettingsService");
	}

	private static void compare(MethodDescriptor method, Class<?> client, boolean reactive, List<String> problems) {
		String name = Character.toLowerCase(method.getName().charAt(0)) + method.getName().substring(1);
		Method javaMethod = Arrays.stream(client.getMethods())
			.filter((candidate) -> candidate.getName().equals(name))
			.findFirst()
			.orElse(null);
		if (javaMethod == null) {
			problems.add(method.getFullName() + " has no " + client.getSimpleName() + "." + name);
			return;
		}
		PostExchange exchange = javaMethod.getAnnotation(PostExchange.class);
		if (exchange == null || !exchange.value().equals("/" + method.getName())) {
			problems.add(client.getSimpleName() + "." + name + " does not post to /" + method.getName());
		}
		if (!javaMethod.getParameterTypes()[0].getName().equals(className(method.getInputType()))) {
			problems.add(client.getSimpleName() + "." + name + " takes " + javaMethod.getParameterTypes()[0]);
		}
		Class<?> returned = javaMethod.getReturnType();
		if (reactive) {
			returned = (returned == Mono.class) ? (Class<?>) ((ParameterizedType) javaMethod.getGenericReturnType())
				.getActualTypeArguments()[0] : returned;
		}
		if (!returned.getName().equals(className(method.getOutputType()))) {
			problems.add(client.getSimpleName() + "." + name + " returns " + javaMethod.getGenericReturnType());
		}
	}

	private static int compareWithNested(Descriptor message, List<String> problems) {
		if (message.getOptions().getMapEntry()) {
			return 0;
		}
		int checked = 1;
		compare(message, problems);
		for (Descriptor nested : message.getNestedTypes()) {
			checked += compareWithNested(nested, problems);
		}
		for (EnumDescriptor nested : message.getEnumTypes()) {
			compare(nested, problems);
			checked++;
		}
		return checked;
	}

	private static void compare(Descriptor message, List<String> problems) {
		Class<?> type = load(message, problems);
		if (type == null) {
			return;
		}
		if (!type.isRecord()) {
			problems.add(type.getName() + " is not a record");
			return;
		}
		List<String> fields = new ArrayList<>();
		for (FieldDescriptor field : message.getFields()) {
			if (!field.getOptions().getDeprecated()) {
				String name = field.getJsonName();
				boolean presence = !field.isRepeated() && field.hasPresence();
				fields.add(((SourceVersion.isKeyword(name) || OBJECT_METHODS.contains(name)) ? name + "_" : name)
						+ (presence ? " @Nullable" : ""));
			}
		}
		List<String> components = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
			components.add(component.getName() + (nullable ? " @Nullable" : ""));
		}
		if (!components.equals(fields)) {
			problems.add(message.getFullName() + " has " + fields + ", " + type.getName() + " " + components);
		}
	}

	private static void compare(EnumDescriptor enumType, List<String> problems) {
		Class<?> type = load(enumType, problems);
		if (type == null) {
			return;
		}
		List<String> values = enumType.getValues().stream().map(EnumValueDescriptor::getName).toList();
		List<String> constants = Arrays.stream(type.getEnumConstants()).map((constant) -> ((Enum<?>) constant).name())
			.toList();
		if (!constants.equals(values)) {
			problems.add(enumType.getFullName() + " has " + values + ", " + type.getName() + " " + constants);
		}
	}

	private static @Nullable Class<?> load(GenericDescriptor descriptor, List<String> problems) {
		String className = className(descriptor);
		try {
			return Class.forName(className);
		}
		catch (ClassNotFoundException ex) {
			problems.add(descriptor.getFullName() + " has no " + className);
			return null;
		}
	}

	// The naming rule of the generated code (zitadel-spring-codegen's TypeMapping), restated.
	private static String className(GenericDescriptor descriptor) {
		String protoPackage = descriptor.getFile().getPackage();
		String renamed = RENAMES.get(descriptor.getFullName());
		String simpleName = (renamed != null) ? renamed
				: descriptor.getFullName().substring(protoPackage.length() + 1).replace(".", "");
		return javaPackage(protoPackage) + "." + simpleName;
	}

	private static String javaPackage(String protoPackage) {
		Matcher matcher = ZITADEL_PACKAGE.matcher(protoPackage);
		if (matcher.matches()) {
			String api = matcher.group(1).equals("org") ? "organization" : matcher.group(1).replace("_", "");
			return "io.github.zitadelstarter.api." + api + (matcher.group(2).equals("v2beta") ? ".v2beta" : "");
		}
		return switch (protoPackage) {
			case "zitadel.v1" -> "io.github.zitadelstarter.api.v1";
			case "google.protobuf" -> "io.github.zitadelstarter.api.protobuf";
			default -> throw new IllegalArgumentException(protoPackage);
		};
	}

	private static Set<FileDescriptor> files() {
		Set<FileDescriptor> files = new LinkedHashSet<>();
		for (MethodDescriptor method : ProtoContract.rpcs().values()) {
			addWithDependencies(method.getFile(), files);
		}
		files.removeIf((file) -> file.getPackage().startsWith("google."));
		return files;
	}

	private static void addWithDependencies(FileDescriptor file, Set<FileDescriptor> files) {
		file.getDependencies().forEach((dependency) -> addWithDependencies(dependency, files));
		files.add(file);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Map<String, String> properties(String name) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("../zitadel-spring/src/main/codegen", name))) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return Map.copyOf((Map) properties);
	}

}
