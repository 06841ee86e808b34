package org.marginfall.protocols.perp;

import java.util.Optional;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;

/** Reads a perpetual venue's {@code borrowing: {lendable, pnlWeight}} block. Stateless. */
final class BorrowTermsReader {

  private BorrowTermsReader() {}

  /**
   * The block's terms, empty when it is absent, or empty with its problems recorded when it is
   * invalid.
   */
  static Optional<BorrowTerms> read(SpecNode b) {
    if (b.isMissing() || !b.requireObject()) {
      return Optional.empty();
    }
    Problems.Mark mark = b.mark();
    b.allowOnly("lendable", "pnlWeight");
    double lendable = b.positive("lendable");
    double weight = b.fraction("pnlWeight", 1.0);
    if (mark.failed()) {
      return Optional.empty();
    }
    BorrowTerms terms = b.build(() -> new BorrowTerms(lendable, weight));
    return Optional.ofNullable(terms);
  }
}
