package io.github.zitadelstarter.key;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.zitadelstarter.testsupport.MutableClock;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class ServiceUserKeyFileTests {

	private static final String ROTATED_KEY_ID = "300000000000000002";

	private static final String THIRD_KEY_ID = "300000000000000003";

	private static final String OTHER_USER_ID = "300000000000000099";

	private static final TestServiceUser first = TestServiceUser.create();

	private static final TestServiceUser second = TestServiceUser.create();

	private final MutableClock clock = new MutableClock();

	@TempDir
	Path directory;

	private ServiceUserKeyFile keyFile;

	@AfterEach
	void stopWatching() {
		if (this.keyFile != null) {
			this.keyFile.stop();
		}
	}

	@Test
	void aPlainFileReplacedInPlaceIsUsed(CapturedOutput output) throws IOException {
		Path file = this.directory.resolve("key.json");
		Files.writeString(file, first.keyJson());
		FileTime written = Files.getLastModifiedTime(file);
		this.keyFile = watch(file, this.clock);
		this.clock.advance(Duration.ofMinutes(5));
		Files.writeString(file, rotatedKey());
		// Explicitly later: on a file system with coarse timestamps both writes may share one.
		Files.setLastModifiedTime(file, FileTime.from(written.toInstant().plusSeconds(2)));
		this.keyFile.check();
		assertThat(this.keyFile.get().getKeyId()).isEqualTo(ROTATED_KEY_ID);
		assertThat(this.keyFile.get().getPrivateKey()).isEqualTo(ServiceUserKey.fromJson(rotatedKey()).getPrivateKey());
		assertThat(this.keyFile.getLoadedAt()).isEqualTo(this.clock.instant());
		assertThat(this.keyFile.getProblem()).isNull();
		assertThat(lines(output, "INFO")).singleElement()
			.asString()
			.contains("The service user key file " + file + " changed: now using key " + ROTATED_KEY_ID
					+ " of service user " + TestServiceUser.USER_ID + " instead of key " + TestServiceUser.KEY_ID);
		assertThat(lines(output, "WARN")).isEmpty();
		assertNoKeyMaterialIn(output);
	}

	@Test
	void aKubernetesSecretUpdateIsUsed(CapturedOutput output) throws IOException {
		KubernetesSecret secret = new KubernetesSecret(this.directory, first.keyJson());
		this.keyFile = watch(secret.file(), this.clock);
		Instant firstLoadedAt = this.keyFile.getLoadedAt();
		this.clock.advance(Duration.ofMinutes(5));
		secret.update(rotatedKey());
		this.keyFile.check();
		assertThat(this.keyFile.get().getKeyId()).isEqualTo(ROTATED_KEY_ID);
		assertThat(this.keyFile.get().getPrivateKey().getModulus()).isEqualTo(second.publicKey().getModulus());
		assertThat(this.keyFile.getLoadedAt()).isEqualTo(firstLoadedAt.plus(Duration.ofMinutes(5)));
		assertThat(this.keyFile.getProblem()).isNull();
		assertThat(this.keyFile.getPath()).isEqualTo(secret.file());
		assertThat(this.keyFile).hasToString(
				"ServiceUserKeyFile[path=" + secret.file() + ", keyId=" + ROTATED_KEY_ID + "]");
		assertThat(lines(output, "INFO")).singleElement().asString().contains(ROTATED_KEY_ID, TestServiceUser.KEY_ID);
		assertNoKeyMaterialIn(output);
	}

	@Test
	void aKubernetesSecretUpdateIsUsedEvenWithTheSameTimeAndSize() throws IOException {
		String original = first.keyJson();
		String rotated = rotatedKey();
		// Pad with JSON whitespace so that both files have exactly the same size.
		String padding = " ".repeat(Math.abs(original.length() - rotated.length()));
		original = (original.length() < rotated.length()) ? original + padding : original;
		rotated = (rotated.length() < original.length()) ? rotated + padding : rotated;
		KubernetesSecret secret = new KubernetesSecret(this.directory, original);
		FileTime originalTime = Files.getLastModifiedTime(secret.file());
		long originalSize = Files.size(secret.file());
		this.keyFile = watch(secret.file(), this.clock);
		secret.update(rotated);
		Files.setLastModifiedTime(secret.file(), originalTime);
		assertThat(Files.getLastModifiedTime(secret.file())).isEqualTo(originalTime);
		assertThat(Files.size(secret.file())).isEqualTo(originalSize);
		this.keyFile.check();
		assertThat(this.keyFile.get().getKeyId()).isEqualTo(ROTATED_KEY_ID);
	}

	@Test
	void aReplacementThatIsNotJsonKeepsTheKeyWarnsOnceAndIsForgottenOnceAUsableKeyArrives(CapturedOutput output)
			throws IOException {
		KubernetesSecret secret = new KubernetesSecret(this.directory, first.keyJson());
		this.keyFile = watch(secret.file(), this.clock);
		Instant loadedAt = this.keyFile.getLoadedAt();
		this.clock.advance(Duration.ofMinutes(1));
		secret.update(first.pkcs1Pem());
		this.keyFile.check();
		this.keyFile.check();
		assertThat(this.keyFile.get().getKeyId()).isEqualTo(TestServiceUser.KEY_ID);
		assertThat(this.keyFile.getLoadedAt()).isEqualTo(loadedAt);
		assertThat(this.keyFile.getProblem())
			.isEqualTo("The service user key file " + secret.file() + " changed and cannot be used: "
					+ "The service user key is not a JSON object. Download a new JSON key for the service user in the "
					+ "ZITADEL console (Service Users > your user > Keys > New, type JSON) and configure that file.");
		assertThat(lines(output, "WARN")).singleElement()
			.asString()
			.contains("The service user key file " + secret.file() + " changed and cannot be used, so key "
					+ TestServiceUser.KEY_ID + " (loaded at " + loadedAt + ") stays in use: "
					+ "The service user key is not a JSON object. Download a new JSON key");
		secret.update(rotatedKey());
		this.keyFile.check();
		assertThat(this.keyFile.get().getKeyId()).isEqualTo(ROTATED_KEY_ID);
		assertThat(this.keyFile.getProblem()).isNull();
		assertThat(lines(output, "WARN")).hasSize(1);
		assertNoKeyMaterialIn(output);
	}

	@Test
	void anotherUsersKeyIsNotUsed(CapturedOutput output) throws IOException {
		KubernetesSecret secret = new KubernetesSecret(this.directory, first.keyJson());
		this.keyFile = watch(secret.file(), this.clock);
		secret.update(second.keyJson(ROTATED_KEY_ID, OTHER_USER_ID, inAYear()));
		this.keyFile.check();
		this.keyFile.check();
		assertThat(this.keyFile.get().getKeyId()).isEqualTo(TestServiceUser.KEY_ID);
		assertThat(this.keyFile.getProblem()).contains("It holds key " + ROTATED_KEY_ID + " of service user "
				+ OTHER_USER_ID + ", but the key in use belongs to service user " + TestServiceUser.USER_ID,
				"Put a key of service user " + TestServiceUser.USER_ID
						+ " there, or restart the application to use the other user.");
		assertThat(lines(output, "WARN")).singleElement().asString().contains(OTHER_USER_ID);
		assertNoKeyMaterialIn(output);
	}

	@Test
	void anExpiredKeyIsNotUsed(CapturedOutput output) throws IOException {
		KubernetesSecret secret = new KubernetesSecret(this.directory, first.keyJson());
		this.keyFile = watch(secret.file(), this.clock);
		Instant expired = this.clock.instant().minusSeconds(1);
		secret.update(second.keyJson(ROTATED_KEY_ID, TestServiceUser.USER_ID, expired));
		this.keyFile.check();
		assertThat(this.keyFile.get().getKeyId()).isEqualTo(TestServiceUser.KEY_ID);
		assertThat(this.keyFile.getProblem()).contains("Its key " + ROTATED_KEY_ID + " expired at " + expired + ".",
				"Add a new JSON key to the service user in the ZITADEL console");
		assertThat(lines(output, "WARN")).singleElement().asString().contains("expired at " + expired);
	}

	@Test
	void aFileMissingForAWhileKeepsTheKeyAndWarnsOnce(CapturedOutput output) throws IOException {
		Path file = this.directory.resolve("key.json");
		Files.writeString(file, first.keyJson());
		this.keyFile = watch(file, this.clock);
		Files.delete(file);
		this.keyFile.check();
		this.keyFile.check();
		assertThat(this.keyFile.get().getKeyId()).isEqualTo(TestServiceUser.KEY_ID);
		assertThat(this.keyFile.getProblem()).contains("The file does not exist.", "Put the key file back");
		assertThat(lines(output, "WARN")).singleElement().asString().contains("The file does not exist.");
		Files.writeString(file, rotatedKey());
		this.keyFile.check();
		assertThat(this.keyFile.get().getKeyId()).isEqualTo(ROTATED_KEY_ID);
		assertThat(this.keyFile.getProblem()).isNull();
	}

	@Test
	void aSecretWhoseDataLinkIsMissingMidSwapKeepsTheKey() throws IOException {
		KubernetesSecret secret = new KubernetesSecret(this.directory, first.keyJson());
		this.keyFile = watch(secret.file(), this.clock);
		Files.delete(this.directory.resolve("..data"));
		this.keyFile.check();
		assertThat(this.keyFile.get().getKeyId()).isEqualTo(TestServiceUser.KEY_ID);
		assertThat(this.keyFile.getProblem()).contains("The file does not exist.");
	}

	@Test
	void theSameKeyComingBackClearsTheProblemAndKeepsTheKeyLoaded(CapturedOutput output) throws IOException {
		Path file = this.directory.resolve("key.json");
		String json = first.keyJson();
		Files.writeString(file, json);
		this.keyFile = watch(file, this.clock);
		ServiceUserKey key = this.keyFile.get();
		Instant loadedAt = this.keyFile.getLoadedAt();
		Files.delete(file);
		this.keyFile.check();
		this.clock.advance(Duration.ofMinutes(1));
		Files.writeString(file, json);
		this.keyFile.check();
		assertThat(this.keyFile.get()).isSameAs(key);
		assertThat(this.keyFile.getLoadedAt()).isEqualTo(loadedAt);
		assertThat(this.keyFile.getProblem()).isNull();
		assertThat(lines(output, "INFO")).singleElement()
			.asString()
			.contains("holds a usable key again: still using key " + TestServiceUser.KEY_ID);
	}

	@Test
	void eachNewProblemIsWarnedAbout(CapturedOutput output) throws IOException {
		KubernetesSecret secret = new KubernetesSecret(this.directory, first.keyJson());
		this.keyFile = watch(secret.file(), this.clock);
		secret.update("{}");
		this.keyFile.check();
		secret.update(second.keyJson(ROTATED_KEY_ID, OTHER_USER_ID, inAYear()));
		this.keyFile.check();
		this.keyFile.check();
		assertThat(lines(output, "WARN")).satisfiesExactly(
				(line) -> assertThat(line).contains("The service user key has no 'keyId'."),
				(line) -> assertThat(line).contains("of service user " + OTHER_USER_ID));
		assertThat(this.keyFile.getProblem()).contains(OTHER_USER_ID);
	}

	@Test
	void anUnchangedFileIsNotRead(CapturedOutput output) throws IOException {
		Path file = this.directory.resolve("key.json");
		String json = first.keyJson();
		Files.writeString(file, json);
		FileTime written = Files.getLastModifiedTime(file);
		this.keyFile = watch(file, this.clock);
		// Same file, size and time but content that could not be used: a check that read it would complain.
		Files.writeString(file, "x".repeat(json.length()));
		Files.setLastModifiedTime(file, written);
		this.keyFile.check();
		assertThat(this.keyFile.get().getKeyId()).isEqualTo(TestServiceUser.KEY_ID);
		assertThat(this.keyFile.getProblem()).isNull();
		assertThat(lines(output, "WARN")).isEmpty();
	}

	@Test
	void whileStartedTheFileIsCheckedOnADaemonThreadUntilStopped() throws IOException {
		KubernetesSecret secret = new KubernetesSecret(this.directory, first.keyJson());
		this.keyFile = new ServiceUserKeyFile(secret.file(), ServiceUserKey.fromJson(first.keyJson()),
				Duration.ofMillis(50), this.clock);
		assertThat(this.keyFile.isRunning()).isFalse();
		this.keyFile.start();
		assertThat(this.keyFile.isRunning()).isTrue();
		assertThat(this.keyFile.isAutoStartup()).isTrue();
		secret.update(rotatedKey());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.keyFile.get().getKeyId().equals(ROTATED_KEY_ID));
		assertThat(watcherThreads()).isNotEmpty().allMatch(Thread::isDaemon);
		this.keyFile.stop();
		assertThat(this.keyFile.isRunning()).isFalse();
		secret.update(second.keyJson(THIRD_KEY_ID, TestServiceUser.USER_ID, inAYear()));
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.keyFile.get().getKeyId().equals(ROTATED_KEY_ID));
		this.keyFile.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.keyFile.get().getKeyId().equals(THIRD_KEY_ID));
	}

	@Test
	void aCheckThatThrowsDoesNotEndTheSchedule(CapturedOutput output) throws IOException {
		FailingOnceClock failingClock = new FailingOnceClock(this.clock);
		KubernetesSecret secret = new KubernetesSecret(this.directory, first.keyJson());
		this.keyFile = new ServiceUserKeyFile(secret.file(), ServiceUserKey.fromJson(first.keyJson()),
				Duration.ofMillis(50), failingClock);
		failingClock.failNext();
		this.keyFile.start();
		secret.update(rotatedKey());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.keyFile.get().getKeyId().equals(ROTATED_KEY_ID));
		assertThat(lines(output, "WARN")).singleElement()
			.asString()
			.contains("Checking the service user key file " + secret.file() + " failed; checking again every PT0.05S");
		assertThat(this.keyFile.getProblem()).isNull();
	}

	private ServiceUserKeyFile watch(Path file, Clock clock) throws IOException {
		ServiceUserKey key = ServiceUserKey.fromJson(Files.readString(file));
		return new ServiceUserKeyFile(file, key, Duration.ofHours(1), clock);
	}

	/** Another key of the same service user, as the console adds it when a key is rotated. */
	private String rotatedKey() {
		return second.keyJson(ROTATED_KEY_ID, TestServiceUser.USER_ID, inAYear());
	}

	private Instant inAYear() {
		return this.clock.instant().plus(Duration.ofDays(365));
	}

	private static List<String> lines(CapturedOutput output, String level) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains(level) && line.contains(ServiceUserKeyFile.class.getSimpleName()))
			.toList();
	}

	private static void assertNoKeyMaterialIn(CapturedOutput output) {
		assertThat(output.getAll()).doesNotContain(first.privateKeyPemLine())
			.doesNotContain(second.privateKeyPemLine());
	}

	private static List<Thread> watcherThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("zitadel-key-file-watcher"))
			.toList();
	}

	/**
	 * A secret mounted the way the kubelet does it: {@code key.json -> ..data/key.json},
	 * {@code ..data -> ..<timestamp>}, and an update writes a new timestamped directory,
	 * swaps {@code ..data} atomically and removes the old directory.
	 */
	private static final class KubernetesSecret {

		private final Path directory;

		private int version;

		private Path current;

		KubernetesSecret(Path directory, String json) throws IOException {
			this.directory = directory;
			this.current = writeVersion(json);
			Files.createSymbolicLink(directory.resolve("..data"), this.current.getFileName());
			Files.createSymbolicLink(file(), Path.of("..data", "key.json"));
		}

		Path file() {
			return this.directory.resolve("key.json");
		}

		void update(String json) throws IOException {
			Path previous = this.current;
			this.current = writeVersion(json);
			Path newLink = Files.createSymbolicLink(this.directory.resolve("..data_tmp"), this.current.getFileName());
			Files.move(newLink, this.directory.resolve("..data"), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			FileSystemUtils.deleteRecursively(previous);
		}

		private Path writeVersion(String json) throws IOException {
			Path version = Files.createDirectory(this.directory.resolve("..2025_01_01_00_00_0" + (++this.version)));
			Files.writeString(version.resolve("key.json"), json);
			return version;
		}

	}

	/** A clock that throws once when asked, as anything a scheduled check calls might. */
	private static final class FailingOnceClock extends Clock {

		private final Clock clock;

		private final AtomicBoolean failNext = new AtomicBoolean();

		FailingOnceClock(Clock clock) {
			this.clock = clock;
		}

		void failNext() {
			this.failNext.set(true);
		}

		@Override
		public Instant instant() {
			if (this.failNext.compareAndSet(true, false)) {
				throw new IllegalStateException("clock failure for the test");
			}
			return this.clock.instant();
		}

		@Override
		public ZoneId getZone() {
			return this.clock.getZone();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
