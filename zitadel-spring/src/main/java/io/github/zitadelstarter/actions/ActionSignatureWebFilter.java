package io.github.zitadelstarter.actions;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Checks the {@code ZITADEL-Signature} of every request to a ZITADEL target of a WebFlux
 * application before anything else sees it, Spring Security included: the raw body is buffered
 * (up to {@value ActionSignatureFilter#MAXIMUM_BODY_SIZE} bytes) and checked, a failed check is
 * answered 401 and logged without key or body, and a call that passes reaches the handler with
 * the same bytes to read (as {@code @RequestBody}). Requests to other paths pass untouched.
 */
public class ActionSignatureWebFilter implements WebFilter, Ordered {

	private static final Log logger = LogFactory.getLog(ActionSignatureWebFilter.class);

	private final Supplier<ActionTargets> targets;

	private int order = ActionSignatureFilter.DEFAULT_ORDER;

	/**
	 * Creates the filter.
	 * @param targets the targets, asked on each request
	 */
	public ActionSignatureWebFilter(Supplier<ActionTargets> targets) {
		this.targets = targets;
	}

	/**
	 * Creates the filter.
	 * @param targets the targets
	 */
	public ActionSignatureWebFilter(ActionTargets targets) {
		this(() -> targets);
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Sets the filter's order.
	 * @param order the order, {@link ActionSignatureFilter#DEFAULT_ORDER} unless set
	 */
	public void setOrder(int order) {
		this.order = order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		ActionTarget target = this.targets.get().find(request.getPath().pathWithinApplication());
		if (target == null) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(request.getBody(), ActionSignatureFilter.MAXIMUM_BODY_SIZE)
			.map(ActionSignatureWebFilter::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> {
				try {
					target.verifier().verify(body, request.getHeaders().getFirst(ActionSignature.HEADER));
				}
				catch (InvalidActionSignatureException ex) {
					return refuse(exchange, target, HttpStatus.UNAUTHORIZED, ex.getReason().getDescription());
				}
				ServerHttpRequest verified = new ServerHttpRequestDecorator(request) {

					@Override
					public Flux<DataBuffer> getBody() {
						return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
					}

				};
				return chain.filter(exchange.mutate().request(verified).build());
			})
			.onErrorResume(DataBufferLimitException.class, (ex) -> refuse(exchange, target,
					HttpStatus.PAYLOAD_TOO_LARGE,
					"its body is larger than " + ActionSignatureFilter.MAXIMUM_BODY_SIZE + " bytes"));
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static Mono<Void> refuse(ServerWebExchange exchange, ActionTarget target, HttpStatus status,
			String reason) {
		ServerHttpRequest request = exchange.getRequest();
		logger.warn("Refused a call to ZITADEL target '" + target.name() + "' (" + request.getMethod() + " "
				+ request.getPath() + "): " + reason);
		exchange.getResponse().setStatusCode(status);
		return exchange.getResponse().setComplete();
	}

}
