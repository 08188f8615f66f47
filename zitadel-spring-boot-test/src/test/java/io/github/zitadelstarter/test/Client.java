package io.github.zitadelstarter.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.ssl.pem.PemContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of a {@link LocalZitadel} that builds its requests by hand, signing assertions
 * with the key read back from the key JSON, as a client of ZITADEL would.
 */
final class Client {

	static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	static final String SCOPE = "openid urn:zitadel:iam:org:project:id:zitadel:aud";

	static final HttpClient http = HttpClient.newHttpClient();

	final LocalZitadel zitadel;

	final PrivateKey privateKey;

	Client(LocalZitadel zitadel) {
		this.zitadel = zitadel;
		try {
			this.privateKey = PemContent.of((String) JSONObjectUtils.parse(zitadel.keyJson()).get("key"))
				.getPrivateKey();
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A valid assertion's claims, dated by the given instant, for a test to spoil. */
	JWTClaimsSet.Builder claims(Instant now, Consumer<JWTClaimsSet.Builder> customizer) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.zitadel.userId())
			.subject(this.zitadel.userId())
			.audience(this.zitadel.issuer())
			.issueTime(Date.from(now.minusSeconds(1)))
			.expirationTime(Date.from(now.plusSeconds(60)));
		customizer.accept(claims);
		return claims;
	}

	JWSHeader header() {
		return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.zitadel.keyId()).build();
	}

	String assertion(Consumer<JWTClaimsSet.Builder> customizer) {
		return assertion(Instant.now(), customizer);
	}

	String assertion(Instant now, Consumer<JWTClaimsSet.Builder> customizer) {
		return sign(header(), claims(now, customizer).build());
	}

	String sign(JWSHeader header, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(this.privateKey));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> requestToken(String assertion) {
		return post("/oauth/v2/token", form("grant_type", JWT_BEARER, "scope", SCOPE, "assertion", assertion));
	}

	String token() {
		HttpResponse<String> response = requestToken(assertion((claims) -> {
		}));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return (String) json(response).get("access_token");
	}

	HttpResponse<String> clientCredentials(String basic, String scope) {
		HttpRequest.Builder request = request("/oauth/v2/token")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form("grant_type", "client_credentials", "scope", scope)));
		if (basic != null) {
			request.header("Authorization", basic);
		}
		return send(request);
	}

	static String basic(String id, String secret, boolean encode) {
		String pair = encode ? URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
				+ URLEncoder.encode(secret, StandardCharsets.UTF_8) : id + ":" + secret;
		return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
	}

	static String form(String... fields) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			map.put(fields[i], fields[i + 1]);
		}
		return map.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.zitadel.issuer() + path));
	}

	HttpResponse<String> post(String path, String form) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	HttpResponse<String> get(String path, String token) {
		return send(request(path).header("Authorization", "Bearer " + token));
	}

	HttpResponse<String> postJson(String path, String token, String body) {
		return send(request(path).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, Object> json(HttpResponse<String> response) {
		try {
			return JSONObjectUtils.parse(response.body());
		}
		catch (ParseException ex) {
			throw new AssertionError("Not JSON: " + response.body(), ex);
		}
	}

	void assertRefusedLikeZitadel(String assertion) {
		HttpResponse<String> response = requestToken(assertion);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
		assertThat(json(response)).isEqualTo(Map.of("error", "server_error", "error_description", "Errors.Internal"));
	}

}
