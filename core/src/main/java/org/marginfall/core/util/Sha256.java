package org.marginfall.core.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (FIPS 180-4) digests as lower-case hex, the form manifests record for input and output
 * files.
 *
 * <p>Stateless and thread-safe.
 */
public final class Sha256 {

  private Sha256() {}

  /** A new SHA-256 digest, for content read in pieces. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** The lower-case hex form of what {@code digest} has read so far (and resets it). */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The lower-case hex SHA-256 of {@code content}. */
  public static String hex(byte[] content) {
    return HexFormat.of().formatHex(digest().digest(content));
  }

  /** The lower-case hex SHA-256 of the bytes of {@code file}. */
  public static String hex(Path file) throws IOException {
    return hex(Files.readAllBytes(file));
  }
}
