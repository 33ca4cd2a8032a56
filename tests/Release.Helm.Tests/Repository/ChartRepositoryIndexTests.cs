using Release.Helm.Repository;
using Release.Helm.Tests.Support;
using Release.Helm.Yaml;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Tests.Repository;

public class ChartRepositoryIndexTests
{
    private static readonly DateTimeOffset Generated = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private static ChartIndexEntry Entry(string version, char digest = 'a') =>
        new("order-router", version, "1.0", new string(digest, 64), [$"https://charts.bank.internal/order-router-{version}.tgz"], Generated);

    [Test]
    public void Writes_a_classic_index_with_versions_newest_first()
    {
        var index = ChartRepositoryIndex.Empty();
        Assert.That(index.Add(Entry("1.2.0")), Is.EqualTo(IndexMergeOutcome.Added));
        index.Add(Entry("1.10.0", 'b'));
        index.Add(Entry("1.10.0-rc.1", 'c'));
        index.Add(Entry("0.9.0", 'd') with { Name = "audit-feed" });

        var yaml = index.ToYaml(Generated);
        var root = YamlFile.ParseMapping(yaml, "index.yaml");

        Assert.That(root.Scalar("apiVersion")!.Value, Is.EqualTo("v1"));
        Assert.That(root.Scalar("generated")!.Value, Is.EqualTo("2026-11-22T08:00:00Z"));
        var entries = (YamlMappingNode)root.Child("entries")!;
        Assert.That(entries.Children.Keys.Select(k => k.ToString()), Is.EqualTo(new[] { "audit-feed", "order-router" }));
        var versions = ((YamlSequenceNode)entries.Children[new YamlScalarNode("order-router")]).Children.Cast<YamlMappingNode>().ToList();
        Assert.That(versions.Select(v => v.Scalar("version")!.Value), Is.EqualTo(new[] { "1.10.0", "1.10.0-rc.1", "1.2.0" }));
        var newest = versions[0];
        Assert.That(newest.Scalar("digest")!.Value, Is.EqualTo(new string('b', 64)));
        Assert.That(newest.Scalar("apiVersion")!.Value, Is.EqualTo("v2"));
        Assert.That(newest.Scalar("appVersion")!.Value, Is.EqualTo("1.0"));
        Assert.That(newest.Scalar("created")!.Value, Is.EqualTo("2026-11-22T08:00:00Z"));
        Assert.That(((YamlSequenceNode)newest.Child("urls")!).Children.Single().ToString(), Is.EqualTo("https://charts.bank.internal/order-router-1.10.0.tgz"));
        Assert.That(yaml, Does.Contain("appVersion: \"1.0\""), "a version-like string is quoted so it stays a string");
    }

    [Test]
    public async Task Merging_into_an_existing_file_keeps_foreign_fields_and_is_idempotent()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Combine("index.yaml");
        await File.WriteAllTextAsync(path, """
            apiVersion: v1
            entries:
              order-router:
                - name: order-router
                  version: 1.0.0
                  digest: 1111
                  urls: [order-router-1.0.0.tgz]
                  maintainers:
                    - name: trading-platform
            generated: "2020-01-01T00:00:00Z"
            """);

        var index = await ChartRepositoryIndex.LoadAsync(path);
        Assert.That(index.Add(Entry("1.1.0")), Is.EqualTo(IndexMergeOutcome.Added));
        Assert.That(index.Add(Entry("1.1.0")), Is.EqualTo(IndexMergeOutcome.AlreadyPresent));
        await index.SaveAsync(path, Generated);

        var reloaded = await ChartRepositoryIndex.LoadAsync(path);
        Assert.That(reloaded.VersionsOf("order-router"), Is.EqualTo(new[] { ("1.1.0", (string?)new string('a', 64)), ("1.0.0", "1111") }));
        Assert.That(await File.ReadAllTextAsync(path), Does.Contain("- name: trading-platform"));
        Assert.That(Directory.GetFiles(folder.Path), Is.EqualTo(new[] { path }), "no temporary file left behind");
    }

    [Test]
    public void Replacing_a_published_version_with_another_digest_is_refused()
    {
        var index = ChartRepositoryIndex.Empty("charts/index.yaml");
        index.Add(Entry("1.2.0", 'a'));
        var error = Assert.Throws<ChartVersionConflictException>(() => index.Add(Entry("1.2.0", 'b')))!;
        Assert.That(error.Message, Does.StartWith("charts/index.yaml: order-router 1.2.0 is already published"));
        Assert.That(error.Message, Does.Contain("bump the chart version"));
        Assert.That(index.VersionsOf("order-router").Single().Digest, Is.EqualTo(new string('a', 64)));
    }

    [Test]
    public void Non_semver_version_is_refused() =>
        Assert.Throws<FormatException>(() => ChartRepositoryIndex.Empty().Add(Entry("director-1-2-3-abc1234")));

    [Test]
    public void Wrong_api_version_is_reported_with_file_and_line()
    {
        var error = Assert.Throws<FormatException>(() => ChartRepositoryIndex.Parse("entries: {}\napiVersion: v2\n", "index.yaml"))!;
        Assert.That(error.Message, Does.StartWith("index.yaml:2: apiVersion must be 'v1'"));
    }

    [Test]
    public void Fractional_created_time_keeps_its_fraction() =>
        Assert.That(ChartIndexEntry.FormatTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 250, TimeSpan.FromHours(1))), Is.EqualTo("2026-01-02T02:04:05.25Z"));
}
