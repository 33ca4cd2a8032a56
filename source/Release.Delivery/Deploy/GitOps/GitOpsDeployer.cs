using Release.Engine;
using Release.Helm.Flux;
using Release.Stages.Clone;
using Release.Tooling.Git;
using Release.Tooling.Processes;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Deploy.GitOps;

/// <summary>
/// Deploys by committing Flux manifests (OCIRepository pinned to the chart's manifest digest, HelmRelease, values
/// ConfigMap, kustomization) to <c>environments/&lt;env&gt;/&lt;module&gt;/</c> of the environment repository and pushing.
/// When another pipeline pushed first, the manifests are written again on top of theirs and pushed, so both commits land.
/// A module folder rendered from the configuration source (it carries <c>image-values.yaml</c>) is shared: the deployer
/// then writes only what it owns there, the chart pin and the image values, so deploys and <c>CheckEnvironments</c> agree.
/// </summary>
internal sealed class GitOpsDeployer(IDeploy build) : IDeployer
{
    private const int PushAttempts = 5;

    public async Task<DeploymentOutcome> DeployAsync(DeploymentRequest request, CancellationToken ct)
    {
        var environment = request.Environment;
        var configured = environment.GitopsRepository ?? build.GitopsRepository;
        var location = string.IsNullOrWhiteSpace(configured)
            ? throw new BuildInputException(
                $"Deploy: environment '{environment.Name}' uses the gitops deployer, which needs the environment repository: pass --gitops-repository URL-or-path " +
                "(or declare it on the environment: GitopsRepository = ...).")
            : RepositoryLocation.Resolve(configured, build.RootDirectory);
        var shown = RepositoryLocation.Redact(location);
        var chart = request.Chart ?? throw new BuildInputException(
            $"Deploy: the gitops deployer pins the chart that Chart pushed, but {build.Paths.ChartRecord} is missing. Run Chart first (the build must implement IChart).");
        var image = request.Image ?? throw new BuildInputException(
            $"Deploy: the gitops deployer needs the pushed image, but {build.Paths.PushRecord} is missing. Run Push first.");

        var spec = new FluxReleaseSpec(environment.Name, request.Module, environment.Namespace, chart.Url)
        {
            Digest = chart.Digest,
            Values = new Dictionary<string, object?>
            {
                ["image"] = new Dictionary<string, object?> { ["repository"] = image.Name, ["digest"] = image.Digest },
            },
            ValuesMode = FluxValuesMode.ConfigMap,
        };

        var work = build.RootDirectory / ".nuke" / "temp" / "gitops" / $"{environment.Name}-{Guid.NewGuid():N}";
        try
        {
            var git = new GitClient(log: build.Log.Information, secrets: build.Context.Secrets.Secrets);
            var repository = await CloneAsync(git, location, shown, work, ct);
            var folder = FluxManifestWriter.FolderFor(spec);
            var identity = new GitIdentity(request.DeployedBy, Email(request.DeployedBy));
            for (var attempt = 1; ; attempt++)
            {
                await WriteManifestsAsync(repository, spec, ct);
                await repository.AddAsync(new GitAddSettings { Paths = [folder] }, ct);
                var unchanged = await git.RunAsync(repository.Path, ["diff", "--cached", "--quiet"], new GitRunOptions { AllowNonZeroExit = true }, ct);
                if (unchanged.ExitCode == 0)
                {
                    var current = await repository.RevParseAsync("HEAD", ct);
                    return new DeploymentOutcome(environment.Url ?? shown, $"{shown} already deploys this version ({folder} at {current[..7]}); nothing to commit");
                }

                await repository.CommitAsync(new GitCommitSettings(Message(request, chart.Version, chart.Digest, image.ToString()))
                {
                    Author = identity,
                    Committer = identity,
                }, ct);
                if (await PushAsync(repository, shown, ct)) break;
                if (attempt == PushAttempts)
                    throw new InvalidOperationException(
                        $"Deploy: {shown} ({build.GitopsBranch}) moved on {attempt} times while this deploy was pushing, so nothing was deployed. " +
                        "Other pipelines are deploying at the same moment: run the deploy again when they are done.");
                // The folder is this deploy's alone to write, so it is written again on top of what landed first
                // (a rebase would conflict when both deploys changed the same environment). Both commits stay in the
                // history; the environment ends at the one pushed last.
                build.Log.Information($"Another change reached {shown} first; writing this deploy again on top of it (push {attempt + 1} of {PushAttempts})");
                await repository.ResetToRemoteAsync("origin", build.GitopsBranch, ct);
            }

            var head = await repository.RevParseAsync("HEAD", ct);
            build.Log.Information($"Committed {head} to {shown} ({folder})");
            return new DeploymentOutcome(environment.Url ?? shown, $"commit {head} in {shown} ({folder})");
        }
        finally
        {
            if (work.DirectoryExists()) Directory.Delete(work, recursive: true);
        }
    }

    private static async Task WriteManifestsAsync(GitRepository repository, FluxReleaseSpec spec, CancellationToken ct)
    {
        try
        {
            var rendered = File.Exists(Path.Combine(repository.Path, FluxManifestWriter.FolderFor(spec), FluxManifestWriter.ImageValuesFileName));
            if (rendered)
                await new FluxManifestWriter().WriteDeploymentAsync(repository.Path, spec with
                {
                    SeparateImageValues = true,
                    ImageValues = spec.Values,
                    Values = new Dictionary<string, object?>(),
                }, ct);
            else
                await new FluxManifestWriter().WriteAsync(repository.Path, spec, ct);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Deploy: the Flux manifests for '{spec.Environment}' cannot be written: {e.Message}", e);
        }
    }

    // False when someone else pushed first; any other refusal (credentials, a protected branch) ends the deploy.
    private async Task<bool> PushAsync(GitRepository repository, string shown, CancellationToken ct)
    {
        try
        {
            return await repository.TryPushAsync(new GitPushSettings(), ct);
        }
        catch (ProcessFailedException e)
        {
            throw new InvalidOperationException(
                $"Deploy: pushing to {shown} ({build.GitopsBranch}) was refused, so nothing was deployed. Check the credentials in the repository URL " +
                $"and that the branch accepts pushes.\n{e.Message}", e);
        }
    }

    private async Task<GitRepository> CloneAsync(GitClient git, string location, string shown, AbsolutePath work, CancellationToken ct)
    {
        try
        {
            return await git.CloneAsync(new GitCloneSettings(location, work) { Branch = build.GitopsBranch }, ct);
        }
        catch (GitRepositoryNotFoundException e)
        {
            throw new BuildInputException(
                $"Deploy: the GitOps repository '{shown}' (--gitops-repository) does not exist or is not reachable. Pass the environment repository's URL or path.\n{e.Message}", e);
        }
        catch (GitRefNotFoundException e)
        {
            throw new BuildInputException(
                $"Deploy: the branch '{build.GitopsBranch}' (--gitops-branch) does not exist in '{shown}'. Pass the branch Flux watches.\n{e.Message}", e);
        }
    }

    // The subject says what happened; the trailers carry version, digest and who for audits (git log --grep).
    private static string Message(DeploymentRequest request, string chartVersion, string chartDigest, string image) =>
        $"deploy({request.Environment.Name}): {request.Module} {request.Version}\n\n" +
        $"Module: {request.Module}\nVersion: {request.Version}\nChart: {chartVersion} ({chartDigest})\nImage: {image}\n" +
        $"Source-Commit: {request.Commit}\nDeployed-By: {request.DeployedBy}\n";

    // Who deployed is often an e-mail already (a voter, GitLab's user e-mail): it is the author's e-mail as it is. A
    // plain user name gets the CI's user e-mail, else an address under .invalid (RFC 2606) that git accepts.
    private string Email(string who)
    {
        var at = who.IndexOf('@');
        if (at > 0 && at < who.Length - 1 && at == who.LastIndexOf('@') && !who.Any(c => char.IsWhiteSpace(c) || c is '<' or '>')) return who;
        return build.Context.Environment.GetValueOrDefault("GITLAB_USER_EMAIL")
               ?? build.Context.Environment.GetValueOrDefault("BUILD_REQUESTEDFOREMAIL")
               ?? $"{new string(who.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_').ToArray())}@release.invalid";
    }
}
