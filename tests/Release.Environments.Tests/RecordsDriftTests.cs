using Release.Environments.Drift;
using Release.Helm.Flux;
using Release.Testing;

namespace Release.Environments.Tests;

/// <summary>
/// Records drift: the digests an environment repository pins (written exactly as the GitOps deployer writes them, by
/// <see cref="FluxManifestWriter"/>) against what the release records say was promoted there.
/// </summary>
public class RecordsDriftTests
{
    private const string Promoted = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Earlier = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
    private const string ByHand = "sha256:9999999999999999999999999999999999999999999999999999999999999999";

    private static readonly PromotedState Staging = new("staging", "1.4.0", Promoted, new HashSet<string> { Earlier, Promoted });

    private static async Task<TempDirectory> RepositoryPinningAsync(string digest)
    {
        var root = new TempDirectory("release-records-drift");
        var spec = new FluxReleaseSpec("staging", "director", "director-staging", "oci://127.0.0.1:5000/charts/director")
        {
            Digest = "sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
            Values = new Dictionary<string, object?> { ["image"] = new Dictionary<string, object?> { ["repository"] = "127.0.0.1:5000/apps/director", ["digest"] = digest } },
            ValuesMode = FluxValuesMode.ConfigMap,
        };
        await new FluxManifestWriter().WriteAsync(root.Path, spec);
        return root;
    }

    [Test]
    public async Task The_digest_the_records_promoted_is_no_drift()
    {
        using var root = await RepositoryPinningAsync(Promoted);
        var pinned = PinnedImage.Read(root.Path, "staging");
        Assert.That(pinned["director"], Is.EqualTo(new PinnedImage("127.0.0.1:5000/apps/director", Promoted)));
        Assert.That(RecordsDrift.Findings(Staging, pinned), Is.Empty);
    }

    [Test]
    public async Task A_digest_no_promotion_put_there_is_a_finding_naming_the_release_to_promote_again()
    {
        using var root = await RepositoryPinningAsync(ByHand);
        var finding = RecordsDrift.Findings(Staging, PinnedImage.Read(root.Path, "staging")).Single();
        Assert.That(finding, Is.EqualTo(new DriftFinding("records", "staging", "director", "environments/staging/director/values-configmap.yaml image.digest",
            $"{Promoted} (release 1.4.0)", $"{ByHand} (no promotion put it there)", "./build.sh Promote --release 1.4.0 --to staging")));
    }

    [Test]
    public async Task An_earlier_promoted_digest_still_pinned_is_reported_as_not_current()
    {
        using var root = await RepositoryPinningAsync(Earlier);
        var finding = RecordsDrift.Findings(Staging, PinnedImage.Read(root.Path, "staging")).Single();
        Assert.That(finding.Found, Is.EqualTo($"{Earlier} (promoted earlier, not the current release)"));
    }
}
