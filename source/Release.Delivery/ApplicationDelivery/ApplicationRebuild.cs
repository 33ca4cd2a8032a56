using Release.Delivery.Deploy;
using Release.Delivery.Deploy.Local;
using Release.Delivery.Deploy.Rebuild;
using Release.Delivery.Deploy.Rollout;
using Release.Engine;
using Release.Oci;
using Release.Pipeline;

namespace Release.Delivery.ApplicationDelivery;

/// <summary>
/// Tears a local environment of a whole application down and recreates it from its declared state, through
/// DeployApplication's own rollout (dependency order, health waits, the application's checks): every module at the image
/// its declaration pins (the environment repository, when the caller read one), else at the release its last rollout
/// recorded here. Then <see cref="TestAsync"/> runs IntegrateApplication's tests against what was recreated.
/// </summary>
public static class ApplicationRebuild
{
    /// <summary>Recreates every module of <paramref name="build"/>'s application in the selected environment (<c>--environment</c>).</summary>
    /// <param name="build">The build shipping the application.</param>
    /// <param name="pinned">Each module's image by digest as git declares it (<c>repository@sha256:...</c>); empty when no repository was
    /// read.</param>
    /// <param name="who">Who rebuilds.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>What runs now, per module in dependency order.</returns>
    /// <exception cref="BuildInputException">The environment is not the local deployer's, or a module has no declared state.</exception>
    public static async Task<IReadOnlyList<RebuiltModule>> RecreateAsync(
        IDeployApplication build,
        IReadOnlyDictionary<string, string> pinned,
        string who,
        CancellationToken ct)
    {
        var application = build.Application;
        var environment = DeployStage.Select(build);
        if (environment.Deployer != Deployers.Local)
            throw new BuildInputException(
                $"Rebuild: '{environment.Name}' is deployed by '{environment.Deployer}'; Rebuild recreates environments of the local deployer " +
                    "only. " +
                    "A GitOps environment is recreated by its cluster from the environment repository (flux reconcile); pass a local environment.");
        var deployed = new DeployedApplication(build, environment);

        // Declared state first, all of it, so an undeclared module stops the rebuild before anything is torn down.
        var releases = new List<(ModuleRelease Release, PipelinePaths Paths)>();
        var missing = new List<string>();
        foreach (var module in application.Graph.Order)
        {
            var recorded = (await deployed.Records.CurrentAsync(environment.Name, module, ct).ConfigureAwait(false))?.Release;
            var health = application[module].HealthPath ?? build.HealthPath;
            ModuleRelease? release = pinned.TryGetValue(module, out var image)
                ? Pinned(recorded, module, OciReference.Parse(image, $"the environment repository's pin of {module}"), health)
                : recorded;
            if (release is null) missing.Add(module);
            else releases.Add((release, new PipelinePaths(build.RootDirectory, module)));
        }
        if (missing.Count > 0)
            throw new BuildInputException(
                $"Rebuild: nothing is declared for {string.Join(", ", missing)} in '{environment.Name}': no rollout record under " +
                $"{deployed.Paths.DeployDirectory / environment.Name} and no image pinned for it in the environment repository. " +
                $"Deploy the application there first (./build.sh DeployApplication --environment {environment.Name}), or point " +
                    "--environments-repository at the repository that pins it.");

        foreach (var module in application.Graph.Order)
        {
            build.Log.Information(await LocalDeployments.StopRememberedAsync(
                build.LocalStateDirectory,
                $"{module}-{environment.Name}",
                build.Processes,
                build.Log.Information,
                ct).ConfigureAwait(false)
                ? $"Rebuild: tore down {module} in '{environment.Name}'"
                : $"Rebuild: nothing of {module} ran in '{environment.Name}'");
            deployed.Records.Forget(environment.Name, module);
        }

        // Every record was forgotten above, so the rollout starts every module afresh (nothing left to look at first).
        await new ApplicationDeployStage(build).RollOutAsync(application, deployed, releases, who, ct).ConfigureAwait(false);

        var rebuilt = new List<RebuiltModule>();
        foreach (var (release, _) in releases)
        {
            var now = await deployed.Records.CurrentAsync(environment.Name, release.Module, ct).ConfigureAwait(false);
            rebuilt.Add(new RebuiltModule(release.Module, release.Version, release.Image?.ToString() ?? release.PublishDirectory ?? "",
                now?.Url ?? "", now is null ? "not running after the rollout" : $"deployed at {now.DeployedAt:u}"));
        }
        return rebuilt;
    }

    /// <summary>Runs the application's integration tests (IntegrateApplication's stage) against what runs in the selected environment.</summary>
    /// <param name="build">The build.</param>
    /// <param name="ct">Cancellation.</param>
    public static Task TestAsync(IIntegrateApplication build, CancellationToken ct) => new ApplicationIntegrateStage(build).RunAsync(ct);

    /// <summary>Where IntegrateApplication writes its summary.</summary>
    /// <param name="build">The build.</param>
    public static AbsolutePath IntegrationSummary(IDeployApplication build) => new ApplicationPaths(build.RootDirectory).IntegrationSummary;

    // Git's pin decides the image; what this machine recorded of that same image keeps its version, commit and published program.
    private static ModuleRelease Pinned(ModuleRelease? recorded, string module, OciReference image, string health) =>
        recorded is not null && recorded.Image?.Digest == image.Digest
            ? recorded with { Image = image }
            : new ModuleRelease(module, image.Tag ?? "pinned", "unknown", image, null, null, health);
}
