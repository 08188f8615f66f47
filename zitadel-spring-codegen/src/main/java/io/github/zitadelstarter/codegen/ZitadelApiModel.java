package io.github.zitadelstarter.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.WrappersProto;

/**
 * ZITADEL's v2 API as one {@code FileDescriptorSet} describes it: the services, their current
 * (not deprecated) RPCs, every message and enum of ZITADEL's files (less those of the options
 * file and map entries) and those of Google's the RPCs reach ({@code google.protobuf.Empty}).
 */
public final class ZitadelApiModel {

	/** ZITADEL's method option {@code zitadel.protoc_gen_zitadel.v2.options} (an extension). */
	static final int ZITADEL_OPTIONS = 50001;

	/** The package of ZITADEL's option declarations, which the clients have no use for. */
	static final String OPTIONS_PACKAGE = "zitadel.protoc_gen_zitadel.v2";

	private final List<FileDescriptor> files;

	private final List<ServiceDescriptor> services = new ArrayList<>();

	private final Set<Descriptor> messages = new LinkedHashSet<>();

	private final Set<EnumDescriptor> enums = new LinkedHashSet<>();

	private final Set<String> deprecatedInComments;

	private ZitadelApiModel(List<FileDescriptor> files, Set<String> deprecatedInComments) {
		this.files = files;
		this.deprecatedInComments = deprecatedInComments;
		for (FileDescriptor file : files) {
			for (ServiceDescriptor service : file.getServices()) {
				if (service.getOptions().getDeprecated()) {
					continue;
				}
				this.services.add(service);
				for (MethodDescriptor method : rpcs(service)) {
					reach(method.getInputType());
					reach(method.getOutputType());
				}
			}
		}
		for (FileDescriptor file : files) {
			if (!file.getPackage().equals(OPTIONS_PACKAGE)) {
				file.getMessageTypes().forEach(this::reach);
				file.getMessageTypes().forEach(this::addNested);
				this.enums.addAll(file.getEnumTypes());
			}
		}
	}

	private void addNested(Descriptor message) {
		this.enums.addAll(message.getEnumTypes());
		for (Descriptor nested : message.getNestedTypes()) {
			if (!nested.getOptions().getMapEntry()) {
				reach(nested);
				addNested(nested);
			}
		}
	}

	/**
	 * Reads a descriptor set, with Google's well-known types from protobuf-java; imports that only
	 * declare options (HTTP mapping, OpenAPI, validation) may be absent.
	 * @param descriptorSet the file
	 * @param deprecatedInComments RPCs ({@code package.Service/Method}) that ZITADEL deprecates in
	 * comments only, which descriptors do not keep
	 * @return the model
	 * @throws IOException if the file cannot be read
	 */
	public static ZitadelApiModel read(Path descriptorSet, Set<String> deprecatedInComments) throws IOException {
		FileDescriptorSet set = FileDescriptorSet.parseFrom(Files.readAllBytes(descriptorSet));
		Map<String, FileDescriptor> built = new LinkedHashMap<>();
		for (FileDescriptor wellKnown : List.of(TimestampProto.getDescriptor(), DurationProto.getDescriptor(),
				StructProto.getDescriptor(), EmptyProto.getDescriptor(), WrappersProto.getDescriptor(),
				com.google.protobuf.DescriptorProtos.getDescriptor())) {
			built.put(wellKnown.getName(), wellKnown);
		}
		List<FileDescriptor> files = new ArrayList<>();
		for (FileDescriptorProto proto : set.getFileList()) {
			List<FileDescriptor> dependencies = new ArrayList<>();
			for (String dependency : proto.getDependencyList()) {
				FileDescriptor file = built.get(dependency);
				if (file != null) {
					dependencies.add(file);
				}
			}
			try {
				FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new),
						true);
				built.put(file.getName(), file);
				files.add(file);
			}
			catch (DescriptorValidationException ex) {
				throw new IllegalStateException(proto.getName() + ": " + ex.getMessage(), ex);
			}
		}
		return new ZitadelApiModel(files, deprecatedInComments);
	}

	/** The RPCs of a service that the clients offer: unary and not deprecated. */
	List<MethodDescriptor> rpcs(ServiceDescriptor service) {
		return service.getMethods()
			.stream()
			.filter((method) -> !method.getOptions().getDeprecated() && !method.isClientStreaming()
					&& !method.isServerStreaming()
					&& !this.deprecatedInComments.contains(service.getFullName() + "/" + method.getName()))
			.toList();
	}

	/** The fields of a message that the records have: all but the deprecated ones. */
	static List<FieldDescriptor> fields(Descriptor message) {
		return message.getFields().stream().filter((field) -> !field.getOptions().getDeprecated()).toList();
	}

	/**
	 * The permission ZITADEL's method option names, unless it is only {@code authenticated}.
	 * @param method the RPC
	 * @return the permission or {@code null}
	 */
	static String permission(MethodDescriptor method) {
		try {
			UnknownFieldSet options = method.getOptions().getUnknownFields();
			String permission = string(options, ZITADEL_OPTIONS, 1, 1); // options.auth_option.permission
			return (permission == null || permission.isEmpty() || permission.equals("authenticated")) ? null
					: permission;
		}
		catch (IOException ex) {
			throw new IllegalStateException(method.getFullName() + ": unreadable options", ex);
		}
	}

	private static String string(UnknownFieldSet fields, int... path) throws IOException {
		UnknownFieldSet current = fields;
		for (int i = 0; i < path.length; i++) {
			UnknownFieldSet.Field field = current.getField(path[i]);
			if (field == null || field.getLengthDelimitedList().isEmpty()) {
				return null;
			}
			if (i == path.length - 1) {
				return field.getLengthDelimitedList().get(0).toStringUtf8();
			}
			current = UnknownFieldSet.parseFrom(field.getLengthDelimitedList().get(0));
		}
		return null;
	}

	private void reach(Descriptor message) {
		if (TypeMapping.isWellKnownValue(message) || !this.messages.add(message)) {
			return;
		}
		for (FieldDescriptor field : fields(message)) {
			if (field.isMapField()) {
				FieldDescriptor value = field.getMessageType().findFieldByName("value");
				reachType(value);
			}
			else {
				reachType(field);
			}
		}
	}

	private void reachType(FieldDescriptor field) {
		if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
			reach(field.getMessageType());
		}
		else if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
			this.enums.add(field.getEnumType());
		}
	}

	/**
	 * The files of the set, dependencies first.
	 * @return the files
	 */
	public List<FileDescriptor> files() {
		return this.files;
	}

	/**
	 * The services, in the order of their files.
	 * @return the services
	 */
	public List<ServiceDescriptor> services() {
		return this.services;
	}

	/**
	 * The messages the services' current RPCs reach (Google's well-known value types excluded).
	 * @return the messages
	 */
	public Set<Descriptor> messages() {
		return this.messages;
	}

	/**
	 * The enums the services' current RPCs reach.
	 * @return the enums
	 */
	public Set<EnumDescriptor> enums() {
		return this.enums;
	}

}
