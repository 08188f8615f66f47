package io.github.zitadelstarter.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.Resource;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE hints that the configuration processor generates, and the property table of docs/properties.md,
 * say the same thing: every property, with a description, and the same defaults.
 */
class ConfigurationMetadataTests {

	private static final Pattern README_ROW = Pattern.compile("^\\| `([a-z.\\-]+)` \\| (`([^`]*)`)? ?\\|",
			Pattern.MULTILINE);

	@Test
	void everyPropertyHasADescriptionAndTheReadmeTableMatches() throws Exception {
		Map<String, String> metadata = metadataDefaults();
		Map<String, String> readme = readmeDefaults();

		assertThat(metadata).containsKeys("zitadel.issuer", "zitadel.service-user.key-file",
				"zitadel.service-user.key-json", "zitadel.organization-id", "zitadel.scopes",
				"management.health.zitadel.enabled");
		assertThat(readme).isEqualTo(metadata);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> metadataDefaults() throws IOException, ParseException {
		Map<String, String> defaults = new TreeMap<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
			String url = resource.getURL().toString();
			// The module's own metadata, not what the processor writes for the tests' applications.
			if (!url.contains("zitadel-spring-boot-autoconfigure") || url.contains("/test-classes/")) {
				continue;
			}
			try (InputStream in = resource.getInputStream()) {
				Map<String, Object> json = JSONObjectUtils.parse(StreamUtils.copyToString(in, StandardCharsets.UTF_8));
				for (Map<String, Object> property : (List<Map<String, Object>>) json.get("properties")) {
					assertThat((String) property.get("description")).as("description of " + property.get("name"))
						.isNotBlank();
					Object defaultValue = property.get("defaultValue");
					defaults.put((String) property.get("name"), (defaultValue != null) ? defaultValue.toString() : "");
				}
			}
		}
		return defaults;
	}

	private static Map<String, String> readmeDefaults() throws IOException {
		String readme = Files.readString(Path.of("..", "docs", "properties.md"));
		Map<String, String> defaults = new TreeMap<>();
		Matcher row = README_ROW.matcher(readme);
		while (row.find()) {
			String defaultValue = (row.group(3) != null) ? row.group(3) : "";
			// The token endpoint's default is derived, so the metadata has none.
			defaults.put(row.group(1), defaultValue.startsWith("{") ? "" : defaultValue);
		}
		return defaults;
	}

}
