package org.marginfall.protocols.cdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.BadDebt;
import org.marginfall.core.event.InsurancePayout;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountTable;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.oracle.StalePauses;
import org.marginfall.core.venue.AuctionLot;
import org.marginfall.core.venue.AuctionTake;
import org.marginfall.core.venue.CandidateList;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.LiquidationScreen;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VaultVenue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueServices;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A CDP venue with MakerDAO Liquidations 2.0: isolated vaults that mint base-currency debt against
 * one collateral type, {@code Dog.bark} moving unsafe vaults into Clipper Dutch auctions, and the
 * Vow absorbing their proceeds and deficits (dog.sol, clip.sol, abaci.sol, vow.sol).
 *
 * <p>Ledger layout under the venue id {@code v}: vaults {@code v/vaults/<owner>/<ilk>} hold
 * collateral; {@code v/issuer} (external) mints the base currency a vault draws and the keeper
 * incentives (Maker's {@code vat.suck}) and takes back what the Vow heals, so its negative balance
 * is the outstanding supply; {@code v/auctions} holds collateral for sale; {@code v/vow} holds
 * the system surplus (stability fees, auction proceeds, the initial buffer); {@code v/bad-debt}
 * (external) is the outside backstop (Maker's MKR-minting {@code flop}) that writes off what the
 * surplus could not heal. The books satisfy, to the atom, {@code -issuer = sum of vault debt +
 * sin}, where {@code sin} is the Vow's queue of debt taken over from barked vaults plus incentives
 * paid for running auctions; {@link #audit()} proves it. Simplification: the stablecoin is the
 * scenario's base currency at its peg (par = 1), with no debt ceilings ({@code line}), no {@code
 * wait} on the debt queue and no surplus or debt auctions. Mutable and not thread-safe.
 */
public final class CdpVenue implements VaultVenue {

  private final CdpVenueSpec spec;
  private final VenueServices services;
  private final Ledger ledger;
  private final AssetId base;
  /** How finely the ledger counts the base currency: debt, tabs, incentives, surplus. */
  private final Precision basePrecision;
  private final AccountId issuer;
  private final AccountId vow;
  private final AccountId auctionAccount;
  private final AccountId badDebtAccount;
  private final List<Ilk> ilks = new ArrayList<>();
  private final Map<AssetId, Ilk> ilkByAsset = new LinkedHashMap<>();
  private final AccountTable<Vault> vaults = new AccountTable<>();
  /**
   * Every vault in the last mark's most-underwater-first order, new vaults at the end. A price move
   * moves every vault of an ilk alike, so the next mark sorts a nearly sorted list in about linear
   * time instead of sorting thousands of candidates from scratch every round.
   */
  private List<Vault> markOrder = new ArrayList<>();
  private final TreeMap<Long, Sale> sales = new TreeMap<>();
  private final long globalHole;
  private final CandidateList liquidatable = new CandidateList();
  /** Which vaults a liquidation round must mark again; told of every change of a vault's debt. */
  private final LiquidationScreen screen = new LiquidationScreen();
  /** The screen's factors: each collateral type's oracle price, in ilk order. */
  private final double[] factors;
  private long nextSaleId = 1;
  private long dirt;
  private long sin;
  private long barks;
  private long tabStarted;
  private long penaltyIncome;
  private long surplusUsed;
  private long badDebt;
  private long incentives;
  private long deficits;
  private long stabilityFees;

  /** Run state of one collateral type; its limits are in base-currency atoms. */
  private static final class Ilk {
    final CdpIlk terms;
    /** How finely the ledger counts the collateral: ink, lots, slices. */
    final Precision collateral;
    /** The base currency's decimals minus the collateral's (see {@link Liquidations2Math#take}). */
    final int shift;
    final long dust;
    final long hole;
    final long tip;
    final long chost;
    double rate = 1;
    long dirt;
    /** The oracle price read once by {@code readMarkPrices} for a pass over every vault. */
    double markPrice;

    Ilk(CdpIlk terms, Precision collateral, Precision base) {
      this.terms = terms;
      this.collateral = collateral;
      this.shift = base.decimals() - collateral.decimals();
      this.dust = base.floorAtoms(terms.dust());
      this.hole = base.floorAtoms(terms.hole());
      this.tip = base.floorAtoms(terms.tip());
      this.chost = Liquidations2Math.chost(dust, terms.chop());
    }
  }

  private final StalePauses stalePauses;

  /** One vault ("urn"): normalised debt {@code art} and its debt in atoms ({@code art * rate}). */
  private static final class Vault {
    final AccountId id;
    final Ilk ilk;
    /** The vault's and its collateral's ledger indices, so marking reads balances without lookups. */
    final int slot;
    final int assetSlot;
    /** Its place in the order vaults were opened. */
    final int ordinal;
    double art;
    long debt;

    Vault(AccountId id, Ilk ilk, int slot, int assetSlot, int ordinal) {
      this.id = id;
      this.ilk = ilk;
      this.slot = slot;
      this.assetSlot = assetSlot;
      this.ordinal = ordinal;
    }
  }

  /** One Clipper sale. */
  private static final class Sale {
    final long id;
    final Ilk ilk;
    final Vault vault;
    final AccountId keeper;
    final long due;
    long tab;
    long lot;
    double top;
    long tic;
    long sin;
    long raised;

    Sale(long id, Ilk ilk, Vault vault, AccountId keeper, long due, long tab, long lot) {
      this.id = id;
      this.ilk = ilk;
      this.vault = vault;
      this.keeper = keeper;
      this.due = due;
      this.tab = tab;
      this.lot = lot;
    }
  }

  CdpVenue(CdpVenueSpec spec, VenueServices services) {
    this.spec = spec;
    this.stalePauses = new StalePauses(spec.staleness());
    this.services = services;
    this.ledger = services.ledger();
    this.base = services.baseCurrency();
    this.basePrecision = ledger.precision(base);
    String v = spec.id().value();
    this.issuer = AccountId.of(v, "issuer");
    this.vow = AccountId.of(v, "vow");
    this.auctionAccount = AccountId.of(v, "auctions");
    this.badDebtAccount = AccountId.of(v, "bad-debt");
    ledger.open(issuer, AccountType.EXTERNAL);
    ledger.open(vow, AccountType.ORDINARY);
    ledger.open(auctionAccount, AccountType.ORDINARY);
    ledger.open(badDebtAccount, AccountType.EXTERNAL);
    ledger.transfer(Ledger.EXTERNAL, vow, base, basePrecision.floorAtoms(spec.surplusBuffer()));
    this.globalHole = basePrecision.floorAtoms(spec.globalHole());
    for (CdpIlk terms : spec.ilks()) {
      Ilk ilk = new Ilk(terms, ledger.precision(terms.asset()), basePrecision);
      ilks.add(ilk);
      ilkByAsset.put(terms.asset(), ilk);
    }
    this.factors = new double[ilks.size()];
  }

  @Override
  public VenueId id() {
    return spec.id();
  }

  @Override
  public String type() {
    return CdpVenueSpec.TYPE;
  }

  @Override
  public Map<String, Object> attributes() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("oracle", spec.oracle().value());
    a.put("stepSeconds", spec.stepSeconds());
    a.put("ilks", ilks.size());
    return a;
  }

  // --- vaults

  @Override
  public Set<AssetId> collateralTypes() {
    return new LinkedHashSet<>(ilkByAsset.keySet());
  }

  @Override
  public double liquidationRatio(AssetId ilk) {
    return ilk(ilk).terms.mat();
  }

  @Override
  public double dust(AssetId ilk) {
    return ilk(ilk).terms.dust();
  }

  @Override
  public double collateralPrice(AssetId ilk) {
    ilk(ilk);
    return oraclePrice(ilk);
  }

  @Override
  public AccountId openVault(AccountId owner, AssetId asset) {
    Ilk ilk = ilk(asset);
    AccountId id = AccountId.of(spec.id().value(), "vaults").child(owner.value()).child(asset.value());
    if (!vaults.containsKey(id)) {
      ledger.open(id, AccountType.ORDINARY);
      Vault v = new Vault(id, ilk, ledger.indexOf(id), ledger.assetIndexOf(asset), vaults.size());
      vaults.put(id, v);
      markOrder.add(v);
    }
    return id;
  }

  @Override
  public void lock(AccountId from, AccountId vault, long atoms) {
    ledger.transfer(from, vault, vault(vault).ilk.terms.asset(), atoms);
  }

  /**
   * vat.sol {@code frob} with positive {@code dart}: the vault must stay safe ({@code ink * spot >=
   * art * rate}) and its debt not dusty; the drawn amount is minted to {@code to}.
   */
  @Override
  public void draw(AccountId vault, AccountId to, long atoms) {
    Vault v = vault(vault);
    if (atoms <= 0) {
      throw new IllegalArgumentException("draw: must be a positive amount, was " + atoms);
    }
    long after = Math.addExact(v.debt, atoms);
    if (after < v.ilk.dust) {
      throw new IllegalStateException(
          vault + ": debt " + basePrecision.units(after) + " would be below dust " + v.ilk.terms.dust());
    }
    MarginState state = state(ledger.balance(vault, v.ilk.terms.asset()), after, v.ilk);
    if (state.liquidatable()) {
      throw new IllegalStateException(
          vault + ": debt " + basePrecision.units(after) + " would be unsafe against collateral worth "
              + state.equity() + " at mat " + v.ilk.terms.mat());
    }
    ledger.transfer(issuer, to, base, atoms);
    v.debt = after;
    screen.touch(v.ordinal);
    v.art = basePrecision.units(after) / v.ilk.rate;
    services.events().emit(
        new DebtDrawn(
            services.clock().step(), services.clock().round(), spec.id().value(), vault.value(),
            basePrecision.units(atoms), basePrecision.units(after), state.equity()));
  }

  @Override
  public long debt(AccountId vault) {
    return vault(vault).debt;
  }

  @Override
  public long collateral(AccountId vault) {
    return ledger.balance(vault, vault(vault).ilk.terms.asset());
  }

  // --- risk

  @Override
  public void markToMarket() {
    readMarkPrices();
    screen.beginFullMark(readFactors(), ledger, vaults.size());
    int n = markOrder.size();
    MarginState[] states = new MarginState[n];
    double[] health = new double[n];
    AccountId[] ids = new AccountId[n];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      Vault v = markOrder.get(i);
      states[i] = state(ledger.balanceAt(v.slot, v.assetSlot), v.debt, v.ilk, v.ilk.markPrice);
      health[i] = states[i].health();
      ids[i] = v.id;
      any |= states[i].liquidatable();
      allow(v, states[i]);
    }
    if (!any) {
      // A quiet mark lists nothing: no sort. The order kept is still a valid start for the next.
      liquidatable.replace(List.of());
      return;
    }
    // Sorting every vault and keeping the liquidatable ones in that order lists the candidates
    // exactly as sorting them alone would: the order is total, accounts being unique.
    List<Vault> sorted = new ArrayList<>(n);
    List<LiquidationCandidate> out = new ArrayList<>();
    for (int i : LiquidationCandidate.mostUnderwaterFirst(health, ids)) {
      Vault v = markOrder.get(i);
      sorted.add(v);
      if (states[i].liquidatable() && !pausedByStaleness(v)) {
        out.add(new LiquidationCandidate(spec.id(), v.id, states[i]));
      }
    }
    markOrder = sorted;
    liquidatable.replace(out);
  }

  /**
   * Marks only the vaults the screen says could have become unsafe since the last full mark, and
   * lists them as {@link #markToMarket()} would: the order of the unsafe vaults among all vaults is
   * their order among themselves.
   */
  @Override
  public void markLiquidationCandidates() {
    readMarkPrices();
    int[] due = screen.due(readFactors(), ledger, vaults.size());
    List<Vault> unsafe = new ArrayList<>();
    List<MarginState> states = new ArrayList<>();
    for (int j = 0, n = screen.dueCount(); j < n; j++) {
      Vault v = vaults.at(due[j]);
      MarginState s = state(ledger.balanceAt(v.slot, v.assetSlot), v.debt, v.ilk, v.ilk.markPrice);
      if (s.liquidatable()) {
        unsafe.add(v);
        states.add(s);
      }
    }
    double[] health = new double[unsafe.size()];
    AccountId[] ids = new AccountId[unsafe.size()];
    for (int i = 0; i < health.length; i++) {
      health[i] = states.get(i).health();
      ids[i] = unsafe.get(i).id;
    }
    List<LiquidationCandidate> out = new ArrayList<>();
    for (int i : LiquidationCandidate.mostUnderwaterFirst(health, ids)) {
      Vault v = unsafe.get(i);
      if (!pausedByStaleness(v)) {
        out.add(new LiquidationCandidate(spec.id(), v.id, states.get(i)));
      }
    }
    liquidatable.replace(out);
  }

  /** The prices {@link #readMarkPrices} read, as the screen's factors. */
  private double[] readFactors() {
    for (int k = 0; k < ilks.size(); k++) {
      factors[k] = ilks.get(k).markPrice;
    }
    return factors;
  }

  /**
   * Records {@code v}'s allowance: its slack is collateral value less {@code debt × mat}, and only
   * the collateral value moves with the price.
   */
  private void allow(Vault v, MarginState s) {
    if (!(s.maintenanceRequirement() > 0)) {
      screen.allow(v.ordinal, v.slot, Double.POSITIVE_INFINITY, 0, 0);
      return;
    }
    double value = Math.abs(s.equity());
    screen.allow(v.ordinal, v.slot, s.equity() - s.maintenanceRequirement(), value, value + s.maintenanceRequirement());
  }

  /** Whether a stale price of the vault's collateral holds its bark back (counted once per step). */
  private boolean pausedByStaleness(Vault v) {
    return stalePauses.pauses(
        services.oracles(), spec.oracle(), List.of(v.ilk.terms.asset()), services.clock().step());
  }

  /**
   * Collateral value over {@code debt × mat} of every vault with debt (1 is dog.sol's
   * {@code ink * spot < art * rate} threshold), at current oracle prices as the last mark saw them.
   */
  @Override
  public double[] healthValues() {
    readMarkPrices();
    double[] out = new double[vaults.size()];
    int n = 0;
    for (Vault v : vaults.values()) {
      double h = state(ledger.balanceAt(v.slot, v.assetSlot), v.debt, v.ilk, v.ilk.markPrice).health();
      if (Double.isFinite(h)) {
        out[n++] = h;
      }
    }
    return Arrays.copyOf(out, n);
  }

  @Override
  public List<LiquidationCandidate> liquidatable() {
    return liquidatable.list();
  }

  /**
   * The keeper incentive a bark would pay now, {@code coin = tip + chip * tab} with {@code tab}
   * from the hole limits (makerdao/dss dog.sol bark, clip.sol kick); 0 when the limits
   * or the dust rule would refuse the bark. Taking the auction later is a separate profit.
   */
  @Override
  public double expectedLiquidatorReward(LiquidationCandidate candidate) {
    Vault v = vaults.get(candidate.account());
    if (v == null) {
      return 0;
    }
    Ilk ilk = v.ilk;
    long ink = ledger.balance(v.id, ilk.terms.asset());
    if (!state(ink, v.debt, ilk).liquidatable() || !(ilk.tip > 0 || ilk.terms.chip() > 0)) {
      return 0;
    }
    Optional<Liquidations2Math.Bark> b =
        Liquidations2Math.bark(ink, v.debt, globalHole - dirt, ilk.hole - ilk.dirt, ilk.dust, ilk.terms.chop());
    return b.isEmpty() ? 0 : basePrecision.units(Liquidations2Math.incentive(ilk.tip, ilk.terms.chip(), b.get().tab()));
  }

  /**
   * dog.sol {@code bark} followed by clip.sol {@code kick}: moves (part of) an unsafe vault's
   * collateral and debt into a new auction and pays {@code keeper} the incentive. Refuses, moving
   * nothing, when the vault is safe, the hole limits leave no room, or the auction would be dusty.
   */
  @Override
  public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId keeper) {
    Vault v = vaults.get(account);
    if (v == null || !ledger.isOpen(keeper)) {
      return Optional.empty();
    }
    Optional<Liquidations2Math.Bark> b = barkable(v);
    if (b.isEmpty()) {
      return Optional.empty();
    }
    Ilk ilk = v.ilk;
    AssetId asset = ilk.terms.asset();
    double top = oraclePrice(asset) * ilk.terms.buf();
    Liquidations2Math.Bark bark = b.get();
    boolean partial = bark.due() < v.debt;
    ledger.transfer(account, auctionAccount, asset, bark.dink());
    v.debt -= bark.due();
    screen.touch(v.ordinal);
    v.art = basePrecision.units(v.debt) / ilk.rate;
    sin += bark.due();
    dirt += bark.tab();
    ilk.dirt += bark.tab();
    Sale sale = new Sale(nextSaleId++, ilk, v, keeper, bark.due(), bark.tab(), bark.dink());
    sale.top = top;
    sale.tic = services.clock().step();
    sale.sin = bark.due();
    long coin = payIncentive(sale, ilk.tip > 0 || ilk.terms.chip() > 0);
    sales.put(sale.id, sale);
    barks++;
    tabStarted += bark.tab();
    services.events().emit(
        new AuctionStarted(
            services.clock().step(), services.clock().round(), spec.id().value(), account.value(),
            keeper.value(), asset.value(), sale.id, ilk.collateral.units(bark.dink()),
            basePrecision.units(bark.due()), basePrecision.units(bark.tab()), top, basePrecision.units(coin), partial));
    if (!state(v).liquidatable()) {
      liquidatable.drop(account);
    }
    return Optional.of(
        new LiquidationOutcome(
            spec.id(), account, basePrecision.units(bark.tab()), basePrecision.units(coin), List.of(), 0));
  }

  /** Whether {@code bark} would start an auction for the vault now, whoever the keeper. */
  @Override
  public boolean liquidatesNow(AccountId account) {
    // While no collateral type has room under the liquidation limits, no vault can be barked: the
    // unsafe vaults waiting for room are answered without being looked up. (Skipping the staleness
    // check changes no count: the mark that listed them checked it in the same round.)
    if (!anyRoom()) {
      return false;
    }
    Vault v = vaults.get(account);
    return v != null && barkable(v).isPresent();
  }

  /** Whether some collateral type has room for a bark: {@code min(Hole - Dirt, ilk.hole - ilk.dirt)} positive and at least its dust. */
  private boolean anyRoom() {
    for (Ilk ilk : ilkByAsset.values()) {
      long room = Math.min(globalHole - dirt, ilk.hole - ilk.dirt);
      if (room > 0 && room >= ilk.dust) {
        return true;
      }
    }
    return false;
  }

  /**
   * The bark an unsafe vault takes now, or empty when the vault is safe, liquidations are paused
   * by a stale price, the hole limits leave no room, the auction would be dusty or the price is not
   * positive.
   */
  private Optional<Liquidations2Math.Bark> barkable(Vault v) {
    Ilk ilk = v.ilk;
    AssetId asset = ilk.terms.asset();
    long ink = ledger.balanceAt(v.slot, v.assetSlot);
    if (!state(ink, v.debt, ilk).liquidatable() || pausedByStaleness(v)) {
      return Optional.empty();
    }
    Optional<Liquidations2Math.Bark> b =
        Liquidations2Math.bark(ink, v.debt, globalHole - dirt, ilk.hole - ilk.dirt, ilk.dust, ilk.terms.chop());
    return oraclePrice(asset) * ilk.terms.buf() > 0 ? b : Optional.empty();
  }

  /** The auctions that can be bid on now: running and not awaiting a reset, by id. */
  @Override
  public List<AuctionLot> auctions() {
    List<AuctionLot> out = new ArrayList<>();
    for (Sale s : sales.values()) {
      listed(s).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public Optional<AuctionLot> auction(long lotId) {
    Sale s = sales.get(lotId);
    return s == null ? Optional.empty() : listed(s);
  }

  /** The sale as a lot that can be bid on now, or empty while it awaits a reset. */
  private Optional<AuctionLot> listed(Sale s) {
    double price = price(s);
    return needsRedo(s, price)
        ? Optional.empty()
        : Optional.of(new AuctionLot(spec.id(), s.id, s.ilk.terms.asset(), s.lot, price, basePrecision.units(s.tab)));
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
    Sale s = sales.get(lotId);
    if (s == null || !ledger.isOpen(taker)) {
      return Optional.empty();
    }
    double price = price(s);
    if (needsRedo(s, price) || maxPrice < price) {
      return Optional.empty();
    }
    Optional<Liquidations2Math.Take> t = Liquidations2Math.take(s.lot, s.tab, maxAtoms, price, s.ilk.chost, s.ilk.shift);
    if (t.isEmpty() || ledger.balance(taker, base) < t.get().owe()) {
      return Optional.empty();
    }
    long slice = t.get().slice();
    long owe = t.get().owe();
    AssetId asset = s.ilk.terms.asset();
    ledger.transfer(taker, vow, base, owe);
    ledger.transfer(auctionAccount, taker, asset, slice);
    s.tab -= owe;
    s.lot -= slice;
    s.raised += owe;
    // dog.sol digs: the auction's claim on the hole limits falls by what it raised, or all of it
    // once the lot is gone.
    long dug = s.lot == 0 ? s.tab + owe : owe;
    dirt -= dug;
    s.ilk.dirt -= dug;
    services.events().emit(
        new AuctionTaken(
            services.clock().step(), services.clock().round(), spec.id().value(), s.id, taker.value(),
            asset.value(), s.ilk.collateral.units(slice), price, basePrecision.units(owe), basePrecision.units(s.tab),
            s.ilk.collateral.units(s.lot)));
    if (s.lot == 0) {
      end(s, s.tab, 0);
    } else if (s.tab == 0) {
      long rest = s.lot;
      ledger.transfer(auctionAccount, s.vault.id, asset, rest);
      s.lot = 0;
      end(s, 0, rest);
    }
    return Optional.of(new AuctionTake(spec.id(), lotId, asset, slice, basePrecision.units(owe)));
  }

  /**
   * Once a tick: accrues stability fees into the rate accumulator (jug.sol {@code drip}, crediting
   * the Vow), then resets every auction past {@code tail} or below {@code cusp} from the current
   * oracle price (clip.sol {@code redo}).
   */
  @Override
  public void settle() {
    for (Ilk ilk : ilks) {
      if (ilk.terms.stabilityFee() > 0) {
        ilk.rate *= 1 + ilk.terms.stabilityFee();
        for (Vault v : vaults.values()) {
          if (v.ilk == ilk && v.debt > 0) {
            long accrued = basePrecision.ceilAtoms(v.art * ilk.rate) - v.debt;
            if (accrued > 0) {
              ledger.transfer(issuer, vow, base, accrued);
              v.debt += accrued;
              screen.touch(v.ordinal);
              stabilityFees += accrued;
            }
          }
        }
      }
    }
    for (Sale s : sales.values()) {
      if (needsRedo(s, price(s))) {
        redo(s);
      }
    }
  }

  @Override
  public VenueSnapshot snapshot() {
    long debt = 0;
    for (Vault v : vaults.values()) {
      debt += v.debt;
    }
    double inAuction = 0;
    for (Sale s : sales.values()) {
      inAuction += s.ilk.collateral.units(s.lot) * oraclePrice(s.ilk.terms.asset());
    }
    Map<String, Double> extras = new LinkedHashMap<>();
    extras.put("activeAuctions", (double) sales.size());
    if (stalePauses.enabled()) {
      extras.put("stalePausedSteps", (double) stalePauses.pausedSteps());
    }
    extras.put("collateralInAuction", inAuction);
    extras.put("keeperIncentives", basePrecision.units(incentives));
    extras.put("auctionDeficit", basePrecision.units(deficits));
    extras.put("systemDebt", basePrecision.units(sin));
    extras.put("stabilityFees", basePrecision.units(stabilityFees));
    return new VenueSnapshot(
        vaults.size(), barks, basePrecision.units(tabStarted), basePrecision.units(penaltyIncome),
        basePrecision.units(surplusUsed), basePrecision.units(badDebt), ledger.units(vow, base),
        basePrecision.units(debt), liquidatable.list().size(), extras);
  }

  @Override
  public List<String> audit() {
    List<String> problems = new ArrayList<>();
    String v = spec.id().value();
    long debt = 0;
    Set<AccountId> listed = new LinkedHashSet<>();
    liquidatable.list().forEach(c -> listed.add(c.account()));
    for (Vault vault : vaults.values()) {
      debt += vault.debt;
      if (vault.debt < 0 || (vault.debt > 0 && vault.debt < vault.ilk.dust)) {
        problems.add(v + ": " + vault.id + " carries dusty debt " + vault.debt + " atoms");
      }
      boolean unsafe = state(vault).liquidatable();
      if (unsafe != listed.contains(vault.id)) {
        problems.add(v + ": " + vault.id + " is " + (unsafe ? "" : "not ") + "unsafe but the last mark says otherwise");
      }
    }
    long queued = 0;
    long tabs = 0;
    Map<Ilk, Long> lots = new LinkedHashMap<>();
    Map<Ilk, Long> ilkTabs = new LinkedHashMap<>();
    for (Sale s : sales.values()) {
      queued += s.sin;
      tabs += s.tab;
      lots.merge(s.ilk, s.lot, Long::sum);
      ilkTabs.merge(s.ilk, s.tab, Long::sum);
      if (s.tab <= 0 || s.lot <= 0 || !(s.top > 0)) {
        problems.add(v + ": auction " + s.id + " is running with tab " + s.tab + ", lot " + s.lot + ", top " + s.top);
      }
    }
    long supply = -ledger.balance(issuer, base);
    if (supply != debt + sin) {
      problems.add(v + ": issued " + supply + " atoms but vault debt " + debt + " + sin " + sin + " = " + (debt + sin));
    }
    if (sin != queued) {
      problems.add(v + ": sin " + sin + " atoms disagrees with the running auctions' " + queued);
    }
    if (dirt != tabs) {
      problems.add(v + ": Dirt " + dirt + " atoms disagrees with the running auctions' tabs " + tabs);
    }
    for (Ilk ilk : ilks) {
      long held = ledger.balance(auctionAccount, ilk.terms.asset());
      long expected = lots.getOrDefault(ilk, 0L);
      if (held != expected) {
        problems.add(v + ": auctions hold " + held + " atoms of " + ilk.terms.asset() + " but lots sum to " + expected);
      }
      if (ilk.dirt != ilkTabs.getOrDefault(ilk, 0L)) {
        problems.add(v + ": dirt of " + ilk.terms.asset() + " disagrees with its auctions' tabs");
      }
    }
    long booked = -ledger.balance(badDebtAccount, base);
    if (booked != badDebt) {
      problems.add(v + ": bad debt " + badDebt + " atoms disagrees with the bad-debt account " + booked);
    }
    return problems;
  }

  // --- internals

  /** clip.sol {@code redo}: restart from {@code top = price * buf}; pays the incentive again if the sale is not dusty. */
  private void redo(Sale s) {
    double feed = oraclePrice(s.ilk.terms.asset());
    s.top = feed * s.ilk.terms.buf();
    s.tic = services.clock().step();
    boolean paid =
        (s.ilk.tip > 0 || s.ilk.terms.chip() > 0)
            && s.tab >= s.ilk.chost
            && s.ilk.collateral.units(s.lot) * feed >= basePrecision.units(s.ilk.chost);
    long coin = payIncentive(s, paid);
    services.events().emit(
        new AuctionReset(services.clock().step(), services.clock().round(), spec.id().value(), s.id, s.keeper.value(), s.top, basePrecision.units(coin)));
  }

  /** {@code vat.suck(vow, kpr, coin)}: newly issued base currency to the keeper, owed by the Vow. */
  private long payIncentive(Sale s, boolean pay) {
    long coin = pay ? Liquidations2Math.incentive(s.ilk.tip, s.ilk.terms.chip(), s.tab) : 0;
    if (coin > 0) {
      ledger.transfer(issuer, s.keeper, base, coin);
      s.sin += coin;
      sin += coin;
      incentives += coin;
    }
    return coin;
  }

  /**
   * Ends an auction and settles its share of the Vow's queue: its {@code sin} is healed against
   * the Vow's surplus (vow.sol {@code heal}), which holds the auction's proceeds; what surplus
   * cannot heal is written off to the bad-debt account (the role of vow.sol {@code flop}).
   */
  private void end(Sale s, long deficit, long returned) {
    long step = services.clock().step();
    int round = services.clock().round();
    String venue = spec.id().value();
    sales.remove(s.id);
    long healed = Math.min(ledger.balance(vow, base), s.sin);
    ledger.transfer(vow, issuer, base, healed);
    long fromSurplus = Math.max(0, healed - s.raised);
    long written = s.sin - healed;
    sin -= s.sin;
    if (fromSurplus > 0) {
      surplusUsed += fromSurplus;
      services.events().emit(new InsurancePayout(step, round, venue, s.vault.id.value(), basePrecision.units(fromSurplus)));
    }
    if (written > 0) {
      ledger.transfer(badDebtAccount, issuer, base, written);
      badDebt += written;
      services.events().emit(new BadDebt(step, round, venue, s.vault.id.value(), basePrecision.units(written)));
    }
    long penalty = Math.max(0, s.raised - s.due);
    penaltyIncome += penalty;
    deficits += deficit;
    services.events().emit(
        new AuctionEnded(
            step, round, venue, s.id, s.vault.id.value(), basePrecision.units(s.due), basePrecision.units(s.raised),
            basePrecision.units(deficit), s.ilk.collateral.units(returned), basePrecision.units(penalty)));
  }

  private double elapsedSeconds(Sale s) {
    return (services.clock().step() - s.tic) * spec.stepSeconds();
  }

  /** clip.sol {@code price}: {@code calc.price(top, now - tic)}. */
  private double price(Sale s) {
    return s.ilk.terms.abacus().price(s.top, elapsedSeconds(s));
  }

  private boolean needsRedo(Sale s, double price) {
    return Liquidations2Math.needsRedo(elapsedSeconds(s), s.ilk.terms.tail(), price, s.top, s.ilk.terms.cusp());
  }

  @Override
  public MarginState marginStateNow(AccountId account) {
    Vault v = vaults.get(account);
    return v == null ? null : state(v);
  }

  private MarginState state(Vault v) {
    return state(ledger.balanceAt(v.slot, v.assetSlot), v.debt, v.ilk);
  }

  /**
   * The vault as a margin state: equity is collateral at the oracle price, the requirement is
   * {@code debt * mat}, so "below maintenance" is exactly {@code ink * price / mat < debt}.
   */
  private MarginState state(long ink, long debt, Ilk ilk) {
    return state(ink, debt, ilk, oraclePrice(ilk.terms.asset()));
  }

  private MarginState state(long ink, long debt, Ilk ilk, double price) {
    double value = ilk.collateral.units(ink) * price;
    double required = basePrecision.units(debt) * ilk.terms.mat();
    return new MarginState(value, required, required);
  }

  /** Reads each collateral type's oracle price once for a pass over every vault. */
  private void readMarkPrices() {
    for (Ilk ilk : ilkByAsset.values()) {
      ilk.markPrice = oraclePrice(ilk.terms.asset());
    }
  }

  private double oraclePrice(AssetId asset) {
    return services.oracles().price(spec.oracle(), asset);
  }

  private Ilk ilk(AssetId asset) {
    Ilk ilk = ilkByAsset.get(asset);
    if (ilk == null) {
      throw new IllegalArgumentException(spec.id() + " has no collateral type " + asset);
    }
    return ilk;
  }

  private Vault vault(AccountId id) {
    Vault v = vaults.get(id);
    if (v == null) {
      throw new IllegalArgumentException(spec.id() + " has no vault " + id);
    }
    return v;
  }
}
