package org.marginfall.agents.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link VaultSnapshotReader#wadUnits} gives the very double {@code new
 * BigDecimal(wad).movePointLeft(18).doubleValue()} gives, the correctly rounded units of a wad.
 */
class WadUnitsTest {

  @Test
  void test_handPicked_wads() {
    assertEquals(17.526131953713506, VaultSnapshotReader.wadUnits("17526131953713506304"), 0.0);
    assertEquals(1e-18, VaultSnapshotReader.wadUnits("1"), 0.0);
    assertEquals(0.0, VaultSnapshotReader.wadUnits("0"), 0.0);
    assertEquals(1.0, VaultSnapshotReader.wadUnits("1000000000000000000"), 0.0);
    assertEquals(0.001, VaultSnapshotReader.wadUnits("1000000000000000"), 0.0);
  }

  @Test
  void test_everyLength_sameDoubleAsBigDecimal() {
    Random random = new Random(20261208);
    for (int digits = 1; digits <= 40; digits++) {
      for (int i = 0; i < 2000; i++) {
        String wad = new BigInteger(digits * 4, random).toString();
        wad = wad.length() > digits ? wad.substring(0, digits) : wad;
        double expected = new BigDecimal(wad).movePointLeft(18).doubleValue();
        assertEquals(expected, VaultSnapshotReader.wadUnits(wad), 0.0, wad);
        assertEquals(-expected, VaultSnapshotReader.wadUnits("-" + wad), 0.0, "-" + wad);
      }
    }
  }
}
