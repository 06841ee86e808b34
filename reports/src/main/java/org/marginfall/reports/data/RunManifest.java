package org.marginfall.reports.data;

/**
 * The provenance the report shows from {@code manifest.json}. Every component is {@code null} when
 * the manifest does not carry it: the manifest is optional for the report and the page shows what
 * there is.
 *
 * <p>Components, all from {@code manifest.json}: the software's name and version, the git commit it
 * was built from and whether that tree was dirty; the scenario file as given on the command line
 * and its SHA-256; the seed and replication index; the start time as written (an ISO-8601 instant,
 * not re-parsed); the wall time in seconds; the JVM as "vendor version" and the OS as "name arch".
 *
 * <p>Instances are immutable and thread-safe.
 */
public record RunManifest(
    String softwareName,
    String softwareVersion,
    String gitCommit,
    Boolean gitDirty,
    String scenarioFile,
    String scenarioSha256,
    Long seed,
    Long replication,
    String startedAt,
    Double wallTimeSeconds,
    String jvm,
    String os) {}
