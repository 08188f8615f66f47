package io.github.zitadelstarter.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Testing your application" shows {@link UserDirectory} and
 * {@link UserDirectoryTests} as they are, and its "Typed clients" {@code TeamOnboarding} and
 * {@code ReactiveTeamOnboarding} (package {@code io.github.zitadelstarter.examples}), so that what a reader copies is what passes here.
 */
class ReadmeExamplesTests {

	private static final Path README = Path.of("../README.md");

	@Test
	void readmeShowsTheUserDirectoryAsItIs() throws IOException {
		assertThat(Files.readString(README)).contains(
				"```java\n" + asShown(Path.of("src/main/java/io/github/zitadelstarter/sample/UserDirectory.java")) + "```");
	}

	@Test
	void readmeShowsItsTestAsItIs() throws IOException {
		assertThat(Files.readString(README)).contains("```java\n"
				+ asShown(Path.of("src/test/java/io/github/zitadelstarter/sample/UserDirectoryTests.java")) + "```");
	}

	@Test
	void readmeShowsTheTypedClientExamplesAsTheyAre() throws IOException {
		String readme = Files.readString(README);
		assertThat(readme).contains("```java\n"
				+ asShown(Path.of("src/test/java/io/github/zitadelstarter/examples/TeamOnboarding.java")) + "```");
		assertThat(readme).contains("```java\n"
				+ asShown(Path.of("src/test/java/io/github/zitadelstarter/examples/ReactiveTeamOnboarding.java")) + "```");
	}

	/** The source without its package line, indented with spaces. */
	private static String asShown(Path source) throws IOException {
		String text = Files.readString(source);
		return text.substring(text.indexOf("\n\n") + 2).replace("\t", "    ");
	}

}
