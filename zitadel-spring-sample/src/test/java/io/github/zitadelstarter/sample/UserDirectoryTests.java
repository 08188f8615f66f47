package io.github.zitadelstarter.sample;

import io.github.zitadelstarter.test.ApiCall;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
@EnableLocalZitadel
class UserDirectoryTests {

	@Autowired
	UserDirectory directory;

	@Autowired
	LocalZitadel zitadel;

	@Test
	void findsTheDisplayNameOfAUser() {
		String id = this.zitadel.addHumanUser("grace.hopper", "Grace", "Hopper");

		assertThat(this.directory.displayName(id).block()).isEqualTo("Grace Hopper");
		assertThat(this.directory.displayName("100000000000000000").block()).isEqualTo("(unknown user)");
		assertThat(this.zitadel.apiCalls()).extracting(ApiCall::path)
			.contains("/zitadel.user.v2.UserService/GetUserByID");
	}

	@Test
	void findsUsersByTheStartOfTheirUserName() {
		this.zitadel.addHumanUser("grace.hopper", "Grace", "Hopper");

		assertThat(this.directory.search("GRACE").map((user) -> user.userId()).collectList().block())
			.hasSize(1);
		assertThat(this.directory.search("").count().block()).isEqualTo(4);
	}

	@Test
	void saysSoWhenZitadelIsDown() {
		String id = this.zitadel.addHumanUser("grace.hopper", "Grace", "Hopper");
		this.directory.displayName(id).block(); // with a token in hand, as in a running application

		this.zitadel.goDown(); // comes back by itself after the test

		assertThatExceptionOfType(UserDirectory.UnavailableException.class)
			.isThrownBy(() -> this.directory.displayName(id).block())
			.withMessageStartingWith("ZITADEL cannot be reached");
	}

}
