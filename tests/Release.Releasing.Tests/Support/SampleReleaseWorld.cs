using Microsoft.Extensions.Time.Testing;
using System.Collections;
using System.Diagnostics;
using System.Globalization;
using Release.Engine;
using Release.Engine.Hosting;
using Release.Testing;
using Release.Testing.Clocks;
using Release.Testing.Git;
using Release.Testing.Registry;
using Release.Testing.Signing;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// The world the real sample is released in, all real: the module's repository (this repository's
/// <c>samples/director</c>, committed by a developer, tagged <c>v1.0.0</c> and followed by a <c>fix:</c> commit) pushed
/// to a bare remote; a build root whose <c>.nuke/parameters.json</c> points <c>OsvDirectory</c> at an OSV advisory
/// mirror in <c>.nuke/advisories</c> (as this repository's own root does) whose newest advisory changed an hour before
/// the release clock; a bare release-records repository; a bare GitOps environment repository for staging, pre-prod and
/// production (the build declares all three with the GitOps deployer and no repository of their own, so
/// <c>--gitops-repository</c> names it); and a real registry. Builds run in-process (this repository's build)
/// with this process's environment (PATH, HOME, the SDK) minus CI variables, and the release clock given to the host (a FakeTimeProvider): a weekday at
/// 16:01 IST, inside the seed voting window, 20 seconds later at each run.
/// </summary>
public sealed class SampleReleaseWorld : IDisposable
{
    /// <summary>Who commits the module's changes: never a voter or attester.</summary>
    public static readonly GitAuthor Developer = new("Dana Developer", "dana.developer@example.com");

    /// <summary>Who opens the release (the trigger): not a voter either.</summary>
    public const string ReleaseManager = "release.manager@example.com";

    private readonly TempDirectory _root = new("sample-release-root");
    private DateTimeOffset _now;

    private SampleReleaseWorld(TempBareRemote source, TempGitRepository developer, TempBareRemote records, TempBareRemote environments,
        RegistryFixture registry, DateTimeOffset start)
    {
        Source = source;
        DeveloperClone = developer;
        Records = records;
        Environments = environments;
        Registry = registry;
        _now = start;
        Roster = new TeamRoster(_root.Combine("build", "release-roster"));
    }

    /// <summary>The team's keys and the roster file the build reads (build/release-roster under the build root).</summary>
    public TeamRoster Roster { get; }

    /// <summary>The module's bare remote (<c>--source-repository</c>, as a file:// URL).</summary>
    public TempBareRemote Source { get; }

    /// <summary>The developer's working clone, which pushes to <see cref="Source"/>.</summary>
    public TempGitRepository DeveloperClone { get; }

    /// <summary>The bare release-records repository (<c>--release-records</c>).</summary>
    public TempBareRemote Records { get; }

    /// <summary>The bare GitOps environment repository (<c>--gitops-repository</c>).</summary>
    public TempBareRemote Environments { get; }

    /// <summary>The registry the sample is pushed to (<c>--registry</c>) and promoted in.</summary>
    public RegistryFixture Registry { get; }

    /// <summary>The build root.</summary>
    public string Root => _root.Path;

    /// <summary>The release clock of the last run.</summary>
    public DateTimeOffset Now => _now;

    /// <summary>The build root's pipeline paths (artifacts/ and records the stages write).</summary>
    public PipelinePaths Paths => new(new AbsolutePath(Root), "director");

    /// <summary>Creates the world; the first release (1.0.1) is ready to build.</summary>
    public static async Task<SampleReleaseWorld> CreateAsync(RegistryFixture registry, string sampleFolder)
    {
        var start = ProductionVotingWindow.LastOpeningBefore(DateTimeOffset.UtcNow);
        var source = await TempBareRemote.CreateAsync();
        var developer = await TempGitRepository.CreateAsync();
        var world = new SampleReleaseWorld(source, developer, await TempBareRemote.CreateAsync(), await TempBareRemote.CreateWithCommitsAsync(1), registry, start);

        TestFolders.CopyWithoutOutputs(sampleFolder, Path.Combine(developer.Path, "samples", "director"));
        developer.WriteFile(".gitignore", "bin/\nobj/\nTestResults/\n");
        await developer.CommitAsync("feat: director sample #1", Developer);
        await developer.TagAsync("v1.0.0", "release 1.0.0");
        developer.WriteFile("samples/director/NOTES.md", "Operators: the director answers /health and /version.\n");
        await developer.CommitAsync("fix: operator notes for the director #2", Developer);
        await world.PushAsync();

        WriteOsvMirror(world._root.Path, start);
        return world;
    }

    /// <summary>
    /// The team's OSV mirror in <c>.nuke/advisories</c> of <paramref name="root"/>, synced an hour before
    /// <paramref name="start"/> (its newest advisory's <c>modified</c> is the data's date), and the root's
    /// <c>.nuke/parameters.json</c> pointing OsvDirectory at it, as this repository's own root does.
    /// </summary>
    internal static void WriteOsvMirror(string root, DateTimeOffset start)
    {
        var synced = start.AddHours(-1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Path.Combine(root, ".nuke", "advisories"));
        File.WriteAllText(Path.Combine(root, ".nuke", "advisories", "GHSA-5crp-9r3c-p9vr.json"), $$$"""
            {"schema_version": "1.4.0", "id": "GHSA-5crp-9r3c-p9vr", "modified": "{{{synced}}}", "published": "2022-06-22T00:00:00Z",
             "summary": "Improper Handling of Exceptional Conditions in Newtonsoft.Json",
             "affected": [{"package": {"ecosystem": "NuGet", "name": "Newtonsoft.Json"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "13.0.1"}]}]}],
             "database_specific": {"severity": "HIGH"}}
            """);
        File.WriteAllText(Path.Combine(root, ".nuke", "parameters.json"), "{\n  \"OsvDirectory\": \".nuke/advisories\"\n}\n");
    }

    /// <summary>This process's environment (PATH, HOME, the SDK) for an in-process build, minus CI variables: those of a
    /// runner executing this test would name another pipeline, branch or person.</summary>
    internal static Dictionary<string, string> BuildEnvironment() => Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
        .Select(e => ((string)e.Key, (string?)e.Value ?? ""))
        .Where(e => !e.Item1.StartsWith("CI_", StringComparison.Ordinal) && !e.Item1.StartsWith("GITLAB_", StringComparison.Ordinal)
                    && !e.Item1.StartsWith("BUILD_", StringComparison.Ordinal) && !e.Item1.StartsWith("SYSTEM_", StringComparison.Ordinal))
        .ToDictionary(e => e.Item1, e => e.Item2);

    /// <summary>
    /// Runs this repository's build in-process in <paramref name="root"/> with <paramref name="args"/> at the release
    /// clock <paramref name="now"/>, and logs the run (every run's output goes to the test's log: a failure later in a
    /// flow is often explained by an earlier run).
    /// </summary>
    internal static async Task<SampleRun> RunBuildAsync(string root, string[] args, string[] fullArguments, DateTimeOffset now)
    {
        var run = new SampleRun(args);
        var writer = new StringWriter();
        var options = new BuildHostOptions
        {
            RootDirectory = root, Environment = BuildEnvironment(), Output = TextWriter.Synchronized(writer), Interactive = false, Observer = run,
            WriteSchema = false, Clock = new FakeTimeProvider(now.ToUniversalTime()),
        };
        var watch = Stopwatch.StartNew();
        run.ExitCode = await BuildHost.RunAsync<global::Release.Build.Build>(fullArguments, null, options, CancellationToken.None);
        run.Output = writer.ToString();
        await TestContext.Progress.WriteLineAsync($"--- {string.Join(' ', args)} -> exit {run.ExitCode} ({watch.Elapsed.TotalSeconds:0.0} s)");
        await TestContext.Out.WriteLineAsync($"===== {string.Join(' ', args)} (clock {now:O}) -> exit {run.ExitCode}\n{run.Output}");
        return run;
    }

    /// <summary>When the OSV mirror's data is as of (its newest <c>modified</c>).</summary>
    public DateTimeOffset AdvisoryDataAsOf => DateTimeOffset.Parse(System.Text.Json.JsonDocument.Parse(
        File.ReadAllText(_root.Combine(".nuke", "advisories", "GHSA-5crp-9r3c-p9vr.json"))).RootElement.GetProperty("modified").GetString()!, CultureInfo.InvariantCulture);

    /// <summary>Pushes the developer's <c>main</c> and tags to the module's remote.</summary>
    public Task PushAsync() => DeveloperClone.GitAsync(["push", "-q", "--follow-tags", Source.Path, "main:main"]);

    /// <summary>
    /// Runs targets of the build in the build root, with the world's repositories and registry; <paramref name="args"/>
    /// are the targets and their own parameters. The release clock moves 20 seconds first.
    /// </summary>
    public Task<SampleRun> RunAsync(params string[] args)
    {
        _now = _now.AddSeconds(20);
        string[] world =
        [
            "--source-repository", Source.FileUrl, "--registry", Registry.Address,
            "--release-records", Records.Path, "--gitops-repository", Environments.Path,
        ];
        return RunBuildAsync(Root, args, [.. args, .. Roster.SigningArguments(args), .. world], _now);
    }

    /// <summary>Reads a stage record the runs left under artifacts/.</summary>
    public Task<T> ReadAsync<T>(AbsolutePath path, string target) => StageRecord.ReadAsync<T>(path, target, CancellationToken.None);

    /// <summary>The release record as committed in the records repository.</summary>
    public Task<string> RecordAsync(string releaseId) => GitCli.RunAsync(Records.Path, ["show", $"main:releases/{releaseId}.json"]);

    /// <summary>A file of <c>environments/ENV/director/</c> as the environment repository's latest commit has it.</summary>
    public Task<string> GitopsFileAsync(string environment, string file) =>
        GitCli.RunAsync(Environments.Path, ["show", $"main:environments/{environment}/director/{file}"]);

    /// <summary>The environment repository's latest commit: author, then message.</summary>
    public Task<string> GitopsHeadAsync() => GitCli.RunAsync(Environments.Path, ["log", "-1", "--format=%an%n%B", "main"]);

    /// <summary>Number of commits in the environment repository.</summary>
    public async Task<int> GitopsCommitsAsync() =>
        int.Parse(await GitCli.RunAsync(Environments.Path, ["rev-list", "--count", "main"]), CultureInfo.InvariantCulture);

    /// <summary>A path under the build root.</summary>
    public string PathOf(string relative) => _root.Combine(relative);

    /// <summary>Deletes every repository and the build root (the registry belongs to the fixture).</summary>
    public void Dispose()
    {
        DeveloperClone.Dispose();
        Roster.Dispose();
        Source.Dispose();
        Records.Dispose();
        Environments.Dispose();
        _root.Dispose();
    }
}

/// <summary>One in-process run of the repository's build: exit code, output and each target's final status.</summary>
public sealed class SampleRun(IReadOnlyList<string> args) : IBuildObserver
{
    private readonly Dictionary<string, TargetStatus> _statuses = [];

    /// <summary>The targets and parameters the test gave.</summary>
    public IReadOnlyList<string> Args { get; } = args;

    /// <summary>The build's exit code.</summary>
    public int ExitCode { get; internal set; }

    /// <summary>Everything the build printed.</summary>
    public string Output { get; internal set; } = "";

    /// <summary>The final status of every target that started or finished, by name.</summary>
    public IReadOnlyDictionary<string, TargetStatus> Statuses { get { lock (_statuses) return new Dictionary<string, TargetStatus>(_statuses); } }

    /// <inheritdoc />
    public void TargetStarted(string target) { }

    /// <inheritdoc />
    public void TargetFinished(string target, TargetStatus status) { lock (_statuses) _statuses[target] = status; }

    /// <summary>Fails the test with the output unless the run succeeded.</summary>
    public SampleRun Succeeded()
    {
        Assert.That(ExitCode, Is.EqualTo(0), $"{string.Join(' ', Args)}:\n{Output}");
        return this;
    }

    /// <summary>Fails the test unless the run failed and printed every expected text.</summary>
    public SampleRun Refused(params string[] expected)
    {
        Assert.That(ExitCode, Is.Not.EqualTo(0), $"{string.Join(' ', Args)} should have been refused:\n{Output}");
        foreach (var text in expected) Assert.That(Output, Does.Contain(text), Output);
        return this;
    }
}
