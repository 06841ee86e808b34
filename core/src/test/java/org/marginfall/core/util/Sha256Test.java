package org.marginfall.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

  @Test
  void test_hex_matchesFipsExamples() throws Exception {
    // FIPS 180-2, appendix B.1 ("abc") and the digest of the empty message.
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Sha256.hex(new byte[0]));
  }

  @Test
  void test_hexOfFile_isHexOfItsBytes(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("abc.txt"), "abc".getBytes(StandardCharsets.US_ASCII));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex(file));
  }

  @Test
  void test_hexOfDigest_isHexOfWhatItReadInPieces() {
    // "abc" fed as "a" then "bc": the same FIPS 180-2 B.1 digest as the whole message.
    MessageDigest d = Sha256.digest();
    d.update("a".getBytes(StandardCharsets.US_ASCII));
    d.update("bc".getBytes(StandardCharsets.US_ASCII));
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex(d));
  }
}
