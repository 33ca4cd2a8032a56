namespace Release.Environments.Drift;

/// <summary>
/// A further drift comparison that a component above this layer adds to <c>./build.sh Drift</c> (the release records
/// against the environment repository, what the local deployer runs against what it deployed): this layer knows neither
/// the records nor the deployers, so it only runs what it is given and lists <see cref="Kind"/> among the kinds checked.
/// </summary>
/// <param name="Kind">The kind its findings carry (<c>records</c>, <c>runtime</c>).</param>
/// <param name="Environments">The environments it checks beyond the rendered (GitOps) ones, listed in the report (e.g. the local ones).</param>
/// <param name="FindingsAsync">Every finding, given the configuration source and a checkout of the environment repository.</param>
public sealed record DriftCheck(
    string Kind,
    IReadOnlyList<string> Environments,
    Func<DriftCheckInput, CancellationToken, Task<IReadOnlyList<DriftFinding>>> FindingsAsync);

/// <summary>What a <see cref="DriftCheck"/> compares against.</summary>
/// <param name="Environments">The checked configuration source.</param>
/// <param name="RepositoryRoot">A fresh checkout of the environment repository (its configured branch).</param>
/// <param name="RepositoryShown">The repository as shown in repairs (credentials removed).</param>
public sealed record DriftCheckInput(CheckedEnvironments Environments, string RepositoryRoot, string RepositoryShown);
