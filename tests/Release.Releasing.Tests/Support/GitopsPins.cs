using Release.Process.Applications.Releases;
using Release.Testing.Git;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// What a GitOps repository (a real bare repository) pins for an application release set: the one check of the Sets
/// tests and of the sample application's release flow.
/// </summary>
internal static class GitopsPins
{
    /// <summary>A file of <paramref name="module"/>'s folder in <paramref name="environment"/> on main.</summary>
    public static Task<string> FileAsync(TempBareRemote repository, string environment, string module, string file) =>
        GitCli.RunAsync(repository.Path, ["show", $"main:environments/{environment}/{module}/{file}"]);

    /// <summary>
    /// Asserts that every module of <paramref name="set"/> is deployed in <paramref name="environment"/> at its pin: the
    /// values pin the image digest of the environment's repository, the OCIRepository the chart digest of the
    /// environment's chart repository.
    /// </summary>
    public static async Task AssertRunsAsync(TempBareRemote repository, string environment, ReleaseManifest set)
    {
        foreach (var pin in set.Modules)
        {
            var values = await FileAsync(repository, environment, pin.Module, "values-configmap.yaml");
            var chart = await FileAsync(repository, environment, pin.Module, "ocirepository.yaml");
            Assert.That(values, Does.Contain(pin.ImageDigest.Value).And.Contain($"{environment}/{pin.Module}"),
                $"{environment}: {pin.Module}'s image is {set.Title}'s");
            Assert.That(chart, Does.Contain(pin.ChartDigest.Value).And.Contain($"{environment}/charts/{pin.Module}"),
                $"{environment}: {pin.Module}'s chart is {set.Title}'s");
        }
    }
}
