using Release.Pipeline.Records;
using System.Text.Json;
using Release.Foundation.IO;
using Release.Delivery.Chart;
using Release.Delivery.Deploy;
using Release.Delivery.Push;
using Release.Engine;
using Release.Oci;
using Release.Pipeline.References;

namespace Release.Delivery.Verify;

/// <summary>A release that passed its sanity checks in an environment: enough to deploy it again.</summary>
/// <param name="Version">Its version.</param>
/// <param name="Commit">Its commit (short form).</param>
/// <param name="Image">The image by digest, or null for a process deployment.</param>
/// <param name="PublishDirectory">The published app, for process deployments.</param>
/// <param name="Chart">The chart by digest, or null.</param>
public sealed record VerifiedRelease(string Version, string Commit, OciReference? Image, string? PublishDirectory, ChartLocation? Chart)
{
    /// <summary>The release of <paramref name="request"/>.</summary>
    public static VerifiedRelease From(DeploymentRequest request)
        => new(request.Version, request.Commit, request.Image, request.PublishDirectory, request.Chart);

    /// <summary>A request to deploy this release again to <paramref name="environment"/>, by <paramref name="deployedBy"/>.</summary>
    public DeploymentRequest Request(EnvironmentDefinition environment, string module, string deployedBy, string healthPath) =>
        new(environment, module, Version, Commit, deployedBy, Image, PublishDirectory, Chart, healthPath);

    /// <summary>Whether <paramref name="request"/> deploys this same release (version and image digest).</summary>
    public bool Is(DeploymentRequest request) => Version == request.Version && Image?.Digest == request.Image?.Digest;
}

/// <summary>
/// The last two releases that passed their sanity checks in one environment: what an automatic rollback goes back to.
/// Kept on the deploying machine beside the local deployments (<see cref="IDeploy.LocalStateDirectory"/>), per module
/// and environment; a failed release never becomes <see cref="Current"/>.
/// </summary>
/// <param name="Current">The release serving now (the last that passed).</param>
/// <param name="Previous">The one before it, or null.</param>
public sealed record VerifiedReleases(VerifiedRelease? Current, VerifiedRelease? Previous)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The file of the build's module in <paramref name="environment"/>.</summary>
    public static AbsolutePath File(IDeploy build, string environment)
        => build.LocalStateDirectory / "verified" / $"{build.Module}-{environment}.json";

    /// <summary>Reads the state; an absent or unreadable file is no state (a rollback then has nothing to go back to, and says so).</summary>
    public static async Task<VerifiedReleases> ReadAsync(AbsolutePath file, CancellationToken ct)
    {
        if (!file.FileExists()) return new(null, null);
        try { return JsonSerializer.Deserialize<VerifiedReleases>(await System.IO.File.ReadAllTextAsync(file, ct).ConfigureAwait(false), Options)
            ?? new(null, null); }
        catch (JsonException) { return new(null, null); }
    }

    /// <summary>Writes the state (whole file, replaced at once).</summary>
    public Task WriteAsync(AbsolutePath file, CancellationToken ct) => AtomicFile.WriteTextAsync(file, JsonSerializer.Serialize(this, Options), ct);

    /// <summary>
    /// The deployment Deploy recorded, as a request to check or roll back: the current verified release's own request when
    /// that is what runs (<paramref name="known"/>), else one that knows only its version and digest (a deployment this
    /// machine never verified is checked all the same, but not remembered as one to go back to).
    /// </summary>
    public DeploymentRequest RequestFor(
        EnvironmentDefinition environment, IDeploy build, string healthPath, DeploymentRecord deployment, out bool known)
    {
        known = Current is not null && Current.Version == deployment.Version && (Current.Image?.Digest ?? "") == deployment.ImageDigest;
        return known
            ? Current!.Request(environment, build.Module, deployment.DeployedBy, healthPath)
            : new DeploymentRequest(environment, build.Module, deployment.Version, "unknown", deployment.DeployedBy, null, null, null, healthPath);
    }

    /// <summary>
    /// The release to go back to when <paramref name="failing"/> fails: the current one when the failing release never
    /// passed here (its checks failed right after it was deployed), else the one before it (it passed its sanity checks
    /// but failed later, e.g. its load test). Null when none is known.
    /// </summary>
    public VerifiedRelease? Before(DeploymentRequest failing) =>
        Current is null ? null : !Current.Is(failing) ? Current : Previous;

    /// <summary>The state after the environment was rolled back to <paramref name="restored"/>.</summary>
    public VerifiedReleases RolledBackTo(VerifiedRelease restored) => restored == Current ? this : new(restored, null);

    /// <summary>The state after <paramref name="release"/> passed: it becomes current, the current one previous (a redeploy of the current one
    /// changes nothing).</summary>
    public VerifiedReleases Passed(VerifiedRelease release) =>
        Current is not null && Current.Version == release.Version && Current.Image?.Digest == release.Image?.Digest
            ? this with { Current = release }
            : new(release, Current);
}
