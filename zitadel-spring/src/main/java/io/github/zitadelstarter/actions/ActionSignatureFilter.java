package io.github.zitadelstarter.actions;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the {@code ZITADEL-Signature} of every request to a ZITADEL target of a servlet
 * application before anything else sees it, Spring Security included: the raw body is read
 * (up to {@value #MAXIMUM_BODY_SIZE} bytes) and checked, a failed check is answered 401 and
 * logged without key or body, and a call that passes reaches the handler with the same bytes
 * to read (as {@code @RequestBody}). Requests to other paths pass untouched.
 */
public class ActionSignatureFilter extends OncePerRequestFilter implements Ordered {

	/**
	 * Before Spring Security's filter chain ({@code -100}), so that a target's calls are checked
	 * first and are not mistaken for users' requests.
	 */
	public static final int DEFAULT_ORDER = -110;

	/** ZITADEL's payloads are a few kilobytes; a caller without a valid signature gets no more. */
	public static final int MAXIMUM_BODY_SIZE = 1024 * 1024;

	private static final Log logger = LogFactory.getLog(ActionSignatureFilter.class);

	private final Supplier<ActionTargets> targets;

	private int order = DEFAULT_ORDER;

	/**
	 * Creates the filter.
	 * @param targets the targets, asked on each request (they may be known only once the
	 * application's handler mappings are)
	 */
	public ActionSignatureFilter(Supplier<ActionTargets> targets) {
		this.targets = targets;
	}

	/**
	 * Creates the filter.
	 * @param targets the targets
	 */
	public ActionSignatureFilter(ActionTargets targets) {
		this(() -> targets);
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Sets the filter's order.
	 * @param order the order, {@link #DEFAULT_ORDER} unless set
	 */
	public void setOrder(int order) {
		this.order = order;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return target(request) == null;
	}

	private @Nullable ActionTarget target(HttpServletRequest request) {
		return this.targets.get().find(pathWithinApplication(request));
	}

	static String pathWithinApplication(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ActionTarget target = target(request);
		if (target == null) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAXIMUM_BODY_SIZE + 1);
		if (body.length > MAXIMUM_BODY_SIZE) {
			logger.warn("Refused a call to ZITADEL target '" + target.name() + "' (" + request.getMethod() + " "
					+ request.getRequestURI() + "): its body is larger than " + MAXIMUM_BODY_SIZE + " bytes");
			response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
			return;
		}
		try {
			target.verifier().verify(body, request.getHeader(ActionSignature.HEADER));
		}
		catch (InvalidActionSignatureException ex) {
			logger.warn("Refused a call to ZITADEL target '" + target.name() + "' (" + request.getMethod() + " "
					+ request.getRequestURI() + "): " + ex.getReason().getDescription());
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			return;
		}
		chain.doFilter(new VerifiedRequest(request, body), response);
	}

	/** The request with its body, already read, to be read again. */
	private static final class VerifiedRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		VerifiedRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The verified body is read synchronously");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(this.body), charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
