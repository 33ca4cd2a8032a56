using Release.Foundation.Oci;
using Release.Process.Promotion;
using Release.Process.Versioning;
using Release.SemVer;

namespace Release.Process.Tests.Promotion;

internal static class PromotionFixture
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 1, 11, 30, 0, TimeSpan.Zero);

    public static string Digest(char c) => "sha256:" + new string(c, 64);

    public static SemanticVersion V(string text) => SemanticVersion.Parse(text);

    public static BlessedRelease Blessed(string version, char digest) =>
        new($"director-{version}", V(version), OciDigest.Parse(Digest(digest), "test"), OciDigest.Parse(Digest('c'), "test"), T0);

    public static Deployment Deployed(string environment, string version, char digest, int day) =>
        new(environment, $"director-{version}", V(version), OciDigest.Parse(Digest(digest), "test"), T0.AddDays(day));
}
