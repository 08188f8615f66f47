package io.github.zitadelstarter.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A clock that tests move forward by hand, so that token lifetimes pass without waiting,
 * with a scheduler on the same time: the tasks that fall due while the clock is moved
 * forward run then, on the thread that moves it.
 */
public final class MutableClock extends Clock {

	private volatile Instant now = Instant.now();

	private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();

	/**
	 * Moves the clock forward, then runs the scheduled tasks that are due by then.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
		this.scheduler.advanceTimeBy(duration);
	}

	/**
	 * A scheduler whose time moves with this clock.
	 * @return the scheduler
	 */
	public VirtualTimeScheduler scheduler() {
		return this.scheduler;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
