package io.github.zitadelstarter.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/typed-clients.md}, the list of services and RPCs, is the one the generator wrote
 * from the descriptors in this build ({@code zitadel-spring/target/generated-docs}).
 */
class TypedClientsDocsTests {

	@Test
	void theListOfServicesAndRpcsIsUpToDate() throws IOException {
		Path generated = Path.of("../zitadel-spring/target/generated-docs/typed-clients.md");
		Path docs = Path.of("../docs/typed-clients.md");
		assertThat(Files.readString(docs))
			.as("docs/typed-clients.md is out of date: cp zitadel-spring/target/generated-docs/typed-clients.md docs/")
			.isEqualTo(Files.readString(generated));
	}

}
