using Release.Delivery.Deploy;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Verify;

/// <summary>
/// What the SanityCheck target does: the checks against the deployment Deploy recorded for --environment, with the same
/// recording and automatic rollback as right after a deployment (for environments that change later than the Deploy
/// job, e.g. when Flux applies a GitOps commit).
/// </summary>
internal sealed class SanityCheckStage(IVerifyDeployment build)
{
    /// <summary>The outcome detail of a deployment checked after the fact (not right after the deployer ran).</summary>
    public const string Recorded = "recorded by Deploy";

    public async Task RunAsync(CancellationToken ct)
    {
        var environment = DeployStage.Select(build);
        var deployment = await StageRecord.ReadAsync<DeploymentRecord>(build.Paths.DeploymentRecord(environment.Name), "Deploy", ct);
        if (deployment.Deployer == Deployers.GitOps)
            await WaitForVersionAsync(environment.Name, deployment, ct);
        var stage = new DeployStage(build);
        var state = await VerifiedReleases.ReadAsync(VerifiedReleases.File(build, environment.Name), ct);
        var current = state.Current;
        var known = current is not null && current.Version == deployment.Version && (current.Image?.Digest ?? "") == deployment.ImageDigest;
        // A deployment this machine never verified is checked all the same, but not remembered as one to go back to.
        var request = known ? current!.Request(environment, build.Module, deployment.DeployedBy, build.HealthPath)
            : new DeploymentRequest(environment, build.Module, deployment.Version, "unknown", deployment.DeployedBy, null, null, null, build.HealthPath);
        await new DeploymentVerifier(build, stage.DeployAndRecordAsync, stage.NotifyAsync)
            .AfterDeployAsync(request, new DeploymentOutcome(deployment.Url, Recorded), ct, remember: known);
    }

    // A GitOps deployment is a commit Flux applies later: the checks start once the environment reports the new version.
    private async Task WaitForVersionAsync(string environment, DeploymentRecord deployment, CancellationToken ct)
    {
        if (!Uri.TryCreate(deployment.Url, UriKind.Absolute, out var url) || (url.Scheme != "http" && url.Scheme != "https"))
            throw new Engine.BuildDefinitionException(
                $"SanityCheck: the deployment to '{environment}' recorded '{deployment.Url}', which is not an HTTP URL. Declare the environment's Url in the build's Environments.");
        var timeout = TimeSpan.FromSeconds(build.SanityWait ?? 600);
        var versionUrl = deployment.Url.TrimEnd('/') + "/" + build.VersionPath.TrimStart('/');
        build.Log.Information($"Waiting up to {timeout.TotalSeconds} s for '{environment}' to report {deployment.Version} at {versionUrl} (Flux applies the GitOps commit)");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(build.SanityTimeout ?? 10) };
        try
        {
            var polls = await new DeployedVersionWait(http, build.Context.Clock).UntilReportsAsync(versionUrl, deployment.Version, timeout, ct);
            build.Log.Information($"'{environment}' reports {deployment.Version} (after {polls} poll{(polls == 1 ? "" : "s")})");
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException(
                $"SanityCheck: '{environment}' does not run {build.Module} {deployment.Version} yet: {e.Message}. " +
                "Check that Flux applied the commit (flux get kustomizations), or wait longer with --sanity-wait SECONDS.", e);
        }
    }
}
