package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.engine.InvariantViolationException;
import org.marginfall.core.spec.InvalidSpecException;

class RunExecutorTest {

  @Test
  void test_reasonOf_eachExceptionItsReason() {
    assertEquals(
        FailureReason.INVALID_SCENARIO,
        RunExecutor.reasonOf(new InvalidSpecException("venues[0].x", "bad")));
    assertEquals(
        FailureReason.INVARIANT_BROKEN,
        RunExecutor.reasonOf(new InvariantViolationException(3, List.of("ledger USD sums to 1"))));
    assertEquals(
        FailureReason.NUMERICAL, RunExecutor.reasonOf(new ArithmeticException("long overflow")));
    assertEquals(FailureReason.ERROR, RunExecutor.reasonOf(new IllegalStateException("boom")));
    assertEquals(FailureReason.ERROR, RunExecutor.reasonOf(new IOException("disk full")));
  }

  @Test
  void test_message_classAndMessageOnOneLine() {
    assertEquals(
        "ArithmeticException: long overflow",
        RunExecutor.message(new ArithmeticException("long overflow")));
    assertEquals("NullPointerException", RunExecutor.message(new NullPointerException()));
  }
}
