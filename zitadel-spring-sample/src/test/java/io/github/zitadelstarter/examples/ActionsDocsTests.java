package io.github.zitadelstarter.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/actions.md shows {@link ZitadelTargetSetup} as it is ({@link ZitadelTargetSetupTests} runs
 * it), and the sample's targets as they are.
 */
class ActionsDocsTests {

	private static final Path ACTIONS = Path.of("../docs/actions.md");

	@Test
	void theSetUpFromCodeIsShownAsItIs() throws IOException {
		String source = Files.readString(Path.of("src/test/java/io/github/zitadelstarter/examples/ZitadelTargetSetup.java"));
		String shown = source.substring(source.indexOf("\n\n") + 2).replace("\t", "    ");
		assertThat(Files.readString(ACTIONS)).contains("```java\n" + shown + "```");
	}

	@Test
	void theSamplesGreetingIsShownAsItIs() throws IOException {
		String sample = Files.readString(Path.of("src/main/java/io/github/zitadelstarter/sample/ZitadelTargets.java"));
		String greeting = "return FunctionAnswer.empty().withClaim(\"sample_greeting\", \"Hello \" + payload.displayName());";
		assertThat(sample).contains(greeting);
		assertThat(Files.readString(ACTIONS)).contains(greeting);
	}

}
