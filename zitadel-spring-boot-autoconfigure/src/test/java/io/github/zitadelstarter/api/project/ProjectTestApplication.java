package io.github.zitadelstarter.api.project;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application of the project and authorization client tests: the starter's
 * auto-configuration and nothing else. One class for all of them, so that they share one
 * cached context and one local ZITADEL.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ProjectTestApplication {

}
