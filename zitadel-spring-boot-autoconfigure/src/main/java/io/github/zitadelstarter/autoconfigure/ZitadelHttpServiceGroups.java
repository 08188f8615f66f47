package io.github.zitadelstarter.autoconfigure;

import org.springframework.core.Ordered;

/**
 * The HTTP service group whose clients call ZITADEL as the service user, as in
 * {@code @ImportHttpServices(group = "zitadel", types = ...)}.
 */
public final class ZitadelHttpServiceGroups {

	/** The group's name. */
	public static final String NAME = "zitadel";

	/**
	 * Before Boot's configurer of {@code spring.http.serviceclient.*}, so that a base URL set
	 * there wins over the issuer.
	 */
	static final int CONFIGURER_ORDER = Ordered.HIGHEST_PRECEDENCE;

	private ZitadelHttpServiceGroups() {
	}

}
