package org.marginfall.reports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A task run on a thread of its own while the caller goes on, so a report can draw one group of
 * charts on a second core while it draws another. Only timing depends on the thread: the result is
 * the task's return value, which the caller puts in a fixed place, so written files stay
 * byte-for-byte deterministic.
 *
 * <p>The thread is a daemon, so a caller that fails before {@link #join()} never keeps the JVM
 * alive. Instances are thread-safe.
 *
 * @param <T> the task's result
 */
final class Background<T> {

  private final FutureTask<T> task;

  private Background(FutureTask<T> task) {
    this.task = task;
  }

  /** Starts {@code work} on a new daemon thread named {@code name}. */
  static <T> Background<T> start(String name, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return new Background<>(task);
  }

  /**
   * Waits for the task and returns its result, or throws what it threw, unwrapped, so a caller sees
   * the same exception as if it had run the task itself.
   */
  T join() throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + task);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
