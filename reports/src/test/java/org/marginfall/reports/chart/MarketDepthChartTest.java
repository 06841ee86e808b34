package org.marginfall.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.RunFixtures;
import org.marginfall.reports.data.TimeSeries;
import org.marginfall.reports.data.TimeSeriesReader;
import org.marginfall.reports.doc.RenderedChart;

/** A run whose market makers quote ETH gets a market-depth chart; the column is no venue metric. */
class MarketDepthChartTest {

  @TempDir Path dir;

  @Test
  void test_render_depthFactorColumnsGiveOneMarketDepthChart() throws IOException {
    Path file = dir.resolve("timeseries.csv");
    RunFixtures.write(
        file,
        """
                step,time_s,fundamental_price.ETH,market_price.ETH,depth_factor.ETH,liquidations.perp,liquidated_notional.perp,bad_debt.perp,insurance_fund.perp,open_interest.perp,liquidatable.perp
                0,0,2000,2000,1,0,0,0,100,10,0
                1,60,1900,1850,0.75,2,1000,0,100,9,1
                2,120,1900,1800,0.5625,1,500,0,100,8,0
                """);
    TimeSeries table = TimeSeriesReader.read(file);

    List<RenderedChart> charts = VenueCharts.render(table, "USD");

    List<String> names = charts.stream().map(RenderedChart::baseName).toList();
    assertTrue(names.contains("market-depth"), names.toString());
    // depth_factor.ETH must not be read as a family metric of a venue called ETH
    assertTrue(names.stream().noneMatch(n -> n.equals("venue-ETH")), names.toString());
    RenderedChart depth = charts.get(names.indexOf("market-depth"));
    assertTrue(depth.png().length > 1000);
    assertEquals("Quoted market depth", depth.title());
  }
}
