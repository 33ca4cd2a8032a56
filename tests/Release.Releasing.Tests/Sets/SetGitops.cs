using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Releasing.Tests.Support;
using Release.Testing.Git;

namespace Release.Releasing.Tests.Sets;

/// <summary>What the world's GitOps repository holds for a module of <c>shop</c> in an environment, and the records' sets.</summary>
public static class SetGitops
{
    /// <summary>A file of <paramref name="module"/>'s folder in <paramref name="environment"/> on main.</summary>
    public static Task<string> FileAsync(this SetWorld world, string environment, string module, string file, TempBareRemote? repository = null) =>
        GitopsPins.FileAsync(repository ?? world.Environments, environment, module, file);

    /// <summary>Asserts that every module of <paramref name="set"/> runs in <paramref name="environment"/> at its pins.</summary>
    public static Task AssertRunsAsync(this SetWorld world, string environment, ReleaseManifest set, TempBareRemote? repository = null) =>
        GitopsPins.AssertRunsAsync(repository ?? world.Environments, environment, set);

    /// <summary>The set recorded for <paramref name="version"/>.</summary>
    public static async Task<ReleaseManifest> SetAsync(this SetWorld world, string version) =>
        SetRecords.ManifestOf(ReleaseRecordJson.Deserialize(await world.RecordAsync($"shop.set-{version}"), version))!;

    /// <summary>The history of shop's sets as the committed records hold them.</summary>
    public static async Task<SetHistory> HistoryAsync(this SetWorld world, params string[] versions)
    {
        var records = new List<ReleaseRecord>();
        foreach (var version in versions)
            records.Add(ReleaseRecordJson.Deserialize(await world.RecordAsync($"shop.set-{version}"), version));
        return SetHistory.From("shop", records);
    }

    /// <summary>The paths the last commit of the GitOps repository changed.</summary>
    public static async Task<IReadOnlyList<string>> LastCommitPathsAsync(this SetWorld world, TempBareRemote? repository = null) =>
        (await GitCli.RunAsync((repository ?? world.Environments).Path, ["show", "--name-only", "--format=", "main"]))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Opens set <paramref name="version"/> from the modules pushed, and promotes it through the staging batch and pre-prod.</summary>
    public static async Task<ReleaseManifest> OpenedAndStagedAsync(this SetWorld world, string version)
    {
        (await world.RunAsync("OpenSet", "--set", version)).Succeeded();
        (await world.RunAsync("PromoteSet", "--set", version, "--to", "staging-eu,staging-us")).Succeeded();
        (await world.RunAsync("PromoteSet", "--set", version, "--to", "pre-prod")).Succeeded();
        return await world.SetAsync(version);
    }

    /// <summary>Votes, attests, blesses <paramref name="version"/> and promotes it to production.</summary>
    public static async Task<BuildRun> BlessedToProductionAsync(this SetWorld world, string version)
    {
        await world.VoteAndAttestAsync(version);
        (await world.RunAsync("BlessSet", "--set", version)).Succeeded();
        return (await world.RunAsync("PromoteSet", "--set", version, "--to", "production")).Succeeded();
    }
}
