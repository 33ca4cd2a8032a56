using Release.Foundation.Oci;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Releasing.Records;
using Release.SemVer;

namespace Release.Releasing.Tests.Sets;

/// <summary>
/// Application releases share the records repository with module releases, often at the same versions: the module
/// promotion history (what Promote and Rollback of one module reason about) leaves the sets out.
/// </summary>
public class ModuleHistoryWithSetsTests
{
    [Test]
    public void A_set_at_the_same_version_as_a_module_release_is_not_read_as_a_module_release()
    {
        var at = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var digest = "sha256:" + new string('a', 64);
        var module = ReleaseRecord.Create("director-1.0.0", new ReleaseCreated(at, "1.0.0", "main", new string('1', 40), "rm@example.com", []))
            .Append(new ReleaseBlessed(at.AddMinutes(1), digest, "sha256:" + new string('b', 64)));
        var set = ReleaseManifest.Create("shop", SemanticVersion.Parse("1.0.0"),
            [new ModulePin("api", SemanticVersion.Parse("1.0.0"), OciDigest.Parse("sha256:" + new string('c', 64)), OciDigest.Parse("sha256:" + new string('d', 64)))]);
        var application = ReleaseRecord.Create("shop.set-1.0.0", new ReleaseCreated(at, "1.0.0", "main", new string('2', 40), "rm@example.com", []))
            .Append(SetRecords.Recorded(set, at)).Append(SetRecords.Blessing(set, at.AddMinutes(2)));

        var history = ReleaseHistory.From([module, application]);

        Assert.That(history.Blessed.Select(b => b.ReleaseId), Is.EqualTo(new[] { "director-1.0.0" }));
    }
}
