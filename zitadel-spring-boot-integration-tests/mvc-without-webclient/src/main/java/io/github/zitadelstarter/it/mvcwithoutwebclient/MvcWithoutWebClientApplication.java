package io.github.zitadelstarter.it.mvcwithoutwebclient;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * A Spring MVC application that excludes {@code spring-boot-starter-webclient} from the
 * starter, as the README tells MVC users, and calls ZITADEL through the
 * {@code zitadelRestClient} and an HTTP interface of the {@code zitadel} group.
 */
@SpringBootApplication
@ImportHttpServices(group = "zitadel", types = ZitadelAuthApi.class)
public class MvcWithoutWebClientApplication {

	public static void main(String[] args) {
		SpringApplication.run(MvcWithoutWebClientApplication.class, args);
	}

}
