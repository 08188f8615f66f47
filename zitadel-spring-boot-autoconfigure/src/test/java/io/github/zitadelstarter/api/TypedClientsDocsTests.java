package io.github.zitadelstarter.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/api-catalog.md}, the list of services and RPCs, is the one the generator wrote
 * from the descriptors in this build ({@code zitadel-spring/target/generated-docs}).
 */
class TypedClientsDocsTests {

	@Test
	void theListOfServicesAndRpcsIsUpToDate() throws IOException {
		Path generated = Path.of("../zitadel-spring/target/generated-docs/api-catalog.md");
		Path docs = Path.of("../docs/api-catalog.md");
		assertThat(Files.readString(docs))
			.as("docs/api-catalog.md is out of date: cp zitadel-spring/target/generated-docs/api-catalog.md docs/")
			.isEqualTo(Files.readString(generated));
	}

}
