package org.marginfall.protocols.cdp;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.venue.AuctionLot;
import org.marginfall.core.venue.AuctionTake;
import org.marginfall.core.venue.DebtAuctions;
import org.marginfall.core.venue.DebtLot;
import org.marginfall.core.venue.EnglishAuctions;
import org.marginfall.core.venue.EnglishLot;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VaultVenue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A CDP venue with MakerDAO Liquidations 2.0: isolated vaults that mint base-currency debt against
 * one collateral type, {@code Dog.bark} moving unsafe vaults into Clipper Dutch auctions, and the
 * Vow absorbing their proceeds and deficits (dog.sol, clip.sol, abaci.sol, vow.sol).
 *
 * <p>Ledger layout under the venue id {@code v}: vaults {@code v/vaults/<owner>/<ilk>} hold
 * collateral; {@code v/issuer} (external) mints the base currency a vault draws and the keeper
 * incentives (Maker's {@code vat.suck}) and takes back what the Vow heals, so its negative balance
 * is the outstanding supply; {@code v/auctions} holds collateral for sale; {@code v/vow} holds the
 * system surplus (stability fees, auction proceeds, the initial buffer); {@code v/bad-debt}
 * (external) is the outside backstop (Maker's MKR-minting {@code flop}) that writes off what the
 * surplus could not heal. The books satisfy, to the atom, {@code -issuer = sum of vault debt +
 * sin}, where {@code sin} is the Vow's queue of debt taken over from barked vaults plus incentives
 * paid for running auctions; {@link #audit()} proves it. Simplification: the stablecoin is the
 * scenario's base currency at its peg (par = 1), with no debt ceilings ({@code line}), no {@code
 * wait} on the debt queue and no surplus auctions; debt auctions only with flop terms.
 *
 * <p>This class is the facade that implements the venue interface; package-private parts with one
 * job each do the work, wired through one {@link CdpContext}:
 *
 * <ul>
 *   <li>{@link VaultBook}: vaults and collateral types, every change of a vault's debt;
 *   <li>{@link CdpRiskView}: vaults as margin states, the full and the round mark, stale pauses;
 *   <li>{@link Barker}: {@code bark}, whether it can happen now and the incentive it would pay;
 *   <li>{@link Clipper}: the auctions: {@code kick}, {@code take}, {@code redo};
 *   <li>{@link HoleLimits}: {@code Hole}/{@code Dirt}; {@link Vow}: the debt queue, heal,
 *       write-offs;
 *   <li>{@link StabilityFees}: {@code drip}; {@link CdpAudit}: the proof that the books hold.
 * </ul>
 *
 * <p>With {@link CdpVenueSpec#flip() flip terms} the venue runs Maker's Liquidations 1.0 instead
 * (March 2020): {@link Cat} bites and {@link Flipper} English auctions that keepers bid on through
 * {@link EnglishAuctions}; the Vow settles them the same way.
 *
 * <p>With {@link CdpVenueSpec#flop() flop terms} the Vow keeps what its surplus cannot heal as
 * unbacked debt and {@link Flopper} sells it in debt auctions that mint the governance token
 * (vow.sol {@code flop}, flop.sol), bid through {@link DebtAuctions}; {@code v/gem-issuer}
 * (external) mints that token, and nothing is written off to {@code v/bad-debt}.
 *
 * <p>Mutable and not thread-safe.
 */
public final class CdpVenue implements VaultVenue, EnglishAuctions, DebtAuctions {

  private final CdpContext c;
  private final VaultBook book;
  private final CdpRiskView risk;
  private final HoleLimits limits;
  private final Vow vow;
  private final Clipper clipper;
  private final Barker barker;
  private final StabilityFees fees;
  private final CdpAudit audit;

  /** Liquidations 1.0 parts; null when the venue runs Liquidations 2.0. */
  private final Flipper flipper;

  private final Cat cat;

  /** Debt auctions; null when the bad-debt account writes off what the surplus cannot heal. */
  private final Flopper flopper;

  /** Builds the parts; only the context touches the ledger, opening the system accounts. */
  CdpVenue(CdpVenueSpec spec, VenueServices services) {
    this.c = CdpContext.open(spec, services);
    this.book = new VaultBook(c);
    this.risk = new CdpRiskView(c, book);
    this.limits = new HoleLimits(c, book);
    this.vow = new Vow(c);
    this.clipper = new Clipper(c, limits, vow);
    this.barker = new Barker(c, book, risk, limits, clipper, vow);
    this.fees = new StabilityFees(c, book);
    FlipTerms flip = spec.flip();
    this.flipper = flip == null ? null : new Flipper(c, vow, flip);
    this.cat = flip == null ? null : new Cat(c, book, risk, flipper, vow, flip);
    this.flopper = spec.flop() == null ? null : new Flopper(c, vow, spec.flop());
    this.audit = new CdpAudit(c, book, risk, limits, clipper, flipper, flopper, vow);
  }

  @Override
  public VenueId id() {
    return c.spec().id();
  }

  @Override
  public String type() {
    return CdpVenueSpec.TYPE;
  }

  @Override
  public Map<String, Object> attributes() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("oracle", c.spec().oracle().value());
    a.put("stepSeconds", c.spec().stepSeconds());
    a.put("ilks", book.ilks.size());
    return a;
  }

  // --- vaults

  @Override
  public Set<AssetId> collateralTypes() {
    return new LinkedHashSet<>(book.assets());
  }

  @Override
  public double liquidationRatio(AssetId ilk) {
    return book.ilk(ilk).terms.mat();
  }

  @Override
  public double dust(AssetId ilk) {
    return book.ilk(ilk).terms.dust();
  }

  @Override
  public double collateralPrice(AssetId ilk) {
    book.ilk(ilk);
    return c.oraclePrice(ilk);
  }

  @Override
  public AccountId openVault(AccountId owner, AssetId asset) {
    return book.open(owner, asset);
  }

  @Override
  public void lock(AccountId from, AccountId vault, long atoms) {
    c.ledger().transfer(from, vault, book.vault(vault).ilk.terms.asset(), atoms);
  }

  /**
   * vat.sol {@code frob} with positive {@code dart}: the vault must stay safe ({@code ink * spot >=
   * art * rate}) and its debt not dusty; the drawn amount is minted to {@code to}.
   */
  @Override
  public void draw(AccountId vault, AccountId to, long atoms) {
    Vault v = book.vault(vault);
    if (atoms <= 0) {
      throw new IllegalArgumentException("draw: must be a positive amount, was " + atoms);
    }
    long after = Math.addExact(book.debt(v), atoms);
    if (after < v.ilk.dust) {
      throw new IllegalStateException(
          vault + ": debt " + c.units(after) + " would be below dust " + v.ilk.terms.dust());
    }
    MarginState state = risk.state(c.ledger().balance(vault, v.ilk.terms.asset()), after, v.ilk);
    if (state.liquidatable()) {
      throw new IllegalStateException(
          vault
              + ": debt "
              + c.units(after)
              + " would be unsafe against collateral worth "
              + state.equity()
              + " at mat "
              + v.ilk.terms.mat());
    }
    c.ledger().transfer(c.issuer(), to, c.base(), atoms);
    book.setDebt(v, after);
    c.services()
        .events()
        .emit(
            new DebtDrawn(
                c.step(),
                c.round(),
                c.venue(),
                vault.value(),
                c.units(atoms),
                c.units(after),
                state.equity()));
  }

  @Override
  public long debt(AccountId vault) {
    return book.debt(book.vault(vault));
  }

  @Override
  public long collateral(AccountId vault) {
    return c.ledger().balance(vault, book.vault(vault).ilk.terms.asset());
  }

  // --- risk

  @Override
  public void markToMarket() {
    risk.markToMarket();
  }

  /**
   * Marks only the vaults the liquidation screen says could have become unsafe since the last full
   * mark, and lists them as {@link #markToMarket()} would.
   */
  @Override
  public void markLiquidationCandidates() {
    risk.markLiquidationCandidates();
  }

  /**
   * Collateral value over {@code debt × mat} of every vault with debt (1 is dog.sol's {@code ink *
   * spot < art * rate} threshold), at current oracle prices as the last mark saw them.
   */
  @Override
  public double[] healthValues() {
    return risk.healthValues();
  }

  /** One per vault. */
  @Override
  public int healthCapacity() {
    return book.size();
  }

  @Override
  public int healthValues(double[] into) {
    return risk.healthValues(into);
  }

  @Override
  public List<LiquidationCandidate> liquidatable() {
    return risk.liquidatable.list();
  }

  @Override
  public MarginState marginStateNow(AccountId account) {
    Vault v = book.find(account);
    return v == null ? null : risk.state(v);
  }

  // --- liquidation

  /**
   * The keeper incentive a bark would pay now, {@code coin = tip + chip * tab} with {@code tab}
   * from the hole limits (makerdao/dss dog.sol bark, clip.sol kick); 0 when the limits or the dust
   * rule would refuse the bark. Taking the auction later is a separate profit.
   */
  @Override
  public double expectedLiquidatorReward(LiquidationCandidate candidate) {
    return cat != null ? 0 : barker.expectedReward(candidate);
  }

  /**
   * dog.sol {@code bark} followed by clip.sol {@code kick}: moves (part of) an unsafe vault's
   * collateral and debt into a new auction and pays {@code keeper} the incentive. Refuses, moving
   * nothing, when the vault is safe, the hole limits leave no room, or the auction would be dusty.
   */
  @Override
  public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId keeper) {
    return cat != null ? cat.bite(account, keeper) : barker.liquidate(account, keeper);
  }

  /** Whether {@code bark} would start an auction for the vault now, whoever the keeper. */
  @Override
  public boolean liquidatesNow(AccountId account) {
    return cat != null ? cat.bitesNow(account) : barker.liquidatesNow(account);
  }

  /** The auctions that can be bid on now: running and not awaiting a reset, by id. */
  @Override
  public List<AuctionLot> auctions() {
    return flipper != null ? flipper.auctions() : clipper.auctions();
  }

  @Override
  public Optional<AuctionLot> auction(long lotId) {
    return flipper != null
        ? flipper.auctions().stream().filter(l -> l.id() == lotId).findFirst()
        : clipper.auction(lotId);
  }

  /** Flip auctions taking bids now; empty under Liquidations 2.0. */
  @Override
  public List<EnglishLot> englishLots(AccountId bidder) {
    return flipper == null ? List.of() : flipper.lots(bidder);
  }

  /** flip.sol {@code tend}; refused under Liquidations 2.0. */
  @Override
  public boolean tend(long lotId, AccountId bidder, long bidAtoms) {
    return flipper != null && flipper.tend(lotId, bidder, bidAtoms);
  }

  /** flip.sol {@code dent}; refused under Liquidations 2.0. */
  @Override
  public boolean dent(long lotId, AccountId bidder, long lotAtoms) {
    return flipper != null && flipper.dent(lotId, bidder, lotAtoms);
  }

  /** Debt auctions taking bids now; empty without flop terms. */
  @Override
  public List<DebtLot> debtLots(AccountId bidder) {
    return flopper == null ? List.of() : flopper.lots(bidder);
  }

  /** flop.sol {@code dent}; refused without flop terms. */
  @Override
  public boolean dentDebt(long auctionId, AccountId bidder, long lotAtoms) {
    return flopper != null && flopper.dent(auctionId, bidder, lotAtoms);
  }

  /**
   * clip.sol {@code take}: buys up to {@code maxAtoms} at the current auction price, which must be
   * at most {@code maxPrice}; the bidder's base currency goes to the Vow. Ends the auction when its
   * lot or its tab is exhausted. Refuses, moving nothing, when the auction is gone or awaits a
   * reset, the price is above {@code maxPrice}, the purchase would be a forbidden partial one, or
   * the taker cannot pay.
   */
  @Override
  public Optional<AuctionTake> take(long lotId, AccountId taker, long maxAtoms, double maxPrice) {
    return clipper.take(lotId, taker, maxAtoms, maxPrice);
  }

  /**
   * Once a tick: accrues stability fees into the rate accumulator (jug.sol {@code drip}, crediting
   * the Vow), then resets every auction past {@code tail} or below {@code cusp} from the current
   * oracle price (clip.sol {@code redo}), deals the flip auctions and then the debt auctions, which
   * heal and kick last, from the Vow as the collateral auctions left it.
   */
  @Override
  public void settle() {
    fees.drip();
    clipper.resetStale();
    if (flipper != null) {
      flipper.settle();
    }
    if (flopper != null) {
      flopper.settle();
    }
  }

  // --- books

  @Override
  public VenueSnapshot snapshot() {
    long debt = book.totalDebt();
    double inAuction = clipper.collateralInAuction();
    Map<String, Double> extras = new LinkedHashMap<>();
    extras.put("activeAuctions", (double) clipper.sales().size());
    if (risk.stalePauses().enabled()) {
      extras.put("stalePausedSteps", (double) risk.stalePauses().pausedSteps());
    }
    extras.put("collateralInAuction", inAuction);
    extras.put("keeperIncentives", c.units(vow.incentives));
    extras.put("auctionDeficit", c.units(vow.deficits));
    extras.put("systemDebt", c.units(vow.sin));
    extras.put("stabilityFees", c.units(fees.accrued));
    long liquidations = barker.barks;
    long tabStarted = barker.tabStarted;
    if (flipper != null) {
      extras.put("activeAuctions", (double) flipper.running());
      extras.put("collateralInAuction", flipper.collateralInAuction());
      extras.put("flipsDealt", (double) flipper.dealt);
      extras.put("zeroBidLots", (double) flipper.zeroBidLots);
      extras.put("zeroBidValue", flipper.zeroBidValue);
      liquidations = cat.bites;
      tabStarted = cat.tabStarted;
    }
    if (flopper != null) {
      flopper.putExtras(extras);
    }
    return new VenueSnapshot(
        book.size(),
        liquidations,
        c.units(tabStarted),
        c.units(vow.penaltyIncome),
        c.units(vow.surplusUsed),
        c.units(vow.badDebt),
        c.ledger().units(c.vow(), c.base()),
        c.units(debt),
        risk.liquidatable.list().size(),
        extras);
  }

  /** Proves the books to the atom; see {@link CdpAudit}. */
  @Override
  public List<String> audit() {
    return audit.problems();
  }
}
