using System.IO.Compression;
using System.Text;
using Release.Engine;
using Release.Stages.Scan;
using Release.Stages.Tests.Support;
using Release.Testing;
using Release.Testing.Network;

namespace Release.Stages.Tests;

/// <summary>UpdateAdvisories against a real loopback HTTP mirror laid out as OSV's bucket.</summary>
public class UpdateAdvisoriesTests
{
    private sealed class AdvisoryBuild : Build, IUpdateAdvisories;

    private static byte[] Zip(string name, string content)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        using (var stream = zip.CreateEntry(name).Open())
            stream.Write(Encoding.UTF8.GetBytes(content));
        return memory.ToArray();
    }

    [Test]
    public async Task Asked_for_together_the_update_runs_before_the_scan_reads_the_folder()
    {
        var graph = await Release.Engine.Hosting.BuildHost.InspectAsync<AdvisoryBuild>();

        Assert.That(graph.Targets.Single(t => t.Name == "Scan").RunsAfter, Does.Contain("UpdateAdvisories"));
    }

    [Test]
    public async Task The_folder_is_refreshed_and_the_summary_shows_counts_and_the_data_date()
    {
        using var root = new TempDirectory();
        root.WriteFile(".nuke/advisories/README.md", "kept");
        await using var mirror = StaticHttpServer.Start(new Dictionary<string, byte[]>
        {
            ["/NuGet/all.zip"] = Zip("GHSA-1.json", """{"id":"GHSA-1","modified":"2026-12-02T08:30:00Z"}"""),
        });

        var run = await StageRun.RunAsync<AdvisoryBuild>(root.Path, "UpdateAdvisories", "--osv-directory", ".nuke/advisories",
            "--advisory-mirror", mirror.BaseUrl.AbsoluteUri, "--advisory-ecosystems", "NuGet");

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(File.Exists(root.Combine(".nuke", "advisories", "NuGet", "GHSA-1.json")) && File.Exists(root.Combine(".nuke", "advisories", "README.md")), Is.True);
        Assert.That(run.Output, Does.Contain("advisories: NuGet 1").And.Contain("data as of: 2026-12-02 08:30 UTC"));
    }

    [Test]
    public async Task Without_an_OSV_folder_the_plan_fails_naming_the_parameter()
    {
        using var root = new TempDirectory();
        var run = await StageRun.RunAsync<AdvisoryBuild>(root.Path, "UpdateAdvisories", "--advisory-mirror", "http://127.0.0.1:9/");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("osv-directory"));
    }

    [Test]
    public async Task A_mirror_without_the_ecosystem_fails_and_replaces_nothing()
    {
        using var root = new TempDirectory();
        root.WriteFile(".nuke/advisories/NuGet/GHSA-old.json", """{"id":"GHSA-old"}""");
        await using var mirror = StaticHttpServer.Start(new Dictionary<string, byte[]>());

        var run = await StageRun.RunAsync<AdvisoryBuild>(root.Path, "UpdateAdvisories", "--osv-directory", ".nuke/advisories",
            "--advisory-mirror", mirror.BaseUrl.AbsoluteUri);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.Contain($"{mirror.BaseUrl}NuGet/all.zip answered 404").And.Contain("Nothing in"));
        Assert.That(File.Exists(root.Combine(".nuke", "advisories", "NuGet", "GHSA-old.json")), Is.True);
    }
}
