using System.Globalization;
using Release.Releasing.Tests.Support;
using Release.Scanning.Sources.Osv;
using Release.Stages.Scan;
using Release.Testing;

namespace Release.Releasing.Tests;

/// <summary>
/// The quality gate judges how old the advisory data is from the data: the dates inside the OSV documents the scan
/// read (recorded by Scan as <c>sourcesAsOf</c> in <c>artifacts/modules/director/scan/summary.json</c>), never the summary file's time.
/// </summary>
[NonParallelizable]
public class ScanDataFreshnessTests : RegistryTestBase
{
    [Test]
    public async Task A_mirror_whose_newest_advisory_is_five_days_old_misses_stable_and_a_fresh_one_meets_it()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        await world.OpenAsync();
        await world.StageOutputsAsync("freshness image " + Guid.NewGuid());
        using var mirror = new TempDirectory("osv-mirror");
        mirror.WriteFile("nuget/GHSA-aaaa.json", Osv("GHSA-aaaa", modified: world.Now.AddDays(-30), published: world.Now.AddDays(-40)));
        mirror.WriteFile("debian/DSA-1.json", Osv("DSA-1", modified: world.Now.AddDays(-5), published: world.Now.AddDays(-6)));
        var source = new OsvAdvisoryFolderSource(mirror.Path);

        // Scanned just now, from a mirror last synced five days ago: beta (7 days) at most.
        await WriteScanSummaryAsync(world, source, mirror.Path);
        Assert.That(File.ReadAllText(world.PathOf("artifacts/modules/director/scan/summary.json")), Does.Contain(world.Now.AddDays(-5).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)));
        (await world.RunAsync("QualityGate")).Succeeded();
        var (channel, failures) = Channel(world);
        Assert.That(channel, Is.EqualTo("Beta"));
        Assert.That(failures.Single(), Does.StartWith($"Stable: scan data age of '{source.Name}' is 5.00:00:"));

        // The mirror syncs a change from an hour ago: the same scan now meets stable.
        mirror.WriteFile("nuget/GHSA-bbbb.json", Osv("GHSA-bbbb", modified: world.Now.AddHours(-1), published: world.Now.AddHours(-1)));
        await WriteScanSummaryAsync(world, source, mirror.Path);
        (await world.RunAsync("QualityGate")).Succeeded();
        Assert.That(Channel(world).Channel, Is.EqualTo("Stable"));
    }

    [Test]
    public async Task A_summary_that_does_not_say_how_old_its_data_is_counts_as_unknown_however_new_the_file()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        await world.OpenAsync();
        await world.StageOutputsAsync("unknown-age image " + Guid.NewGuid());
        // Written this instant, so the file's time is fresh; but it records neither finishedAt nor sourcesAsOf.
        world.Write("artifacts/modules/director/scan/summary.json", """
            {"verdict": "Clean", "countsBySeverity": {"critical": 0, "high": 0}, "sourcesWithData": ["OSV folder /mirror"], "sourcesWithoutData": []}
            """);
        var run = (await world.RunAsync("QualityGate")).Succeeded();
        Assert.That(run.Output, Does.Contain("does not say how old the data of advisory source 'OSV folder /mirror' is"));
        var (channel, failures) = Channel(world);
        Assert.That(channel, Is.EqualTo("Alpha"));
        Assert.That(failures, Has.Some.EqualTo("Stable: scan data age of 'OSV folder /mirror' is unknown, required <= 1.00:00:00"));

        // A folder whose documents carry no dates at all is recorded as null: unknown too, not the scan's time.
        using var mirror = new TempDirectory("osv-mirror");
        mirror.WriteFile("x.json", """{"id": "X-1", "affected": []}""");
        Assert.That(await AdvisoryDataAsOf.ReadOsvFolderAsync(mirror.Path, CancellationToken.None), Is.Null);
        await WriteScanSummaryAsync(world, new OsvAdvisoryFolderSource(mirror.Path), mirror.Path);
        Assert.That(File.ReadAllText(world.PathOf("artifacts/modules/director/scan/summary.json")), Does.Contain($"\"OSV folder {mirror.Path}\": null"));
        (await world.RunAsync("QualityGate")).Succeeded();
        Assert.That(Channel(world).Channel, Is.EqualTo("Alpha"));
    }

    // The channel QualityGate chose and the rules it missed, from artifacts/release/channel.json.
    private static (string? Channel, string[] Failures) Channel(ReleaseWorld world)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(world.PathOf("artifacts/release/channel.json")));
        var root = document.RootElement;
        return (root.GetProperty("channel").GetString(), root.GetProperty("failures").EnumerateArray().Select(f => f.GetString()!).ToArray());
    }

    // What Scan writes for a scan that just finished against the folder (the counts as a clean scan would give them).
    private static async Task WriteScanSummaryAsync(ReleaseWorld world, OsvAdvisoryFolderSource source, string folder)
    {
        var summary = $$"""
            {"verdict": "Clean", "countsBySeverity": {"critical": 0, "high": 0, "medium": 0, "low": 0},
             "sourcesWithData": ["{{source.Name}}"], "sourcesWithoutData": []}
            """;
        var asOf = await AdvisoryDataAsOf.ForAsync([source], folder, CancellationToken.None);
        await File.WriteAllTextAsync(world.PathOf("artifacts/modules/director/scan/summary.json"), AdvisoryDataAsOf.AddTo(summary, world.Now, asOf));
    }

    private static string Osv(string id, DateTimeOffset modified, DateTimeOffset published) => $$"""
        {"schema_version": "1.4.0", "id": "{{id}}", "modified": "{{modified.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}", "published": "{{published.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}",
         "affected": [{"package": {"ecosystem": "NuGet", "name": "Nothing.Installed"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.0.0"}]}]}]}
        """;
}
