using Release.Engine;
using Release.Stages.Common;
using Release.Tooling.Git;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Stages.Clone;

/// <summary>What the Clone target does: clone into a staging folder, read the version, then move both into place.</summary>
internal sealed class CloneStage(IClone build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var paths = build.Paths;
        var source = RepositoryLocation.Resolve(build.SourceRepository, build.RootDirectory);
        var reference = build.SourceRef?.Trim();
        var shown = RepositoryLocation.Redact(source);
        var git = new GitClient(log: build.Log.Information, secrets: build.Context.Secrets.Secrets);

        // The record of the previous run says what this module was built from, so the summary can say what changed.
        var previous = build.SourceFolders is not null && paths.SourceRecord.FileExists()
            ? await PreviousAsync(paths.SourceRecord, ct).ConfigureAwait(false)
            : null;
        // A stale source.json of an earlier run must not outlive a failed clone: later stages would trust it.
        using var records = StageOutput.Begin(paths.SourceRecord.Parent);
        using var workspace = StageOutput.Begin(paths.Workspace);
        // git clone wants to create the folder itself.
        Directory.Delete(workspace.Staging);
        build.Log.Information($"Cloning {shown}{(reference is null ? "" : $" at {reference}")} into {paths.Workspace}");
        var repository = await CloneAsync(git, source, shown, reference, build.CloneDepth, workspace.Staging, ct).ConfigureAwait(false);

        var moduleDirectory = workspace.Staging / build.ModuleDirectory;
        if (!moduleDirectory.DirectoryExists())
            throw new BuildInputException(
                $"The module folder '{build.ModuleDirectory}' does not exist in {shown}{(reference is null ? "" : $" at {reference}")}. " +
                "Fix --module-directory (a folder relative to the repository root, e.g. samples/director).");

        var record = await new SourceVersionReader(repository, build).ReadAsync(shown, reference, ct).ConfigureAwait(false);
        record = record with { Workspace = paths.Workspace };
        await StageRecord.WriteAsync(records.Staging / paths.SourceRecord.Name, record, ct).ConfigureAwait(false);
        workspace.Commit();
        records.Commit();

        build.Log.Information($"Commit {record.Commit} on {record.Branch ?? "(detached)"} by {record.AuthorName}, version {record.Version}, chart " +
            $"{record.ChartVersion}");
        build.ReportSummary("commit", record.ShortCommit);
        build.ReportSummary("version", record.Version);
        if (build.SourceFolders is { Count: > 0 } folders)
        {
            using var history = GitHistory.Open(paths.Workspace);
            var changes = ModuleChanges.Describe(history, previous, record, folders);
            build.Log.Information($"Changes to its folders: {changes}");
            build.ReportSummary("changes", changes);
        }
    }

    // A record an older engine wrote or one cut short is no previous build: the module is described as built anew.
    private static async Task<SourceRecord?> PreviousAsync(AbsolutePath path, CancellationToken ct)
    {
        try { return await StageRecord.ReadAsync<SourceRecord>(path, "Clone", ct).ConfigureAwait(false); }
        catch (Exception e) when (e is InvalidOperationException or BuildInputException) { return null; }
    }

    private static async Task<GitRepository> CloneAsync(GitClient git, string source, string shown, string? reference, int? depth,
        AbsolutePath directory, CancellationToken ct)
    {
        try
        {
            if (reference is not null && RepositoryLocation.IsCommitId(reference))
            {
                // A commit cannot be named by 'clone --branch': clone the history, then detach at the commit.
                var repository = await git.CloneAsync(new GitCloneSettings(source, directory), ct).ConfigureAwait(false);
                await repository.CheckoutAsync(new GitCheckoutSettings(reference) { Detach = true }, ct).ConfigureAwait(false);
                return repository;
            }
            return await git.CloneAsync(new GitCloneSettings(source, directory) { Branch = reference, Depth = depth }, ct).ConfigureAwait(false);
        }
        catch (GitRepositoryNotFoundException e)
        {
            throw new BuildInputException(
                $"Clone: the repository '{shown}' (--source-repository) does not exist or is not reachable. " +
                $"To fix: pass an existing repository URL or path with --source-repository.\n{e.Message}", e);
        }
        catch (GitRefNotFoundException e)
        {
            throw new BuildInputException(
                $"Clone: the branch, tag or commit '{reference}' (--source-ref) does not exist in '{shown}'. " +
                $"To fix: pass an existing branch, tag or commit with --source-ref, or leave it out for the default branch.\n{e.Message}", e);
        }
    }
}
