using Release.Releasing.Common;
using Release.Tooling.Git;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Versioning;

/// <summary>
/// What the Tag target does: tags the built commit <c>vVERSION</c> (annotated, tagger = the actor) in Clone's
/// workspace and pushes the tag to the source repository. A tag that exists on the same commit is left alone; one on
/// another commit is refused (a version names one build).
/// </summary>
internal sealed class TagStep(IVersioning build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var paths = build.ReleasePaths;
        var source = await PipelineRecords.ReadSourceAsync(paths.Stages, ct).ConfigureAwait(false);
        // Clone's record is the one source of the version (version.json is a copy of it for the evidence).
        var name = "v" + source.Version;
        var git = new GitClient(log: build.Log.Information, secrets: build.Context.Secrets.Secrets);
        var repository = new GitRepository(source.Workspace, git);

        var remote = await git.RunAsync(repository.Path, ["ls-remote", "--tags", "origin", $"refs/tags/{name}^{{}}", $"refs/tags/{name}"], ct: ct)
            .ConfigureAwait(false);
        var remoteTarget = remote.Output.Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .OrderByDescending(p => p[1].EndsWith("^{}", StringComparison.Ordinal))
            .Select(p => p[0])
            .FirstOrDefault();
        if (remoteTarget is not null)
        {
            if (remoteTarget != source.Commit)
                throw new ReleaseRefusedException(
                    $"Tag: {name} already exists in {source.Repository} on commit {remoteTarget[..7]}, and this build is {source.ShortCommit}. " +
                    "Overwritten version refused: a released version names one commit forever. Build a new version.");
            build.Log.Information($"{name} already tags {source.ShortCommit} in {source.Repository}; nothing to do.");
            build.ReportSummary("tag", name);
            return;
        }

        var local = await git.RunAsync(
            repository.Path,
            ["rev-parse", "-q", "--verify", $"refs/tags/{name}^{{commit}}"],
            new GitRunOptions { AllowNonZeroExit = true },
            ct).ConfigureAwait(false);
        if (local.ExitCode == 0 && local.OutputText.Trim() != source.Commit)
            throw new ReleaseRefusedException(
                $"Tag: the workspace already has {name} on {local.OutputText.Trim()[..7]}, not on {source.ShortCommit}. Run Clone again.");
        if (local.ExitCode != 0)
        {
            var actor = await People.ActorAsync(build, "Tag", ct).ConfigureAwait(false);
            var tagger = new GitIdentity(actor.Split('@')[0], actor.Contains('@') ? actor : actor + "@release-process");
            var settings = new GitTagSettings(name) { Message = $"Release {build.Module} {source.Version}", Target = source.Commit, Tagger = tagger };
            await git.RunAsync(repository.Path, settings.ToArguments(), new GitRunOptions { Environment = settings.ToEnvironment() }, ct)
                .ConfigureAwait(false);
        }
        await repository.PushAsync(new GitPushSettings { RefSpecs = [$"refs/tags/{name}"] }, ct).ConfigureAwait(false);
        build.Log.Information($"Tagged {source.ShortCommit} as {name} and pushed it to {source.Repository}");
        build.ReportSummary("tag", name);
    }
}
