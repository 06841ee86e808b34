package org.marginfall.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A venue with no books that journals every engine call ({@code venue.<call>@<step>/<round>}) and
 * behaves as its {@link Script} says: always or never one liquidatable account, and an audit or
 * snapshot that breaks at a chosen step. Each liquidation closes {@link #NOTIONAL_PER_LIQUIDATION}.
 * Mutable and not thread-safe.
 */
final class ScriptedVenue implements Venue {

  static final VenueId ID = VenueId.of("perp-x");
  static final AccountId UNDERWATER = AccountId.of("perp-x", "accounts", "0001");
  static final double NOTIONAL_PER_LIQUIDATION = 100.0;
  static final double INSURANCE_FUND = 1_000.0;

  /**
   * How the venue behaves.
   *
   * @param alwaysLiquidatable whether {@link #UNDERWATER} is reported in every round
   * @param auditFailsAtStep the step whose audit reports a problem, -1 for never
   * @param nanOpenInterestAtStep the step whose snapshot has a NaN open interest, -1 for never
   */
  record Script(boolean alwaysLiquidatable, long auditFailsAtStep, long nanOpenInterestAtStep) {
    static Script healthy() {
      return new Script(false, -1, -1);
    }

    static Script underwater() {
      return new Script(true, -1, -1);
    }
  }

  /** The spec; it resolves a fresh venue for every run, journaling into {@code journal}. */
  record Spec(Script script, List<String> journal) implements VenueSpec {
    @Override
    public VenueId id() {
      return ID;
    }

    @Override
    public String type() {
      return "scripted";
    }

    @Override
    public Set<AssetId> tradableAssets() {
      return Set.of();
    }

    @Override
    public Set<AssetId> collateralAssets() {
      return Set.of();
    }

    @Override
    public Venue resolve(VenueServices services) {
      return new ScriptedVenue(script, services.clock(), journal);
    }
  }

  private final Script script;
  private final SimClock clock;
  private final List<String> journal;
  private long liquidations;

  private ScriptedVenue(Script script, SimClock clock, List<String> journal) {
    this.script = script;
    this.clock = clock;
    this.journal = journal;
  }

  private void log(String call) {
    journal.add("venue." + call + "@" + clock.step() + "/" + clock.round());
  }

  @Override
  public VenueId id() {
    return ID;
  }

  @Override
  public String type() {
    return "scripted";
  }

  @Override
  public Map<String, Object> attributes() {
    return Map.of("marginMode", "none");
  }

  @Override
  public void markToMarket() {
    log("markToMarket");
  }

  @Override
  public MarginState marginStateNow(AccountId account) {
    // Not journaled: attribution reads states, the journal records what the engine makes venues do.
    return account.equals(UNDERWATER) && script.alwaysLiquidatable()
        ? new MarginState(50, 200, 100)
        : null;
  }

  @Override
  public List<LiquidationCandidate> liquidatable() {
    log("liquidatable");
    if (!script.alwaysLiquidatable()) {
      return List.of();
    }
    return new ArrayList<>(
        List.of(new LiquidationCandidate(ID, UNDERWATER, new MarginState(50, 200, 100))));
  }

  @Override
  public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator) {
    log("liquidate");
    liquidations++;
    return Optional.of(
        new LiquidationOutcome(ID, account, NOTIONAL_PER_LIQUIDATION, 0, List.of(), 0));
  }

  @Override
  public void settle() {
    log("settle");
  }

  @Override
  public VenueSnapshot snapshot() {
    double openInterest = clock.step() == script.nanOpenInterestAtStep() ? Double.NaN : 0.0;
    return new VenueSnapshot(
        1,
        liquidations,
        liquidations * NOTIONAL_PER_LIQUIDATION,
        0,
        0,
        0,
        INSURANCE_FUND,
        openInterest,
        script.alwaysLiquidatable() ? 1 : 0);
  }

  @Override
  public List<String> audit() {
    if (clock.step() == script.auditFailsAtStep()) {
      return List.of("venue perp-x: books disagree at step " + clock.step());
    }
    return List.of();
  }
}
