package io.github.zitadelstarter.autoconfigure;

import java.time.Clock;

import io.github.zitadelstarter.health.ZitadelHealthIndicator;
import io.github.zitadelstarter.key.ServiceUserKey;
import io.github.zitadelstarter.token.ZitadelTokenSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code zitadel} health contributor, switched by
 * {@code management.health.zitadel.enabled}.
 */
@AutoConfiguration(after = ZitadelAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(ZitadelTokenSource.class)
@ConditionalOnEnabledHealthIndicator("zitadel")
public final class ZitadelHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "zitadelHealthIndicator")
	ZitadelHealthIndicator zitadelHealthIndicator(ZitadelTokenSource tokenSource, ServiceUserKey key,
			ZitadelProperties properties) {
		return new ZitadelHealthIndicator(tokenSource, ZitadelUrls.base(properties.issuerUri()), key,
				properties.getHealth().getTimeout(), properties.getServiceUser().getKeyExpiryWarning(),
				Clock.systemUTC());
	}

}
