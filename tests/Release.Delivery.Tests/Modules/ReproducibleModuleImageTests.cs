using Release.Applications;
using Release.Delivery.Modules;
using Release.Delivery.Tests.Support;
using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Testing;

namespace Release.Delivery.Tests.Modules;

/// <summary>
/// The same commit built in another folder (another CI runner's checkout) gives the same image. A module's tag names
/// its commit and is immutable, so a rebuild elsewhere must come to the same digest. The sample's ledger, built from its
/// Dockerfile, did not: its published assembly named its PDB by the checkout's absolute path.
/// </summary>
[NonParallelizable]
public class ReproducibleModuleImageTests
{
    [Test, CancelAfter(1_200_000)]
    public async Task A_Dockerfile_module_built_from_the_same_commit_in_another_folder_has_the_same_digest(CancellationToken cancellationToken)
    {
        using var repository = await SampleRepository.CreateAsync(["ledger"], cancellationToken);
        // The same commit, its history included, under another path.
        using var elsewhere = new TempDirectory("release-elsewhere");
        TestFolders.Copy(repository.Path, elsewhere.Path);

        var first = await BuildLedgerAsync(repository.Path, cancellationToken);
        var second = await BuildLedgerAsync(elsewhere.Path, cancellationToken);

        Assert.That(second.Tag, Is.EqualTo(first.Tag), "one commit, one tag");
        Assert.That(second.Digest, Is.EqualTo(first.Digest), "the same commit built in another folder must push the same image under its tag");
    }

    private static async Task<ImageRecord> BuildLedgerAsync(string root, CancellationToken cancellationToken)
    {
        var result = await BuildRunner.RunAsync<LedgerBuild>(root, ["BuildModule.ledger", "--registry", DeliverySetUp.Registry.Address], null,
            cancellationToken);
        Assert.That(result.ExitCode, Is.Zero, result.Output);
        return await StageRecord.ReadAsync<ImageRecord>(new PipelinePaths(new AbsolutePath(root), "ledger").ImageRecord, "Build", cancellationToken);
    }

    /// <summary>The ledger alone, declared as the repository's own build declares it.</summary>
    public sealed class LedgerBuild : Build, IApplicationStages
    {
        private CheckedApplication? _application;

        CheckedApplication IApplicationStages.Application => _application ??= Application.Named("ledger")
            .Module("ledger", m => m.Folder("samples/ledger").Dockerfile(publish: "src/Ledger/Ledger.csproj").Health("/health"))
            .Check(RootDirectory);
    }
}
