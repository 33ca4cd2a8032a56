using System.Collections.Concurrent;
using Release.Engine;
using Release.Delivery.Tests.Support;
using Release.Pipeline;
using Release.Pipeline.Records;

namespace Release.Delivery.Tests.Modules;

/// <summary>
/// "Only what changed" through the real engine and stages on the sample application (director, ledger from its
/// Dockerfile, gateway needing both) in a git repository: a commit changing one of the director's files rebuilds,
/// retests, rescans and re-pushes the director and the gateway, which depends on it, while the ledger stays up to date
/// and keeps its pushed digest; a parameter no module stage reads leaves every stage up to date, one the scans read
/// runs the scans again.
/// </summary>
[NonParallelizable]
public class OnlyWhatChangedTests
{
    private static readonly string[] Modules = ["director", "ledger", "gateway"];

    [Test, CancelAfter(2_400_000)]
    public async Task A_commit_to_one_module_rebuilds_it_and_its_dependents_only_and_an_unread_parameter_rebuilds_nothing(
        CancellationToken cancellationToken)
    {
        using var repository = await SampleRepository.CreateAsync(Modules, cancellationToken);

        var first = await RunAsync(repository.Path, [], cancellationToken);
        Assert.That(first.Started, Is.SupersetOf(Modules.Select(m => $"BuildModule.{m}")), first.Output);
        var pushedFirst = await PushedAsync(repository.Path, cancellationToken);
        var sourcesFirst = await SourcesAsync(repository.Path, cancellationToken);

        // A commit touching only the director: the director and the gateway (which depends on it) are built again.
        var program = Path.Combine(repository.Path, "samples/director/src/Director/Program.cs");
        await File.AppendAllTextAsync(program, "\n// a change to the director only\n", cancellationToken);
        var change = await repository.CommitAsync("fix: the director only", ct: cancellationToken);

        var second = await RunAsync(repository.Path, [], cancellationToken);
        foreach (var stage in new[] { "BuildModule", "UnitTestModule", "ScanModule", "PushModule" })
        {
            Assert.That(second.Started, Does.Contain($"{stage}.director").And.Contain($"{stage}.gateway"), second.Output);
            Assert.That(second.Started, Does.Not.Contain($"{stage}.ledger"), second.Output);
            Assert.That(second.Statuses[$"{stage}.ledger"], Is.EqualTo(TargetStatus.UpToDate), second.Output);
        }
        var pushedSecond = await PushedAsync(repository.Path, cancellationToken);
        var sourcesSecond = await SourcesAsync(repository.Path, cancellationToken);
        Assert.That(pushedSecond["ledger"].Digest, Is.EqualTo(pushedFirst["ledger"].Digest), "the ledger's last pushed digest is reused");
        Assert.That(pushedSecond["ledger"].Tag, Is.EqualTo(pushedFirst["ledger"].Tag));
        Assert.That(sourcesSecond["ledger"].Commit, Is.EqualTo(sourcesFirst["ledger"].Commit), "the ledger is still named by the commit it was built from");
        // The rebuilt modules are named by the new commit, under new tags: a tag never names two images.
        foreach (var module in new[] { "director", "gateway" })
        {
            Assert.That(sourcesSecond[module].Commit, Is.EqualTo(change), module);
            Assert.That(pushedSecond[module].Tag, Is.Not.EqualTo(pushedFirst[module].Tag), module);
            Assert.That(pushedSecond[module].Tag, Does.Contain(sourcesSecond[module].ShortCommit), module);
        }
        // Why: the director's own file, the gateway's dependency; the ledger had nothing.
        Assert.That(second.Output, Does.Contain("Changes to its folders: samples/director/src/Director/Program.cs"));
        Assert.That(second.Output, Does.Contain("Changes to its folders: dependency director: samples/director/src/Director/Program.cs"));
        Assert.That(second.Output, Does.Contain($"Changes to its folders: none since {sourcesFirst["ledger"].ShortCommit}"));

        // Nothing changed; --chart-repository-url is read by no stage in the plan, --max-advisory-age-days by the scans.
        var third = await RunAsync(repository.Path, ["--chart-repository-url", "https://charts.example.com", "--max-advisory-age-days", "30"],
            cancellationToken);
        foreach (var module in Modules)
        {
            foreach (var stage in new[] { "BuildModule", "UnitTestModule", "PushModule" })
                Assert.That(third.Statuses[$"{stage}.{module}"], Is.EqualTo(TargetStatus.UpToDate), third.Output);
            Assert.That(third.Started, Does.Contain($"ScanModule.{module}"), "the scans read --max-advisory-age-days");
        }
        Assert.That((await PushedAsync(repository.Path, cancellationToken)).Select(p => p.Value.Digest),
            Is.EqualTo(pushedSecond.Select(p => p.Value.Digest)));
    }

    private static async Task<Run> RunAsync(string root, string[] extra, CancellationToken cancellationToken)
    {
        var run = new Run();
        var result = await BuildRunner.RunAsync<SampleApplicationBuild>(root,
            [.. Modules.Select(m => $"PushModule.{m}"), "--registry", DeliverySetUp.Registry.Address, "--osv-directory", ".nuke/advisories",
             "--max-parallel", "3", .. extra],
            run, cancellationToken);
        run.Output = result.Output;
        Assert.That(result.ExitCode, Is.Zero, run.Output);
        return run;
    }

    private static async Task<Dictionary<string, PushRecord>> PushedAsync(string root, CancellationToken ct)
    {
        var pushed = new Dictionary<string, PushRecord>();
        foreach (var module in Modules)
            pushed[module] = await StageRecord.ReadAsync<PushRecord>(new PipelinePaths(new AbsolutePath(root), module).PushRecord, "Push", ct);
        return pushed;
    }

    private static async Task<Dictionary<string, SourceRecord>> SourcesAsync(string root, CancellationToken ct)
    {
        var sources = new Dictionary<string, SourceRecord>();
        foreach (var module in Modules)
            sources[module] = await StageRecord.ReadAsync<SourceRecord>(new PipelinePaths(new AbsolutePath(root), module).SourceRecord, "Clone", ct);
        return sources;
    }

    /// <summary>What one run started and how each target ended.</summary>
    private sealed class Run : IBuildObserver
    {
        private readonly ConcurrentQueue<string> _started = new();
        private readonly ConcurrentDictionary<string, TargetStatus> _statuses = new();

        public string Output { get; set; } = "";

        public IReadOnlyList<string> Started => _started.ToList();

        public IReadOnlyDictionary<string, TargetStatus> Statuses => _statuses;

        public void TargetStarted(string target) => _started.Enqueue(target);

        public void TargetFinished(string target, TargetStatus status) => _statuses[target] = status;
    }
}
