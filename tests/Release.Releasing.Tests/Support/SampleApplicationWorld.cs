using System.Globalization;
using Release.Engine;
using Release.Pipeline;
using Release.Testing;
using Release.Testing.Clocks;
using Release.Testing.Git;
using Release.Testing.Registry;
using Release.Testing.Signing;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// The world the sample application (director, ledger, gateway) is released in, all real: the build root is the
/// application's git repository (this repository's <c>samples/</c>, committed by a developer, tagged <c>v1.0.0</c> and
/// followed by a <c>fix:</c> commit), so the build ships the three modules from its folders as <c>./build.sh</c> does on
/// a clone of this repository; an OSV mirror as <see cref="SampleReleaseWorld"/> has one; a bare release-records
/// repository; a bare GitOps repository for every GitOps environment; a real registry. Builds run in-process (this
/// repository's build) with the release clock a weekday at 16:01 IST, 20 seconds later at each run.
/// </summary>
public sealed class SampleApplicationWorld : IDisposable
{
    private DateTimeOffset _now;

    private SampleApplicationWorld(TempGitRepository root, TempBareRemote records, TempBareRemote environments, RegistryFixture registry,
        DateTimeOffset start)
    {
        Repository = root;
        Records = records;
        Environments = environments;
        Registry = registry;
        _now = start;
        Roster = new TeamRoster(System.IO.Path.Combine(root.Path, "build", "release-roster"));
    }

    /// <summary>The build root: the application's repository and the developer's working tree.</summary>
    public TempGitRepository Repository { get; }

    /// <summary>The team's keys and the roster file the build reads.</summary>
    public TeamRoster Roster { get; }

    /// <summary>The bare release-records repository.</summary>
    public TempBareRemote Records { get; }

    /// <summary>The bare GitOps repository of every GitOps environment.</summary>
    public TempBareRemote Environments { get; }

    /// <summary>The registry the modules are pushed to and promoted in.</summary>
    public RegistryFixture Registry { get; }

    /// <summary>The build root.</summary>
    public string Root => Repository.Path;

    /// <summary>A module's pipeline paths under the build root.</summary>
    public PipelinePaths Paths(string module) => new(new AbsolutePath(Root), module);

    /// <summary>Creates the world from this repository's <paramref name="samplesFolder"/>; the first release is ready to build.</summary>
    public static async Task<SampleApplicationWorld> CreateAsync(RegistryFixture registry, string samplesFolder)
    {
        var start = ProductionVotingWindow.LastOpeningBefore(DateTimeOffset.UtcNow);
        var root = await TempGitRepository.CreateAsync();
        var world = new SampleApplicationWorld(root, await TempBareRemote.CreateAsync(), await TempBareRemote.CreateWithCommitsAsync(1), registry, start);
        foreach (var module in new[] { "director", "ledger", "gateway" })
            TestFolders.CopyWithoutOutputs(System.IO.Path.Combine(samplesFolder, module), System.IO.Path.Combine(root.Path, "samples", module));
        // What the build writes, and the team's roster (reviewed in the build's own repository), stay out of the commits.
        root.WriteFile(".gitignore", "bin/\nobj/\nTestResults/\nartifacts/\n.nuke/\nbuild/\n");
        // Each world's commits are its own: the tests of a class share one registry, where a module's tag names its commit
        // and is immutable, and a module built from the same commit in another folder is not byte-identical (its build
        // paths differ), so a second world with the same commits would find its tags taken.
        root.WriteFile("WORLD", Guid.NewGuid().ToString("N") + "\n");
        await root.CommitAsync("feat: the director application #1", SampleReleaseWorld.Developer);
        await root.TagAsync("v1.0.0", "release 1.0.0");
        root.WriteFile("samples/director/NOTES.md", "Operators: the director answers /health and /version.\n");
        await root.CommitAsync("fix: operator notes for the director #2", SampleReleaseWorld.Developer);
        SampleReleaseWorld.WriteOsvMirror(root.Path, start);
        return world;
    }

    /// <summary>Runs targets of the build in the root with the world's repositories and registry; the clock moves 20 s first.</summary>
    public Task<SampleRun> RunAsync(params string[] args)
    {
        _now = _now.AddSeconds(20);
        string[] world = ["--registry", Registry.Address, "--release-records", Records.Path, "--gitops-repository", Environments.Path];
        return SampleReleaseWorld.RunBuildAsync(Root, args, [.. args, .. Roster.SigningArguments(args), .. world], _now);
    }

    /// <summary>The release record as committed in the records repository.</summary>
    public Task<string> RecordAsync(string releaseId) => GitCli.RunAsync(Records.Path, ["show", $"main:releases/{releaseId}.json"]);

    /// <summary>A file of the GitOps repository's latest commit.</summary>
    public Task<string> GitopsFileAsync(string path) => GitCli.RunAsync(Environments.Path, ["show", $"main:{path}"]);

    /// <summary>Number of commits in the GitOps repository.</summary>
    public async Task<int> GitopsCommitsAsync() =>
        int.Parse(await GitCli.RunAsync(Environments.Path, ["rev-list", "--count", "main"]), CultureInfo.InvariantCulture);

    /// <summary>Deletes every repository (the registry belongs to the fixture).</summary>
    public void Dispose()
    {
        Roster.Dispose();
        Records.Dispose();
        Environments.Dispose();
        Repository.Dispose();
    }
}
