using Release.Testing;
using Release.Testing.Git;
using Release.Tooling.Tools;

namespace Release.Delivery.Tests.Support;

/// <summary>
/// A git repository holding some of the sample application's modules (<c>samples/MODULE</c>, without build outputs)
/// and the offline advisories, committed once, for builds through the real stages: buildah and runc are installed
/// first, since a Dockerfile module (the ledger) is built with them.
/// </summary>
internal static class SampleRepository
{
    public static async Task<TempGitRepository> CreateAsync(IEnumerable<string> modules, CancellationToken cancellationToken)
    {
        await new AptInstaller(log: TestContext.Progress.WriteLine).EnsureInstalledAsync(["buildah", "runc"], cancellationToken);
        var repository = await TempGitRepository.CreateAsync(ct: cancellationToken);
        foreach (var module in modules)
            TestFolders.CopyWithoutOutputs(RepositoryRoot.File($"samples/{module}"), Path.Combine(repository.Path, "samples", module));
        TestFolders.Copy(RepositoryRoot.File(".nuke/advisories"), Path.Combine(repository.Path, ".nuke", "advisories"));
        repository.WriteFile(".gitignore", "bin/\nobj/\n.nuke/temp/\nartifacts/\n");
        await repository.CommitAsync("feat: the sample application", ct: cancellationToken);
        return repository;
    }
}
