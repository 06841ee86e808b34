package org.marginfall.protocols.perp.portfolio;

import java.util.Objects;
import java.util.Optional;
import org.marginfall.core.venue.MarginState;

/**
 * An account's margin state under portfolio margin, with the model's detail when it applied.
 *
 * <p>Immutable and thread-safe.
 *
 * @param state equity against the requirements that apply
 * @param requirement the portfolio requirement; empty when the model could not price the account
 *     yet (a VaR window still filling) and the venue's standard requirements were kept
 */
public record PortfolioAssessment(MarginState state, Optional<MarginRequirement> requirement) {

  /** Validates the fields. */
  public PortfolioAssessment {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(requirement, "requirement");
  }

  /** Whether the portfolio model set the requirements (rather than the standard fallback). */
  public boolean portfolioMargined() {
    return requirement.isPresent();
  }
}
