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

    public Task<DeploymentOutcome> DeployAsync(DeploymentRequest request, CancellationToken ct)
    {
        var spec = Spec(request, build.Paths, []);
        return CommitAsync(request.Environment, request.DeployedBy, [spec],
            Message(request, request.Chart!.Version, request.Chart.Digest, request.Image!.ToString()), ct);
    }

    /// <summary>
    /// Deploys an application's modules in one commit: every module's folder, its HelmRelease's <c>dependsOn</c> naming
    /// the modules it needs, so Flux installs and upgrades them in the graph's order. Nothing is committed when a module
    /// lacks its chart or image.
    /// </summary>
    /// <param name="application">The application's name, for the commit's subject.</param>
    /// <param name="modules">Each module's request, the records it came from (named in errors) and the modules it depends on.</param>
    /// <param name="ct">Cancels the deployment.</param>
    public Task<DeploymentOutcome> DeployApplicationAsync(
        string application, IReadOnlyList<(DeploymentRequest Request, PipelinePaths Paths, IReadOnlyList<string> DependsOn)> modules,
            CancellationToken ct)
    {
        if (modules.Count == 0) throw new ArgumentException("An application deploys at least one module.", nameof(modules));
        var specs = modules.Select(m => Spec(m.Request, m.Paths, m.DependsOn)).ToList();
        var first = modules[0].Request;
        var message = $"deploy({first.Environment.Name}): {application} " +
                      string.Join(", ", modules.Select(m => $"{m.Request.Module} {m.Request.Version}")) + "\n\n" +
                      string.Join(
                          "\n",
                          modules.Select(m => Trailers(m.Request, m.Request.Chart!.Version, m.Request.Chart.Digest, m.Request.Image!.ToString())));
        return CommitAsync(first.Environment, first.DeployedBy, specs, message, ct);
    }

    // The chart and image are required: Flux pulls the chart by digest, and the image is pinned in its values.
    private static FluxReleaseSpec Spec(DeploymentRequest request, PipelinePaths paths, IReadOnlyList<string> dependsOn)
    {
        var environment = request.Environment;
        var chart = request.Chart ?? throw new BuildInputException(
            $"Deploy: the gitops deployer pins the chart that Chart pushed, but {paths.ChartRecord} is missing. Run Chart first (the build must " +
                "implement IChart).");
        var image = request.Image ?? throw new BuildInputException(
            $"Deploy: the gitops deployer needs the pushed image, but {paths.PushRecord} is missing. Run Push first.");
        return new FluxReleaseSpec(environment.Name, request.Module, environment.Namespace, chart.Url)
        {
            Digest = chart.Digest,
            Values = new Dictionary<string, object?>
            {
                ["image"] = new Dictionary<string, object?> { ["repository"] = image.Name, ["digest"] = image.Digest },
            },
            ValuesMode = FluxValuesMode.ConfigMap,
            DependsOn = dependsOn,
        };
    }

    /// <summary>
    /// Removes modules from an environment in one commit (their folders, so Flux uninstalls them): what puts an
    /// environment that ran none of an application's modules back where it was.
    /// </summary>
    /// <param name="environment">The environment.</param>
    /// <param name="application">The application's name, for the commit's subject.</param>
    /// <param name="modules">The modules to remove.</param>
    /// <param name="removedBy">Who removes them.</param>
    /// <param name="ct">Cancels the removal.</param>
    public Task<DeploymentOutcome> RemoveApplicationAsync(
        EnvironmentDefinition environment, string application, IReadOnlyList<string> modules, string removedBy, CancellationToken ct)
    {
        var folders = modules.Select(m => Path.Combine("environments", environment.Name, m)).ToList();
        return CommitAsync(environment, removedBy, folders, (repository, git, token) => git.RunAsync(repository.Path,
                ["rm", "-r", "-q", "--ignore-unmatch", "--", .. folders], new GitRunOptions(), token),
            $"remove({environment.Name}): {application} {string.Join(", ", modules)}\n\nRemoved-By: {removedBy}\n", ct);
    }

    // Writes every spec's folder and commits them together; pushes, writing again on top when another deploy pushed first.
    private Task<DeploymentOutcome> CommitAsync(
        EnvironmentDefinition environment, string deployedBy, IReadOnlyList<FluxReleaseSpec> specs, string message, CancellationToken ct)
    {
        var folders = specs.Select(FluxManifestWriter.FolderFor).ToList();
        return CommitAsync(environment, deployedBy, folders, async (repository, _, token) =>
        {
            foreach (var spec in specs) await WriteManifestsAsync(repository, spec, token).ConfigureAwait(false);
            await repository.AddAsync(new GitAddSettings { Paths = folders }, token).ConfigureAwait(false);
        }, message, ct);
    }

    // Stages the change to the folders (again on top of what landed first when another deploy pushed first), commits and pushes.
    private async Task<DeploymentOutcome> CommitAsync(EnvironmentDefinition environment, string deployedBy, IReadOnlyList<string> folders,
        Func<GitRepository, GitClient, CancellationToken, Task> stage, string message, CancellationToken ct)
    {
        var configured = environment.GitopsRepository ?? build.GitopsRepository;
        var location = string.IsNullOrWhiteSpace(configured)
            ? throw new BuildInputException(
                $"Deploy: environment '{environment.Name}' uses the gitops deployer, which needs the environment repository: pass " +
                    "--gitops-repository URL-or-path " +
                "(or declare it on the environment: GitopsRepository = ...).")
            : RepositoryLocation.Resolve(configured, build.RootDirectory);
        var shown = RepositoryLocation.Redact(location);

        var work = build.RootDirectory / ".nuke" / "temp" / "gitops" / $"{environment.Name}-{Guid.NewGuid():N}";
        try
        {
            var git = new GitClient(log: build.Log.Information, secrets: build.Context.Secrets.Secrets);
            var repository = await CloneAsync(git, location, shown, work, ct).ConfigureAwait(false);
            var shownFolders = string.Join(", ", folders);
            var identity = new GitIdentity(deployedBy, Email(deployedBy));
            for (var attempt = 1; ; attempt++)
            {
                await stage(repository, git, ct).ConfigureAwait(false);
                var unchanged = await git.RunAsync(
                    repository.Path,
                    ["diff", "--cached", "--quiet"],
                    new GitRunOptions { AllowNonZeroExit = true },
                    ct).ConfigureAwait(false);
                if (unchanged.ExitCode == 0)
                {
                    var current = await repository.RevParseAsync("HEAD", ct).ConfigureAwait(false);
                    return new DeploymentOutcome(
                        environment.Url ?? shown,
                        $"{shown} already deploys this version ({shownFolders} at {current[..7]}); nothing to commit");
                }

                await repository.CommitAsync(new GitCommitSettings(message)
                {
                    Author = identity,
                    Committer = identity,
                }, ct).ConfigureAwait(false);
                if (await PushAsync(repository, shown, ct).ConfigureAwait(false)) break;
                if (attempt == PushAttempts)
                    throw new InvalidOperationException(
                        $"Deploy: {shown} ({build.GitopsBranch}) moved on {attempt} times while this deploy was pushing, so nothing was deployed. " +
                        "Other pipelines are deploying at the same moment: run the deploy again when they are done.");
                // The folders are this deploy's alone to write, so they are written again on top of what landed first
                // (a rebase would conflict when both deploys changed the same environment). Both commits stay in the
                // history; the environment ends at the one pushed last.
                build.Log.Information(
                    $"Another change reached {shown} first; writing this deploy again on top of it (push {attempt + 1} of {PushAttempts})");
                await repository.ResetToRemoteAsync("origin", build.GitopsBranch, ct).ConfigureAwait(false);
            }

            var head = await repository.RevParseAsync("HEAD", ct).ConfigureAwait(false);
            build.Log.Information($"Committed {head} to {shown} ({shownFolders})");
            return new DeploymentOutcome(environment.Url ?? shown, $"commit {head} in {shown} ({shownFolders})");
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
                }, ct).ConfigureAwait(false);
            else
                await new FluxManifestWriter().WriteAsync(repository.Path, spec, ct).ConfigureAwait(false);
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
            return await repository.TryPushAsync(new GitPushSettings(), ct).ConfigureAwait(false);
        }
        catch (ProcessFailedException e)
        {
            throw new InvalidOperationException(
                $"Deploy: pushing to {shown} ({build.GitopsBranch}) was refused, so nothing was deployed. Check the credentials in the repository " +
                    "URL " +
                $"and that the branch accepts pushes.\n{e.Message}", e);
        }
    }

    private async Task<GitRepository> CloneAsync(GitClient git, string location, string shown, AbsolutePath work, CancellationToken ct)
    {
        try
        {
            return await git.CloneAsync(new GitCloneSettings(location, work) { Branch = build.GitopsBranch }, ct).ConfigureAwait(false);
        }
        catch (GitRepositoryNotFoundException e)
        {
            throw new BuildInputException(
                $"Deploy: the GitOps repository '{shown}' (--gitops-repository) does not exist or is not reachable. Pass the environment " +
                    $"repository's URL or path.\n{e.Message}", e);
        }
        catch (GitRefNotFoundException e)
        {
            throw new BuildInputException(
                $"Deploy: the branch '{build.GitopsBranch}' (--gitops-branch) does not exist in '{shown}'. Pass the branch Flux " +
                    $"watches.\n{e.Message}", e);
        }
    }

    // The subject says what happened; the trailers carry version, digest and who for audits (git log --grep).
    private static string Message(DeploymentRequest request, string chartVersion, string chartDigest, string image) =>
        $"deploy({request.Environment.Name}): {request.Module} {request.Version}\n\n" + Trailers(request, chartVersion, chartDigest, image);

    private static string Trailers(DeploymentRequest request, string chartVersion, string chartDigest, string image) =>
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
