package io.github.zitadelstarter.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs' "Testing your application" shows {@link UserDirectory} and
 * {@link UserDirectoryTests} as they are, and {@code SignInTests} (sessions, settings and an answer a
 * test sets), and "Typed clients" {@code TeamOnboarding} and
 * {@code ReactiveTeamOnboarding} (package {@code io.github.zitadelstarter.examples}), so that
 * what a reader copies is what passes here.
 */
class ReadmeExamplesTests {

	private static final Path TESTING = Path.of("../docs/testing.md");

	private static final Path TYPED_CLIENTS = Path.of("../docs/typed-clients.md");

	@Test
	void docsShowTheUserDirectoryAsItIs() throws IOException {
		assertThat(Files.readString(TESTING)).contains(
				"```java\n" + asShown(Path.of("src/main/java/io/github/zitadelstarter/sample/UserDirectory.java")) + "```");
	}

	@Test
	void docsShowItsTestAsItIs() throws IOException {
		assertThat(Files.readString(TESTING)).contains("```java\n"
				+ asShown(Path.of("src/test/java/io/github/zitadelstarter/sample/UserDirectoryTests.java")) + "```");
	}

	@Test
	void docsShowTheSignInTestAsItIs() throws IOException {
		assertThat(Files.readString(TESTING)).contains("```java\n"
				+ asShown(Path.of("src/test/java/io/github/zitadelstarter/examples/SignInTests.java")) + "```");
	}

	@Test
	void docsShowTheTypedClientExamplesAsTheyAre() throws IOException {
		String readme = Files.readString(TYPED_CLIENTS);
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
