package io.github.zitadelstarter.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.lang.model.element.Modifier;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;

/**
 * Writes the Java of ZITADEL's v2 API from ZITADEL's descriptors: a record per message, an enum
 * per enum, and per service a blocking and a reactive HTTP interface; then merges the hand-written
 * customizations in. Run by the build of {@code zitadel-spring} at {@code generate-sources}:
 * <pre>
 * ZitadelCodegen --descriptors FILE --customizations DIR --output DIR [--docs FILE]
 * </pre>
 */
public final class ZitadelCodegen {

	private static final ClassName JSON_PROPERTY = ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");

	private static final ClassName JSON_FORMAT = ClassName.get("com.fasterxml.jackson.annotation", "JsonFormat");

	private static final ClassName JSON_INCLUDE = ClassName.get("com.fasterxml.jackson.annotation", "JsonInclude");

	private static final ClassName JSON_ENUM_DEFAULT = ClassName.get("com.fasterxml.jackson.annotation",
			"JsonEnumDefaultValue");

	private static final ClassName NULL_MARKED = ClassName.get("org.jspecify.annotations", "NullMarked");

	private static final ClassName MEDIA_TYPE = ClassName.get("org.springframework.http", "MediaType");

	private static final ClassName HTTP_EXCHANGE = ClassName.get("org.springframework.web.service.annotation",
			"HttpExchange");

	private static final ClassName POST_EXCHANGE = ClassName.get("org.springframework.web.service.annotation",
			"PostExchange");

	private static final ClassName REQUEST_BODY = ClassName.get("org.springframework.web.bind.annotation",
			"RequestBody");

	private static final ClassName MONO = ClassName.get("reactor.core.publisher", "Mono");

	private static final ClassName FLUX = ClassName.get("reactor.core.publisher", "Flux");

	private static final ClassName STREAM = ClassName.get("java.util.stream", "Stream");

	private static final ClassName REQUIRED_PERMISSION = ClassName.get(TypeMapping.BASE_PACKAGE, "RequiredPermission");

	private static final ClassName PAGES = ClassName.get(TypeMapping.BASE_PACKAGE, "ZitadelPages");

	private static final ClassName REACTIVE_PAGES = ClassName.get(TypeMapping.BASE_PACKAGE, "ReactiveZitadelPages");

	private static final ClassName CATALOG = ClassName.get(TypeMapping.BASE_PACKAGE, "ZitadelApiCatalog");

	private final ZitadelApiModel model;

	private final TypeMapping types;

	private final Customizations customizations;

	private final String source;

	private final Path output;

	private final Set<String> packages = new TreeSet<>();

	private final Set<String> rpcs = new LinkedHashSet<>();

	private int written;

	ZitadelCodegen(ZitadelApiModel model, Customizations customizations, String source, Path output) {
		this.model = model;
		this.customizations = customizations;
		this.types = new TypeMapping(customizations.renames());
		this.source = source;
		this.output = output;
	}

	/**
	 * Generates the sources.
	 * @param args {@code --descriptors FILE --customizations DIR --output DIR [--docs FILE]}
	 * @throws IOException if a file cannot be read or written
	 */
	public static void main(String[] args) throws IOException {
		Map<String, String> options = new TreeMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		Path descriptors = Path.of(required(options, "--descriptors"));
		Path output = Path.of(required(options, "--output"));
		long start = System.nanoTime();
		Customizations customizations = Customizations.read(Path.of(required(options, "--customizations")));
		ZitadelApiModel model = ZitadelApiModel.read(descriptors, customizations.deprecatedRpcs());
		String source = descriptors.getFileName() + " (sha256 " + sha256(descriptors) + ")";
		ZitadelCodegen codegen = new ZitadelCodegen(model, customizations, source, output);
		codegen.generate();
		if (options.containsKey("--docs")) {
			Path docs = Path.of(options.get("--docs"));
			Files.createDirectories(docs.toAbsolutePath().getParent());
			Files.writeString(docs, codegen.docs());
		}
		System.out.printf("zitadel-spring-codegen: %d services, %d RPCs, %d files from %s in %d ms%n",
				model.services().size(), codegen.rpcs.size(), codegen.written, descriptors.getFileName(),
				(System.nanoTime() - start) / 1_000_000);
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException(name + " is required");
		}
		return value;
	}

	static String sha256(Path file) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void generate() throws IOException {
		if (Files.isDirectory(this.output)) {
			try (Stream<Path> old = Files.walk(this.output)) {
				for (Path path : old.sorted((a, b) -> b.compareTo(a)).toList()) {
					if (!path.equals(this.output)) {
						Files.delete(path);
					}
				}
			}
		}
		for (Descriptor message : this.model.messages()) {
			write(message, record(message));
		}
		for (EnumDescriptor type : this.model.enums()) {
			write(type, enumeration(type));
		}
		List<ServiceDescriptor> services = this.model.services();
		for (ServiceDescriptor service : services) {
			write(service, client(service, false), clientName(service, false));
			write(service, client(service, true), clientName(service, true));
		}
		writeCatalog(services);
		for (String javaPackage : this.packages) {
			writePackageInfo(javaPackage);
		}
		this.customizations.requireAllApplied(this.rpcs);
	}

	// --- messages -----------------------------------------------------------------------------

	private TypeSpec record(Descriptor message) {
		ClassName name = this.types.className(message);
		MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
		List<FieldDescriptor> fields = ZitadelApiModel.fields(message);
		for (FieldDescriptor field : fields) {
			String component = TypeMapping.componentName(field);
			ParameterSpec.Builder parameter = ParameterSpec.builder(this.types.componentType(field), component);
			if (!component.equals(field.getJsonName())) {
				parameter.addAnnotation(AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", field.getJsonName()).build());
			}
			if (TypeMapping.is64Bit(field) && !field.isRepeated()) {
				parameter.addAnnotation(AnnotationSpec.builder(JSON_FORMAT)
					.addMember("shape", "$T.Shape.STRING", JSON_FORMAT)
					.build());
			}
			if (TypeMapping.hasPresence(field) && !TypeMapping.isRecord(field)) {
				// written even when it is proto3's default value: the field says it was set
				parameter.addAnnotation(AnnotationSpec.builder(JSON_INCLUDE)
					.addMember("value", "$T.Include.NON_NULL", JSON_INCLUDE)
					.build());
			}
			if (field.getOptions().getDeprecated()) {
				parameter.addAnnotation(Deprecated.class);
			}
			constructor.addParameter(parameter.build());
			CodeBlock normalization = normalization(field, component);
			if (normalization != null) {
				constructor.addStatement(normalization);
			}
		}
		TypeSpec.Builder record = TypeSpec.recordBuilder(name)
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("$L", javadoc(message))
			.recordConstructor(constructor.build());
		if (message.getOptions().getDeprecated()) {
			record.addAnnotation(Deprecated.class);
		}
		paginationMethods(message, record);
		return record.build();
	}

	private CodeBlock normalization(FieldDescriptor field, String component) {
		if (field.isMapField()) {
			return CodeBlock.of("$N = ($N != null) ? $T.copyOf($N) : $T.of()", component, component, Map.class,
					component, Map.class);
		}
		if (field.isRepeated()) {
			return CodeBlock.of("$N = ($N != null) ? $T.copyOf($N) : $T.of()", component, component, List.class,
					component, List.class);
		}
		if (TypeMapping.hasPresence(field)) {
			return null;
		}
		return switch (field.getJavaType()) {
			case STRING -> CodeBlock.of("$N = ($N != null) ? $N : $S", component, component, component, "");
			case BYTE_STRING -> CodeBlock.of("$N = ($N != null) ? $N : new byte[0]", component, component, component);
			case ENUM -> CodeBlock.of("$N = ($N != null) ? $N : $T.$N", component, component, component,
					this.types.className(field.getEnumType()), TypeMapping.defaultConstant(field.getEnumType()));
			default -> null; // primitives
		};
	}

	private String javadoc(Descriptor message) {
		StringBuilder javadoc = new StringBuilder("{@code ").append(message.getFullName()).append("}");
		for (OneofDescriptor oneof : message.getRealOneofs()) {
			List<String> members = oneof.getFields()
				.stream()
				.filter((field) -> !field.getOptions().getDeprecated())
				.map(TypeMapping::componentName)
				.toList();
			javadoc.append("; at most one of {@code ").append(String.join("}, {@code ", members)).append("} is set");
		}
		return javadoc.append(".\n").append(generatedFrom(message.getFile().getName())).toString();
	}

	private String generatedFrom(String protoFile) {
		int paren = this.source.indexOf(" (");
		String name = (paren < 0) ? this.source : this.source.substring(0, paren);
		String rest = (paren < 0) ? "" : this.source.substring(paren);
		return "<p>\nGenerated from {@code " + protoFile + "} of {@code " + name + "}" + rest + ".\n";
	}

	/** {@code withPagination} on a list request, {@code totalResult} on a list response. */
	private void paginationMethods(Descriptor message, TypeSpec.Builder record) {
		ClassName name = this.types.className(message);
		FieldDescriptor request = paginationRequestField(message);
		if (request != null) {
			List<FieldDescriptor> fields = ZitadelApiModel.fields(message);
			List<CodeBlock> arguments = new ArrayList<>();
			for (FieldDescriptor field : fields) {
				arguments.add((field == request) ? CodeBlock.of("page") : CodeBlock.of("this.$N", TypeMapping.componentName(field)));
			}
			String component = TypeMapping.componentName(request);
			ClassName page = this.types.className(request.getMessageType());
			record.addMethod(MethodSpec.methodBuilder("withPagination")
				.addModifiers(Modifier.PUBLIC)
				.addJavadoc("This request for another page, keeping its order.\n@param offset where the page starts\n"
						+ "@param limit the most results returned\n@return a copy for that page\n")
				.returns(name)
				.addParameter(long.class, "offset")
				.addParameter(int.class, "limit")
				.addStatement("$T page = new $T(offset, limit, this.$N != null && this.$N.asc())", page, page, component,
						component)
				.addStatement("return new $T($L)", name, CodeBlock.join(arguments, ", "))
				.build());
		}
		FieldDescriptor response = paginationResponseField(message);
		if (response != null && message.findFieldByName("total_result") == null) {
			String component = TypeMapping.componentName(response);
			record.addMethod(MethodSpec.methodBuilder("totalResult")
				.addModifiers(Modifier.PUBLIC)
				.addJavadoc("How many results match in all, over every page.\n@return the total, 0 if ZITADEL gave none\n")
				.returns(long.class)
				.addStatement("return (this.$N != null) ? this.$N.totalResult() : 0", component, component)
				.build());
		}
	}

	/** A field of a message whose type has offset, limit and asc: the page a list request asks for. */
	static FieldDescriptor paginationRequestField(Descriptor message) {
		for (FieldDescriptor field : ZitadelApiModel.fields(message)) {
			if (TypeMapping.isRecord(field) && has(field.getMessageType(), "offset", FieldDescriptor.JavaType.LONG)
					&& has(field.getMessageType(), "limit", FieldDescriptor.JavaType.INT)
					&& has(field.getMessageType(), "asc", FieldDescriptor.JavaType.BOOLEAN)
					&& field.getMessageType().getFields().size() == 3) {
				return field;
			}
		}
		return null;
	}

	/** A field of a message whose type has total_result: the size of the whole list. */
	static FieldDescriptor paginationResponseField(Descriptor message) {
		for (FieldDescriptor field : ZitadelApiModel.fields(message)) {
			if (TypeMapping.isRecord(field) && has(field.getMessageType(), "total_result", FieldDescriptor.JavaType.LONG)) {
				return field;
			}
		}
		return null;
	}

	/** The one repeated message field of a list response: its results. */
	static FieldDescriptor resultsField(Descriptor message) {
		List<FieldDescriptor> repeated = ZitadelApiModel.fields(message)
			.stream()
			.filter((field) -> field.isRepeated() && !field.isMapField())
			.toList();
		return (repeated.size() == 1) ? repeated.get(0) : null;
	}

	private static boolean has(Descriptor message, String name, FieldDescriptor.JavaType type) {
		FieldDescriptor field = message.findFieldByName(name);
		return field != null && !field.isRepeated() && field.getJavaType() == type;
	}

	// --- enums --------------------------------------------------------------------------------

	private TypeSpec enumeration(EnumDescriptor type) {
		TypeSpec.Builder enumeration = TypeSpec.enumBuilder(this.types.className(type))
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("{@code $L}; a value a newer ZITADEL adds reads as {@code $L}.\n$L", type.getFullName(),
					TypeMapping.defaultConstant(type), generatedFrom(type.getFile().getName()));
		String defaultConstant = TypeMapping.defaultConstant(type);
		for (EnumValueDescriptor value : type.getValues()) {
			TypeSpec.Builder constant = TypeSpec.anonymousClassBuilder("");
			if (value.getName().equals(defaultConstant)) {
				constant.addAnnotation(JSON_ENUM_DEFAULT);
			}
			if (value.getOptions().getDeprecated()) {
				constant.addAnnotation(Deprecated.class);
			}
			enumeration.addEnumConstant(value.getName(), constant.build());
		}
		if (type.getOptions().getDeprecated()) {
			enumeration.addAnnotation(Deprecated.class);
		}
		return enumeration.build();
	}

	// --- services -----------------------------------------------------------------------------

	ClassName clientName(ServiceDescriptor service, boolean reactive) {
		String javaPackage = TypeMapping.javaPackage(service.getFile().getPackage());
		return ClassName.get(javaPackage, (reactive ? "Reactive" : "") + service.getName() + "Client");
	}

	static String methodName(MethodDescriptor method) {
		return Character.toLowerCase(method.getName().charAt(0)) + method.getName().substring(1);
	}

	private TypeSpec client(ServiceDescriptor service, boolean reactive) {
		TypeSpec.Builder client = TypeSpec.interfaceBuilder(clientName(service, reactive))
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("The $L client of ZITADEL's {@code $L}: $L RPCs over Connect's JSON.\n$L",
					reactive ? "reactive" : "blocking", service.getFullName(), this.model.rpcs(service).size(),
					generatedFrom(service.getFile().getName()))
			.addAnnotation(AnnotationSpec.builder(HTTP_EXCHANGE)
				.addMember("url", "$S", "/" + service.getFullName())
				.addMember("contentType", "$T.APPLICATION_JSON_VALUE", MEDIA_TYPE)
				.addMember("accept", "$T.APPLICATION_JSON_VALUE", MEDIA_TYPE)
				.build());
		if (service.getOptions().getDeprecated()) {
			client.addAnnotation(Deprecated.class);
		}
		for (MethodDescriptor method : this.model.rpcs(service)) {
			String rpc = service.getFullName() + "/" + method.getName();
			this.rpcs.add(rpc);
			TypeName response = this.types.className(method.getOutputType());
			MethodSpec.Builder call = MethodSpec.methodBuilder(methodName(method))
				.addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
				.addJavadoc("Calls {@code $L}.\n@param request the request\n@return the response\n", rpc)
				.addAnnotation(AnnotationSpec.builder(POST_EXCHANGE).addMember("value", "$S", "/" + method.getName()).build())
				.addParameter(ParameterSpec.builder(this.types.className(method.getInputType()), "request")
					.addAnnotation(REQUEST_BODY)
					.build())
				.returns(reactive ? ParameterizedTypeName.get(MONO, response) : response);
			String permission = ZitadelApiModel.permission(method);
			if (permission == null) {
				permission = this.customizations.permission(rpc);
			}
			if (permission != null) {
				call.addAnnotation(AnnotationSpec.builder(REQUIRED_PERMISSION).addMember("value", "$S", permission).build());
			}
			client.addMethod(call.build());
		}
		for (MethodDescriptor method : this.model.rpcs(service)) {
			MethodSpec listAll = listAll(method, reactive);
			if (listAll != null) {
				client.addMethod(listAll);
			}
		}
		return client.build();
	}

	/** {@code listAllXxx}: every result of a paginated {@code ListXxx}, page by page. */
	private MethodSpec listAll(MethodDescriptor method, boolean reactive) {
		Descriptor request = method.getInputType();
		Descriptor response = method.getOutputType();
		FieldDescriptor results = resultsField(response);
		if (!method.getName().startsWith("List") || paginationRequestField(request) == null
				|| paginationResponseField(response) == null || results == null
				|| results.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
			return null;
		}
		ClassName responseType = this.types.className(response);
		TypeName result = this.types.valueType(results);
		return MethodSpec.methodBuilder("listAll" + method.getName().substring("List".length()))
			.addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
			.addJavadoc("Every result of {@link #$L}, fetched page by page.\n"
					+ "@param request the request; its pagination is replaced page by page\n"
					+ "@return the results, fetched $L\n", methodName(method),
					reactive ? "on demand" : "lazily")
			.addParameter(this.types.className(request), "request")
			.returns(ParameterizedTypeName.get(reactive ? FLUX : STREAM, result))
			.addStatement("return $T.$L($T.DEFAULT_PAGE_SIZE, (offset, limit) -> $L(request.withPagination(offset, limit)), "
					+ "$T::$L, $T::totalResult)", reactive ? REACTIVE_PAGES : PAGES, reactive ? "flux" : "stream", PAGES,
					methodName(method), responseType, TypeMapping.componentName(results), responseType)
			.build();
	}

	private void writeCatalog(List<ServiceDescriptor> services) throws IOException {
		ClassName service = CATALOG.nestedClass("Service");
		TypeName anyClass = ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class));
		TypeSpec serviceRecord = TypeSpec.recordBuilder(service)
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.addJavadoc("A service: its full name, its RPCs and its clients.\n")
			.recordConstructor(MethodSpec.constructorBuilder()
				.addParameter(String.class, "name")
				.addParameter(ParameterizedTypeName.get(List.class, String.class), "rpcs")
				.addParameter(anyClass, "client")
				.addParameter(anyClass, "reactiveClient")
				.build())
			.build();
		CodeBlock.Builder list = CodeBlock.builder().add("$T.of(\n", List.class).indent();
		for (int i = 0; i < services.size(); i++) {
			ServiceDescriptor descriptor = services.get(i);
			List<String> names = this.model.rpcs(descriptor).stream().map(MethodDescriptor::getName).toList();
			list.add("new $T($S,\n$T.of($L),\n$T.class, $T.class)$L\n", service, descriptor.getFullName(), List.class,
					CodeBlock.join(names.stream().map((name) -> CodeBlock.of("$S", name)).toList(), ", "),
					clientName(descriptor, false), clientName(descriptor, true), (i < services.size() - 1) ? "," : "");
		}
		list.unindent().add(")");
		TypeSpec catalog = TypeSpec.classBuilder(CATALOG)
			.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
			.addJavadoc("Every service of ZITADEL's v2 API that has generated clients.\n$L",
					generatedFrom("every service file"))
			.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), service), "SERVICES",
					Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
				.addJavadoc("The services, in the order of the descriptor set.\n")
				.initializer(list.build())
				.build())
			.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
			.addType(serviceRecord)
			.build();
		writeFile(CATALOG, catalog, "every service of the descriptor set");
	}

	// --- files --------------------------------------------------------------------------------

	private void write(GenericDescriptor descriptor, TypeSpec type) throws IOException {
		write(descriptor, type, this.types.className(descriptor));
	}

	private void write(GenericDescriptor descriptor, TypeSpec type, ClassName name) throws IOException {
		writeFile(name, type, descriptor.getFullName() + " in " + descriptor.getFile().getName());
	}

	private void writeFile(ClassName name, TypeSpec type, String origin) throws IOException {
		this.packages.add(name.packageName());
		String text = JavaFile.builder(name.packageName(), type)
			.addFileComment("Generated by zitadel-spring-codegen from $L of $L. Do not edit: change the descriptors "
					+ "or zitadel-spring/src/main/codegen.", origin, this.source)
			.skipJavaLangImports(true)
			.indent("\t")
			.build()
			.toString();
		text = this.customizations.merge(name.canonicalName(), text);
		Path file = this.output.resolve(name.packageName().replace('.', '/')).resolve(name.simpleName() + ".java");
		if (Files.exists(file)) {
			throw new IllegalStateException(name + " is generated twice; add a rename to renames.properties");
		}
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
		this.written++;
	}

	private void writePackageInfo(String javaPackage) throws IOException {
		String text = this.customizations.packageInfo(javaPackage);
		String header = "// Generated by zitadel-spring-codegen from " + this.source + ". Do not edit.\n";
		if (text == null) {
			text = "/**\n * ZITADEL's API: generated records, enums and clients.\n */\n@NullMarked\npackage " + javaPackage
					+ ";\n\nimport " + NULL_MARKED.canonicalName() + ";\n";
		}
		else {
			header = "// Copied by zitadel-spring-codegen from zitadel-spring/src/main/codegen/mixins.\n";
		}
		Path file = this.output.resolve(javaPackage.replace('.', '/')).resolve("package-info.java");
		if (javaPackage.equals(TypeMapping.BASE_PACKAGE)) {
			return; // hand-written in src/main/java
		}
		Files.createDirectories(file.getParent());
		Files.writeString(file, header + text, StandardCharsets.UTF_8);
		this.written++;
	}

	// --- docs ---------------------------------------------------------------------------------

	String docs() {
		StringBuilder docs = new StringBuilder();
		docs.append("# ZITADEL's v2 API: services and RPCs\n\n")
			.append("<!-- Generated by zitadel-spring-codegen from ")
			.append(this.source)
			.append(": do not edit. TypedClientsDocsTests fails when it is out of date; the build writes the "
					+ "current one to zitadel-spring/target/generated-docs/api-catalog.md. -->\n\n")
			.append("Every service of ZITADEL's v2 API (ZITADEL v4.13.0) has a blocking and a reactive client, "
					+ "generated from ZITADEL's descriptors (`zitadel-spring/src/main/proto-descriptors`). "
					+ "`ZitadelClients` and `ReactiveZitadelClients` give the usual ones (`users()`, `organizations()`, "
					+ "`projects()`, `authorizations()`, `sessions()`, `settings()`) and any other with "
					+ "`client(XxxServiceClient.class)`.\n\n")
			.append("| service | RPCs | blocking client | reactive client |\n| --- | ---: | --- | --- |\n");
		int total = 0;
		for (ServiceDescriptor service : this.model.services()) {
			int count = this.model.rpcs(service).size();
			total += count;
			docs.append("| `")
				.append(service.getFullName())
				.append("` | ")
				.append(count)
				.append(" | `")
				.append(clientName(service, false).canonicalName())
				.append("` | `")
				.append(clientName(service, true).simpleName())
				.append("` |\n");
		}
		docs.append("| **")
			.append(this.model.services().size())
			.append(" services** | **")
			.append(total)
			.append("** | | |\n\n");
		docs.append("## RPCs\n");
		for (ServiceDescriptor service : this.model.services()) {
			docs.append("\n### `").append(service.getFullName()).append("`\n\n");
			for (MethodDescriptor method : this.model.rpcs(service)) {
				String rpc = service.getFullName() + "/" + method.getName();
				String permission = ZitadelApiModel.permission(method);
				String documented = this.customizations.permission(rpc);
				docs.append("- `").append(methodName(method)).append("`");
				if (permission != null) {
					docs.append(", permission `").append(permission).append("`");
				}
				else if (documented != null) {
					docs.append(", permission `").append(documented).append("` (ZITADEL's documentation)");
				}
				if (listAll(method, false) != null) {
					docs.append(", all pages: `listAll").append(method.getName().substring(4)).append("`");
				}
				docs.append('\n');
			}
		}
		return docs.toString();
	}

}
