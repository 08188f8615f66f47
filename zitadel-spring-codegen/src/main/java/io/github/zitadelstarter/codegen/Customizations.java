package io.github.zitadelstarter.codegen;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What is written by hand on top of the generated code, in one directory:
 * <ul>
 * <li>{@code renames.properties}: a Java name for a proto message or enum other than the naming
 * rule's ({@code zitadel.org.v2.AddOrganizationRequest.Admin=Admin});</li>
 * <li>{@code permissions.properties}: the permission of an RPC whose descriptor says only
 * {@code authenticated} (ZITADEL documents it in comments, which descriptors do not keep):
 * {@code zitadel.user.v2.UserService/CreateUser=user.write};</li>
 * <li>{@code deprecated.properties}: RPCs that ZITADEL deprecates in comments only, left out like
 * those with the {@code deprecated} option;</li>
 * <li>{@code mixins/<package path>/<Type>.java}: members merged into the generated type of that
 * name. A mixin is a Java source file whose type declaration ({@code class Name {...}}) holds the
 * members; its imports are added to the generated file, its Javadoc replaces the generated one,
 * and its members are appended to the generated type's. A {@code package-info.java} there replaces
 * the generated one of its package.</li>
 * </ul>
 */
final class Customizations {

	/** The first block tag ({@code @param}, {@code @see}, ...) of a Javadoc comment. */
	private static final Pattern BLOCK_TAG = Pattern.compile("^[ \\t]*\\*[ \\t]*@", Pattern.MULTILINE);

	private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

	private static final Pattern IMPORT = Pattern.compile("^import\\s+[\\w.*]+(?:\\s*\\.\\s*\\*)?\\s*;\\s*$",
			Pattern.MULTILINE);

	private static final Pattern STATIC_IMPORT = Pattern.compile("^import\\s+static\\s+[\\w.*]+\\s*;\\s*$",
			Pattern.MULTILINE);

	private static final Pattern DECLARATION = Pattern.compile(
			"(/\\*\\*(?:[^*]|\\*(?!/))*\\*/\\s*)?^((?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*)(?:public\\s+)?(?:final\\s+)?"
					+ "(?:class|record|interface|enum)\\s+(\\w+)[^{]*\\{",
			Pattern.MULTILINE);

	private final Map<String, String> renames;

	private final Map<String, String> permissions;

	private final Map<String, String> deprecated;

	private final Map<String, Mixin> mixins = new TreeMap<>();

	private final Map<String, String> packageInfos = new TreeMap<>();

	private final Set<String> applied = new HashSet<>();

	private Customizations(Map<String, String> renames, Map<String, String> permissions,
			Map<String, String> deprecated) {
		this.renames = renames;
		this.permissions = permissions;
		this.deprecated = deprecated;
	}

	static Customizations read(Path directory) throws IOException {
		Customizations customizations = new Customizations(properties(directory.resolve("renames.properties")),
				properties(directory.resolve("permissions.properties")),
				properties(directory.resolve("deprecated.properties")));
		Path mixins = directory.resolve("mixins");
		if (Files.isDirectory(mixins)) {
			try (Stream<Path> sources = Files.walk(mixins)) {
				for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
					customizations.add(source, Files.readString(source));
				}
			}
		}
		return customizations;
	}

	private static Map<String, String> properties(Path file) throws IOException {
		Map<String, String> result = new LinkedHashMap<>();
		if (Files.isRegularFile(file)) {
			Properties properties = new Properties();
			try (Reader reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
			properties.stringPropertyNames().stream().sorted().forEach((key) -> result.put(key, properties.getProperty(key)));
		}
		return result;
	}

	private void add(Path source, String text) {
		Matcher packageMatcher = PACKAGE.matcher(text);
		if (!packageMatcher.find()) {
			throw new IllegalArgumentException(source + ": no package declaration");
		}
		String javaPackage = packageMatcher.group(1);
		if (source.getFileName().toString().equals("package-info.java")) {
			this.packageInfos.put(javaPackage, text);
			return;
		}
		Matcher declaration = DECLARATION.matcher(text);
		if (!declaration.find()) {
			throw new IllegalArgumentException(source + ": no type declaration");
		}
		String name = declaration.group(3);
		int bodyEnd = text.lastIndexOf('}');
		List<String> imports = new ArrayList<>();
		Matcher importMatcher = IMPORT.matcher(text.substring(0, declaration.start()));
		while (importMatcher.find()) {
			imports.add(importMatcher.group().trim());
		}
		Matcher staticImports = STATIC_IMPORT.matcher(text.substring(0, declaration.start()));
		while (staticImports.find()) {
			imports.add(staticImports.group().trim());
		}
		String javadoc = declaration.group(1);
		this.mixins.put(javaPackage + "." + name, new Mixin(source, imports,
				(javadoc != null) ? javadoc.trim() : null, text.substring(declaration.end(), bodyEnd)));
	}

	Map<String, String> renames() {
		return this.renames;
	}

	String permission(String rpc) {
		return this.permissions.get(rpc);
	}

	Set<String> deprecatedRpcs() {
		return this.deprecated.keySet();
	}

	String packageInfo(String javaPackage) {
		String text = this.packageInfos.get(javaPackage);
		if (text != null) {
			this.applied.add("package-info " + javaPackage);
		}
		return text;
	}

	/**
	 * The generated source with the mixin of its type merged in, if there is one.
	 * @param qualifiedName the generated type
	 * @param generated its source as generated
	 * @return the source to write
	 */
	String merge(String qualifiedName, String generated) {
		Mixin mixin = this.mixins.get(qualifiedName);
		if (mixin == null) {
			return generated;
		}
		this.applied.add(qualifiedName);
		String result = generated;
		if (mixin.javadoc() != null) {
			Matcher declaration = DECLARATION.matcher(result);
			if (!declaration.find()) {
				throw new IllegalStateException(qualifiedName + ": no declaration in the generated source");
			}
			String generatedJavadoc = (declaration.group(1) != null) ? declaration.group(1).trim() : null;
			String provenance = (generatedJavadoc != null)
					? generatedJavadoc.substring(3, generatedJavadoc.length() - 2).replaceAll("(?m)^\\s*\\*\\s?", "").trim()
					: "";
			String javadoc = mixin.javadoc().substring(0, mixin.javadoc().length() - 2).stripTrailing();
			// before the block tags: text after an @param would become part of its description
			Matcher blockTag = BLOCK_TAG.matcher(javadoc);
			int at = blockTag.find() ? blockTag.start() : javadoc.length();
			String description = javadoc.substring(0, at).replaceAll("[\\s*]+$", "");
			String tags = javadoc.substring(at);
			javadoc = description + "\n * <p>\n * " + provenance.replace("\n", "\n * ")
					+ (tags.isEmpty() ? "" : "\n *\n" + tags) + "\n */\n";
			int start = (declaration.group(1) != null) ? declaration.start(1) : declaration.start();
			int end = (declaration.group(1) != null) ? declaration.end(1) : declaration.start();
			result = result.substring(0, start) + javadoc + result.substring(end);
		}
		if (!mixin.imports().isEmpty()) {
			Matcher packageMatcher = PACKAGE.matcher(result);
			packageMatcher.find();
			int at = packageMatcher.end();
			StringBuilder imports = new StringBuilder("\n");
			for (String line : mixin.imports()) {
				if (!result.contains("\n" + line + "\n")) {
					imports.append('\n').append(line);
				}
			}
			result = result.substring(0, at) + imports + result.substring(at);
		}
		int close = result.lastIndexOf('}');
		String body = mixin.body().strip();
		result = result.substring(0, close) + "\n\t// Written by hand: " + mixinPath(mixin) + "\n\n\t" + body + "\n"
				+ result.substring(close);
		return result;
	}

	private static String mixinPath(Mixin mixin) {
		String path = mixin.source().toString().replace('\\', '/');
		int at = path.indexOf("/codegen/");
		return (at >= 0) ? path.substring(at + 1) : path;
	}

	/**
	 * Fails if a mixin, a package-info or a permission was not used: the generated code has no
	 * place for it (a renamed or removed message, a typo).
	 * @param rpcs the RPCs generated
	 */
	void requireAllApplied(Set<String> rpcs) {
		List<String> unused = new ArrayList<>();
		this.mixins.keySet().stream().filter((name) -> !this.applied.contains(name)).forEach(unused::add);
		this.packageInfos.keySet()
			.stream()
			.filter((name) -> !this.applied.contains("package-info " + name))
			.forEach((name) -> unused.add("package-info " + name));
		this.permissions.keySet().stream().filter((rpc) -> !rpcs.contains(rpc)).forEach(unused::add);
		if (!unused.isEmpty()) {
			throw new IllegalStateException("customizations without a generated counterpart: " + unused);
		}
	}

	private record Mixin(Path source, List<String> imports, String javadoc, String body) {
	}

}
