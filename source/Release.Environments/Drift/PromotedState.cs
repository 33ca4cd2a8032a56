namespace Release.Environments.Drift;

/// <summary>What the signed release records say an environment should run: the release deployed there now, and every digest any promotion (or
/// rollback) ever put there.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="CurrentVersion">The version the last recorded deployment put there, or null when none did.</param>
/// <param name="CurrentDigest">That deployment's image digest, or null.</param>
/// <param name="EverPromoted">Every image digest a recorded promotion or rollback put into the environment.</param>
public sealed record PromotedState(string Environment, string? CurrentVersion, string? CurrentDigest, IReadOnlySet<string> EverPromoted);
