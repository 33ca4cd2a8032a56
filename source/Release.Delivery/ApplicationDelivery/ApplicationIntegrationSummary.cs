namespace Release.Delivery.ApplicationDelivery;

/// <summary>
/// What IntegrateApplication tested and found (<c>artifacts/application/integration/summary.json</c>): the counts, the
/// deployment of every module it ran against, and the fingerprint of the tests. A later run with the same deployments
/// and the same tests, green here, has nothing new to learn and is skipped.
/// </summary>
/// <param name="Environment">The environment tested.</param>
/// <param name="Passed">Tests passed.</param>
/// <param name="Failed">Tests failed.</param>
/// <param name="Skipped">Tests skipped.</param>
/// <param name="Modules">Every module's deployment the tests ran against.</param>
/// <param name="TestsFingerprint">The sha256 of the integration test projects' files (<see cref="IntegrationTestsFingerprint"/>).</param>
/// <param name="FinishedAt">When the tests finished.</param>
internal sealed record ApplicationIntegrationSummary(
    string Environment, int Passed, int Failed, int Skipped, IReadOnlyList<TestedModule> Modules, string TestsFingerprint, DateTimeOffset FinishedAt)
{
    /// <summary>Whether the run passed: at least one test ran, none failed.</summary>
    public bool Green => Passed > 0 && Failed == 0;
}

/// <summary>One module's deployment an integration run tested.</summary>
/// <param name="Module">The module.</param>
/// <param name="Identity">The release's identity (image digest, else chart digest, else version).</param>
/// <param name="Version">The release's version.</param>
/// <param name="Url">Where it answered.</param>
/// <param name="DeployedAt">When that deployment was made: a new deployment of the same release is tested again.</param>
internal sealed record TestedModule(string Module, string Identity, string Version, string Url, DateTimeOffset DeployedAt);
