using System.IO.Compression;
using System.Text;
using Release.Scanning.Sources.Osv;
using Release.Testing;
using Release.Testing.Network;

namespace Release.Scanning.Tests;

/// <summary>Syncing an OSV folder from a real HTTP mirror on 127.0.0.1 laid out as OSV's bucket.</summary>
public sealed class OsvMirrorSyncTests
{
    private static string Advisory(string id, string modified) =>
        $$"""{"id":"{{id}}","modified":"{{modified}}","affected":[{"package":{"ecosystem":"NuGet","name":"Example"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]}]}""";

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        return memory.ToArray();
    }

    [Test]
    public async Task Each_ecosystem_lands_in_its_own_folder_replacing_the_old_data_and_keeping_other_files()
    {
        using var folder = new TempDirectory();
        folder.WriteFile("README.md", "team notes");
        folder.WriteFile("own/TEAM-1.json", Advisory("TEAM-1", "2020-01-01T00:00:00Z"));
        folder.WriteFile("NuGet/GHSA-old.json", Advisory("GHSA-old", "2020-01-01T00:00:00Z"));
        await using var mirror = StaticHttpServer.Start(new Dictionary<string, byte[]>
        {
            ["/NuGet/all.zip"] = Zip(("GHSA-new1.json", Advisory("GHSA-new1", "2026-12-01T00:00:00Z")), ("GHSA-new2.json", Advisory("GHSA-new2", "2026-12-02T00:00:00Z"))),
            ["/Debian%3A12/all.zip"] = Zip(("DSA-1.json", Advisory("DSA-1", "2026-11-30T00:00:00Z"))),
        });
        using var http = new HttpClient();

        var counts = await new OsvMirrorSync(http).SyncAsync(mirror.BaseUrl, ["NuGet", "Debian:12"], folder.Path, CancellationToken.None);

        Assert.That(counts, Is.EqualTo(new Dictionary<string, int> { ["NuGet"] = 2, ["Debian:12"] = 1 }));
        Assert.That(Directory.GetFiles(Path.Combine(folder.Path, "NuGet")).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "GHSA-new1.json", "GHSA-new2.json" }));
        Assert.That(File.Exists(Path.Combine(folder.Path, "Debian-12", "DSA-1.json")), Is.True);
        Assert.That(File.Exists(Path.Combine(folder.Path, "README.md")) && File.Exists(Path.Combine(folder.Path, "own", "TEAM-1.json")), Is.True);
        Assert.That(Directory.GetDirectories(Path.GetDirectoryName(folder.Path)!, Path.GetFileName(folder.Path) + ".sync-*"), Is.Empty, "no staging left");
        Assert.That(mirror.Requested, Is.EqualTo(new[] { "/NuGet/all.zip", "/Debian%3A12/all.zip" }));
    }

    [TestCase("missing", "answered 404")]
    [TestCase("not-osv", "has no OSV id")]
    [TestCase("not-json", "is not valid JSON")]
    [TestCase("not-zip", "is not a zip archive")]
    public async Task A_bad_download_fails_naming_the_url_and_replaces_nothing(string kind, string expected)
    {
        using var folder = new TempDirectory();
        folder.WriteFile("NuGet/GHSA-old.json", Advisory("GHSA-old", "2020-01-01T00:00:00Z"));
        var debian = kind switch
        {
            "not-osv" => Zip(("DSA-1.json", """{"title":"proxy login"}""")),
            "not-json" => Zip(("DSA-1.json", "<html>login</html>")),
            "not-zip" => Encoding.UTF8.GetBytes("<html>login</html>"),
            _ => null,
        };
        var files = new Dictionary<string, byte[]> { ["/NuGet/all.zip"] = Zip(("GHSA-new1.json", Advisory("GHSA-new1", "2026-12-01T00:00:00Z"))) };
        if (debian is not null) files["/Debian%3A12/all.zip"] = debian;
        await using var mirror = StaticHttpServer.Start(files);
        using var http = new HttpClient();

        var error = Assert.ThrowsAsync<OsvMirrorException>(() => new OsvMirrorSync(http).SyncAsync(mirror.BaseUrl, ["NuGet", "Debian:12"], folder.Path, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain($"{mirror.BaseUrl}Debian%3A12/all.zip").And.Contain(expected));
        Assert.That(Directory.GetFiles(Path.Combine(folder.Path, "NuGet")).Select(Path.GetFileName), Is.EqualTo(new[] { "GHSA-old.json" }), "the old data stays");
        Assert.That(Directory.Exists(Path.Combine(folder.Path, "Debian-12")), Is.False);
        Assert.That(Directory.GetDirectories(Path.GetDirectoryName(folder.Path)!, Path.GetFileName(folder.Path) + ".sync-*"), Is.Empty, "no staging left");
    }

    [Test]
    public void An_unreachable_mirror_fails_naming_it()
    {
        using var folder = new TempDirectory();
        using var http = new HttpClient();
        var mirror = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var error = Assert.ThrowsAsync<OsvMirrorException>(() => new OsvMirrorSync(http).SyncAsync(mirror, ["NuGet"], folder.Path, CancellationToken.None));
        Assert.That(error!.Message, Does.Contain($"{mirror}NuGet/all.zip could not be reached").And.Contain("Check the mirror URL"));
    }

    [Test]
    public async Task A_rate_limited_mirror_is_waited_out_with_Retry_After_then_the_archive_is_taken()
    {
        using var folder = new TempDirectory();
        await using var mirror = ScriptedHttpServer.Start(
            new ScriptedAnswer(System.Net.HttpStatusCode.TooManyRequests, RetryAfter: "1"),
            new ScriptedAnswer(System.Net.HttpStatusCode.OK) { Content = Zip(("GHSA-new1.json", Advisory("GHSA-new1", "2026-12-01T00:00:00Z"))) });
        using var http = new HttpClient();
        var lines = new List<string>();

        var counts = await new OsvMirrorSync(http, lines.Add).SyncAsync(mirror.BaseUrl, ["NuGet"], folder.Path, CancellationToken.None);

        Assert.That(counts["NuGet"], Is.EqualTo(1));
        Assert.That(mirror.Received, Has.Count.EqualTo(2));
        Assert.That(mirror.Received[1].At - mirror.Received[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)));
        Assert.That(lines, Has.Some.Contains("429").And.Some.Contains("Retry-After"));
    }
}
