package io.github.zitadelstarter.api;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records of the project, authorization and filter packages against ZITADEL's own
 * descriptors (the API version {@link ProtoContract} checks with): a record for every message
 * the services use, with a component for every field that is not deprecated, named by its JSON
 * name, and nothing else; an enum for every proto enum, with the same values. A field ZITADEL
 * adds in a later version shows here when the descriptors are updated.
 */
class ProjectAndAuthorizationRecordsTests {

	private static final Map<String, String> PACKAGES = Map.of("zitadel.project.v2", "project",
			"zitadel.authorization.v2", "authorization", "zitadel.filter.v2", "filter");

	// Defined in authorization.proto but used by no filter nor RPC, so it can never be sent.
	private static final Set<String> UNUSED = Set.of("zitadel.authorization.v2.OrganizationNameQuery");

	@Test
	void everyMessageAndEnumHasItsRecordOrEnumWithTheSameFields() {
		List<String> problems = new ArrayList<>();
		for (FileDescriptor file : files()) {
			String javaPackage = "io.github.zitadelstarter.api." + PACKAGES.get(file.getPackage()) + ".";
			for (Descriptor message : file.getMessageTypes()) {
				compare(message, javaPackage + message.getName(), problems);
				for (Descriptor nested : message.getNestedTypes()) {
					compare(nested, javaPackage + message.getName() + nested.getName(), problems);
				}
				for (EnumDescriptor nested : message.getEnumTypes()) {
					compare(nested, javaPackage + message.getName() + nested.getName(), problems);
				}
			}
			for (EnumDescriptor enumType : file.getEnumTypes()) {
				compare(enumType, javaPackage + enumType.getName(), problems);
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void noRpcOfTheServicesIsDeprecated() {
		assertThat(ProtoContract.Descriptors.METHODS.values())
			.filteredOn((method) -> PACKAGES.containsKey(method.getFile().getPackage()))
			.hasSize(17 + 6)
			.noneMatch((method) -> method.getOptions().getDeprecated());
	}

	private static Set<FileDescriptor> files() {
		Set<FileDescriptor> files = new LinkedHashSet<>();
		for (MethodDescriptor method : ProtoContract.Descriptors.METHODS.values()) {
			for (FileDescriptor file : withDependencies(method.getFile())) {
				if (PACKAGES.containsKey(file.getPackage())) {
					files.add(file);
				}
			}
		}
		return files;
	}

	private static List<FileDescriptor> withDependencies(FileDescriptor file) {
		List<FileDescriptor> files = new ArrayList<>(List.of(file));
		file.getDependencies().forEach((dependency) -> files.addAll(withDependencies(dependency)));
		return files;
	}

	private static void compare(Descriptor message, String className, List<String> problems) {
		if (UNUSED.contains(message.getFullName())) {
			return;
		}
		Class<?> type = load(className, message.getFullName(), problems);
		if (type == null) {
			return;
		}
		Set<String> fields = new TreeSet<>();
		for (FieldDescriptor field : message.getFields()) {
			if (!field.getOptions().getDeprecated()) {
				fields.add(field.getJsonName());
			}
		}
		Set<String> components = new TreeSet<>();
		for (RecordComponent component : type.getRecordComponents()) {
			components.add(component.getName());
		}
		if (!components.equals(fields)) {
			problems.add(message.getFullName() + " has " + fields + ", " + className + " " + components);
		}
	}

	private static void compare(EnumDescriptor enumType, String className, List<String> problems) {
		Class<?> type = load(className, enumType.getFullName(), problems);
		if (type == null) {
			return;
		}
		Set<String> values = new TreeSet<>(enumType.getValues().stream().map(EnumValueDescriptor::getName).toList());
		Set<String> constants = new TreeSet<>();
		for (Object constant : type.getEnumConstants()) {
			constants.add(((Enum<?>) constant).name());
		}
		if (!constants.equals(values)) {
			problems.add(enumType.getFullName() + " has " + values + ", " + className + " " + constants);
		}
	}

	private static Class<?> load(String className, String protoName, List<String> problems) {
		try {
			return Class.forName(className);
		}
		catch (ClassNotFoundException ex) {
			problems.add(protoName + " has no " + className);
			return null;
		}
	}

}
