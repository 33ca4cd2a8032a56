using System.Collections.Concurrent;
using Release.Applications;
using Release.Delivery.Modules;
using Release.Delivery.Tests.Support;
using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;

namespace Release.Delivery.Tests.Modules;

/// <summary>
/// The sample application (director, ledger from its Dockerfile, gateway needing both) through the real engine and
/// the real stages: a git repository holding the three samples is cloned, built (.NET SDK and buildah), unit-tested,
/// scanned and pushed per module, independent modules at the same time.
/// </summary>
[NonParallelizable]
public class ApplicationStagesTests
{
    [Test, CancelAfter(1_800_000)]
    public async Task Independent_modules_build_at_the_same_time_dependents_after_and_every_module_is_pushed(CancellationToken cancellationToken)
    {
        using var repository = await SampleRepository.CreateAsync(["director", "ledger", "gateway"], cancellationToken);

        var observer = new Events();
        var result = await BuildRunner.RunAsync<SampleApplicationBuild>(repository.Path,
            ["PushModule.director", "PushModule.ledger", "PushModule.gateway", "--registry", DeliverySetUp.Registry.Address,
             "--osv-directory", ".nuke/advisories", "--max-parallel", "3"],
            observer, cancellationToken);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        // Independent: each of director's and ledger's builds started before the other finished.
        Assert.That(observer.Overlap("BuildModule.director", "BuildModule.ledger"), Is.True, string.Join("\n", observer.All));
        // Dependent: the gateway's build started only after both of its dependencies' builds finished.
        Assert.That(observer.IndexOf("start:BuildModule.gateway"), Is.GreaterThan(observer.IndexOf("end:BuildModule.director")));
        Assert.That(observer.IndexOf("start:BuildModule.gateway"), Is.GreaterThan(observer.IndexOf("end:BuildModule.ledger")));
        foreach (var module in new[] { "director", "ledger", "gateway" })
        {
            var paths = new PipelinePaths(new AbsolutePath(repository.Path), module);
            var push = await StageRecord.ReadAsync<PushRecord>(paths.PushRecord, "Push", cancellationToken);
            Assert.That(push.Repository, Is.EqualTo(module));
            Assert.That(push.Digest, Does.StartWith("sha256:"));
            Assert.That(paths.UnitTestSummary.FileExists(), Is.True, $"{paths.UnitTestSummary}");
            Assert.That(paths.ScanSummary.FileExists(), Is.True, $"{paths.ScanSummary}");
        }
        Assert.That(result.Output, Does.Contain("BuildModule.ledger").And.Contain("digest"));
    }

    private sealed class Events : IBuildObserver
    {
        private readonly ConcurrentQueue<string> _events = new();

        public IReadOnlyList<string> All => _events.ToList();

        public void TargetStarted(string target) => _events.Enqueue("start:" + target);

        public void TargetFinished(string target, TargetStatus status) => _events.Enqueue($"end:{target}");

        public int IndexOf(string e) => All.ToList().IndexOf(e) is var i and >= 0 ? i : throw new AssertionException($"no event {e} in:\n{string.Join("\n", All)}");

        public bool Overlap(string a, string b) =>
            IndexOf("start:" + a) < IndexOf("end:" + b) && IndexOf("start:" + b) < IndexOf("end:" + a);
    }
}

/// <summary>A build that ships the sample application, declared as the repository's own build declares it.</summary>
public sealed class SampleApplicationBuild : Build, IApplicationStages
{
    private CheckedApplication? _application;

    CheckedApplication IApplicationStages.Application => _application ??= Application.Named("director")
        .Module("director", m => m.Folder("samples/director").DotNetProject("src/Director/Director.csproj").Health("/health"))
        .Module("ledger", m => m.Folder("samples/ledger").Dockerfile(publish: "src/Ledger/Ledger.csproj").Health("/health"))
        .Module("gateway", m => m.Folder("samples/gateway").DotNetProject("src/Gateway/Gateway.csproj").Health("/health").DependsOn("director", "ledger"))
        .Check(RootDirectory);
}
