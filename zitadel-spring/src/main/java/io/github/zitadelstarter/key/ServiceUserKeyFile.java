package io.github.zitadelstarter.key;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * A service user key read from a file, and read again when the file changes, so that a
 * rotated key (for example an updated Kubernetes secret) is used without a restart.
 *
 * <p>
 * {@link #get()} only reads a field, so it can sit on the token path. {@link #check()}
 * looks at the file and, when it changed, reads it; while started (see
 * {@link SmartLifecycle}) a single daemon thread checks every {@code checkInterval}. A
 * replacement is used only if it is a valid key of the same service user that has not
 * expired; otherwise the key in use stays, one warning says why, and {@link #getProblem()}
 * tells until a usable key appears.
 *
 * <p>
 * The file counts as changed when the file it resolves to (following symlinks), its
 * file key (inode), its last-modified time or its size differ from the last check. That
 * catches a Kubernetes {@code ..data} symlink swap (the real path changes even when time
 * and size do not), a rename over the file, and an in-place write. An in-place edit that
 * keeps the size and restores the last-modified time is not seen; nothing that rotates
 * keys does that.
 */
public final class ServiceUserKeyFile implements Supplier<ServiceUserKey>, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ServiceUserKeyFile.class);

	/** ZITADEL's key files are about 2 KB; anything much larger is not one, so not read whole. */
	private static final long MAXIMUM_SIZE = 64 * 1024;

	private static final String THREAD_NAME = "zitadel-key-file-watcher";

	private final Path path;

	private final Duration checkInterval;

	private final Clock clock;

	private final Object lifecycleMonitor = new Object();

	private volatile Loaded loaded;

	private volatile @Nullable String problem;

	/** What the file looked like at the last check; only touched while holding {@code this}. */
	private FileState lastSeen;

	private @Nullable ScheduledExecutorService executor;

	/** Whether the last scheduled check threw, so that a lasting failure warns once. */
	private volatile boolean failing;

	/**
	 * Creates a key file that starts with the key already read from it.
	 * @param path the key file, possibly a symlink
	 * @param key the key read from the file at startup
	 * @param checkInterval how often to check the file while started
	 * @param clock the clock that tells whether a replacement has expired
	 */
	public ServiceUserKeyFile(Path path, ServiceUserKey key, Duration checkInterval, Clock clock) {
		Assert.notNull(path, "path must not be null");
		Assert.notNull(key, "key must not be null");
		Assert.notNull(checkInterval, "checkInterval must not be null");
		Assert.isTrue(!checkInterval.isNegative() && !checkInterval.isZero(), "checkInterval must be positive");
		Assert.notNull(clock, "clock must not be null");
		this.path = path;
		this.checkInterval = checkInterval;
		this.clock = clock;
		this.loaded = new Loaded(key, clock.instant());
		// The key was read from this file just before; its state now is what later checks compare with.
		this.lastSeen = FileState.of(path);
	}

	/**
	 * Returns the key in use, without touching the file.
	 * @return the key in use
	 */
	@Override
	public ServiceUserKey get() {
		return this.loaded.key();
	}

	/**
	 * Looks whether the file changed since the last check and, if it did, reads it and uses
	 * the key it holds when that key is usable.
	 */
	public synchronized void check() {
		FileState state = FileState.of(this.path);
		if (state.equals(this.lastSeen)) {
			return;
		}
		use(state);
		// Only now: if anything above threw, the next check tries this state again.
		this.lastSeen = state;
	}

	private void use(FileState state) {
		Loaded current = this.loaded;
		ServiceUserKey replacement;
		try {
			replacement = read(state, current.key());
		}
		catch (InvalidServiceUserKeyException ex) {
			refuse(current, ex.getMessage() + " " + ex.getAction());
			return;
		}
		if (sameKey(replacement, current.key())) {
			if (this.problem != null) {
				this.problem = null;
				logger.info(LogMessage.usableAgain(this.path, current.key()));
			}
			return;
		}
		this.loaded = new Loaded(replacement, this.clock.instant());
		this.problem = null;
		logger.info(LogMessage.replaced(this.path, current.key(), replacement));
	}

	private ServiceUserKey read(FileState state, ServiceUserKey current) {
		String unseen = state.problem();
		if (unseen != null) {
			throw new InvalidServiceUserKeyException(unseen, state.action());
		}
		if (state.size() > MAXIMUM_SIZE) {
			throw new InvalidServiceUserKeyException(
					"The file has " + state.size() + " bytes, far more than a service user key file.",
					"Check that the path names the JSON key file itself.");
		}
		String json;
		try {
			// Through the symlink rather than the real path: Kubernetes deletes the old directory after a swap.
			json = new String(Files.readAllBytes(this.path), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			FileState now = FileState.failed(ex);
			throw new InvalidServiceUserKeyException(Objects.requireNonNull(now.problem()), now.action());
		}
		ServiceUserKey key = parse(json);
		if (!key.getUserId().equals(current.getUserId())) {
			throw new InvalidServiceUserKeyException("It holds key " + key.getKeyId() + " of service user "
					+ key.getUserId() + ", but the key in use belongs to service user " + current.getUserId()
					+ "; a running application does not switch to another user.",
					"Put a key of service user " + current.getUserId()
							+ " there, or restart the application to use the other user.");
		}
		if (key.isExpiredAt(this.clock.instant())) {
			throw new InvalidServiceUserKeyException(
					"Its key " + key.getKeyId() + " expired at " + key.getExpirationDate() + ".",
					"Add a new JSON key to the service user in the ZITADEL console and put it in the file.");
		}
		return key;
	}

	private static ServiceUserKey parse(String json) {
		try {
			return ServiceUserKey.fromJson(json);
		}
		catch (InvalidServiceUserKeyException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// Whatever else the parser trips over is still about this content; reading it again would not help.
			throw new InvalidServiceUserKeyException(
					"It could not be read as a service user key (" + ex.getClass().getSimpleName() + ").",
					"Use the JSON key file exactly as ZITADEL issued it.");
		}
	}

	private void refuse(Loaded current, String reason) {
		// One warning per state of the file: the next one comes only when the file changes again.
		this.problem = "The service user key file " + this.path + " changed and cannot be used: " + reason;
		logger.warn(LogMessage.refused(this.path, current, reason));
	}

	private static boolean sameKey(ServiceUserKey candidate, ServiceUserKey current) {
		return candidate.getKeyId().equals(current.getKeyId())
				&& candidate.getPrivateKey().equals(current.getPrivateKey());
	}

	/**
	 * Why the last replacement of the file is not used, with what to do about it, or
	 * {@code null} once the file holds a usable key again.
	 * @return the problem or {@code null}
	 */
	public @Nullable String getProblem() {
		return this.problem;
	}

	/**
	 * When the key in use was loaded: at creation, or when a check found a new key.
	 * @return the instant the key in use was loaded
	 */
	public Instant getLoadedAt() {
		return this.loaded.loadedAt();
	}

	/**
	 * The key file, as given.
	 * @return the path of the key file
	 */
	public Path getPath() {
		return this.path;
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.executor != null) {
				return;
			}
			ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
				Thread thread = new Thread(runnable, THREAD_NAME);
				thread.setDaemon(true);
				return thread;
			});
			long interval = this.checkInterval.toNanos();
			executor.scheduleWithFixedDelay(this::checkAndCarryOn, interval, interval, TimeUnit.NANOSECONDS);
			this.executor = executor;
		}
	}

	private void checkAndCarryOn() {
		try {
			check();
			this.failing = false;
		}
		catch (Throwable ex) {
			// Caught, because an executor never runs a task again once it has thrown.
			if (!this.failing) {
				this.failing = true;
				logger.warn("Checking the service user key file " + this.path + " failed; checking again every "
						+ this.checkInterval + ", warning again only after a check succeeds", ex);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("Checking the service user key file " + this.path + " failed again", ex);
			}
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor;
		synchronized (this.lifecycleMonitor) {
			executor = this.executor;
			this.executor = null;
		}
		if (executor == null) {
			return;
		}
		// Not shutdownNow(): interrupting a read would only produce a misleading warning.
		executor.shutdown();
		try {
			executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.executor != null;
		}
	}

	@Override
	public String toString() {
		return "ServiceUserKeyFile[path=" + this.path + ", keyId=" + this.loaded.key().getKeyId() + "]";
	}

	private record Loaded(ServiceUserKey key, Instant loadedAt) {
	}

	/**
	 * What a check sees of the file without reading it: where its symlinks lead, which
	 * file that is, when it was modified and how large it is, or why it cannot be seen.
	 */
	private record FileState(@Nullable Path realPath, @Nullable Object fileKey, @Nullable FileTime lastModified,
			long size, @Nullable String problem, String action) {

		static FileState of(Path path) {
			try {
				// toRealPath first: a swap between the two calls is then seen as a change next time.
				Path realPath = path.toRealPath();
				BasicFileAttributes attributes = Files.readAttributes(realPath, BasicFileAttributes.class);
				if (!attributes.isRegularFile()) {
					return new FileState(realPath, attributes.fileKey(), attributes.lastModifiedTime(), -1,
							"It is not a regular file.", "Point the key file at the JSON key file itself.");
				}
				return new FileState(realPath, attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(),
						null, "");
			}
			catch (IOException ex) {
				return failed(ex);
			}
		}

		static FileState failed(IOException ex) {
			if (ex instanceof NoSuchFileException) {
				return new FileState(null, null, null, -1, "The file does not exist.",
						"Put the key file back; for a Kubernetes secret, check that the secret still has this entry.");
			}
			if (ex instanceof AccessDeniedException) {
				return new FileState(null, null, null, -1, "The file cannot be read (access denied).",
						"Make the file readable by the application's user.");
			}
			// The simple name only: the message of an I/O exception is not worth a stack trace every change.
			return new FileState(null, null, null, -1,
					"The file cannot be read (" + ex.getClass().getSimpleName() + ").",
					"Check the file and the file system it is on.");
		}

	}

	/** The log lines, kept together so that none of them can ever carry key material. */
	private static final class LogMessage {

		static String replaced(Path path, ServiceUserKey old, ServiceUserKey replacement) {
			return "The service user key file " + path + " changed: now using key " + replacement.getKeyId()
					+ " of service user " + replacement.getUserId() + " instead of key " + old.getKeyId()
					+ expiry(replacement);
		}

		static String usableAgain(Path path, ServiceUserKey key) {
			return "The service user key file " + path + " holds a usable key again: still using key "
					+ key.getKeyId() + " of service user " + key.getUserId();
		}

		static String refused(Path path, Loaded current, String reason) {
			return "The service user key file " + path + " changed and cannot be used, so key "
					+ current.key().getKeyId() + " (loaded at " + current.loadedAt() + ") stays in use: " + reason;
		}

		private static String expiry(ServiceUserKey key) {
			return (key.getExpirationDate() != null) ? " (expires at " + key.getExpirationDate() + ")" : "";
		}

	}

}
