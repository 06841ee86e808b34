import java.util.List;
import org.marginfall.experiments.api.Experiment;
import org.marginfall.experiments.api.SweepOutcome;
import org.marginfall.experiments.api.SweepPlan;
import org.marginfall.reports.risk.MetricStatistics;

public class Margins {
  public static void main(String[] args) {
    Experiment crash = Experiment.load("flash-crash");
    SweepPlan plan = SweepPlan.grid()
        .values("mm", "venues[1].maintenanceMargin", List.of(0.005, 0.01, 0.025, 0.04))
        .metric("badDebt", "venues.perp-isolated.badDebt")
        .metric("liquidations", "venues.perp-isolated.liquidations")
        .replications(8)
        .seed(20200312);
    SweepOutcome out = crash.sweep(plan, 2);
    for (SweepOutcome.PointOutcome p : out.points()) {
      MetricStatistics debt = p.statistics().get("badDebt");
      MetricStatistics liq = p.statistics().get("liquidations");
      System.out.printf("mm %-6s liquidations %6.1f  bad debt mean %12.2f  (>0 in %3.0f%% of runs)%n",
          p.values().get("mm"), liq.mean(), debt.mean(), 100 * debt.positive());
    }
  }
}
