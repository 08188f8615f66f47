package io.github.zitadelstarter.plainspring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/spring-without-boot.md} shows {@link ZitadelConfiguration} as it is, so that what a
 * reader copies is what {@link SpringWithoutBootTests} runs.
 */
class SpringWithoutBootDocsTests {

	@Test
	void docsShowTheConfigurationAsItIs() throws IOException {
		String source = Files
			.readString(Path.of("src/test/java/io/github/zitadelstarter/plainspring/ZitadelConfiguration.java"));
		String shown = source.substring(source.indexOf("\n\n") + 2).replace("\t", "    ");
		assertThat(Files.readString(Path.of("../docs/spring-without-boot.md"))).contains("```java\n" + shown + "```");
	}

}
