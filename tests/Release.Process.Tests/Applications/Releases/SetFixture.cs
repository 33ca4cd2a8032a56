using Release.Foundation.Oci;
using Release.Process.Applications;
using Release.Process.Applications.Releases;
using Release.Process.Promotion;
using Release.SemVer;

namespace Release.Process.Tests.Applications.Releases;

/// <summary>The sample application (the gateway calls the director and the ledger) as sets, chains and history.</summary>
internal static class SetFixture
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 11, 30, 0, TimeSpan.Zero);

    public static ModuleGraph Sample() => ModuleGraph.Create([new("director", []), new("ledger", []), new("gateway", ["director", "ledger"])]);

    public static string Hex(char c) => "sha256:" + new string(c, 64);

    public static SemanticVersion V(string text) => SemanticVersion.Parse(text);

    /// <summary>A pin whose image digest is <paramref name="image"/> repeated and chart digest the next letter.</summary>
    public static ModulePin Pin(string module, string version, char image) =>
        new(module, V(version), OciDigest.Parse(Hex(image), "test"), OciDigest.Parse(Hex((char)(image + 1)), "test"));

    /// <summary>Release 1.0.0: director 1.0.0 (a), ledger 2.0.0 (c), gateway 0.3.0 (e).</summary>
    public static ReleaseManifest First() =>
        ReleaseManifest.Create("shop", V("1.0.0"), [Pin("director", "1.0.0", 'a'), Pin("ledger", "2.0.0", 'c'), Pin("gateway", "0.3.0", 'e')]);

    /// <summary>Release 1.1.0: the ledger changed (2.1.0, digest 1); the others carried.</summary>
    public static ReleaseManifest Second() =>
        ReleaseManifest.Create("shop", V("1.1.0"), [Pin("director", "1.0.0", 'a'), Pin("ledger", "2.1.0", '1'), Pin("gateway", "0.3.0", 'e')]);

    /// <summary>staging (two regions, one batch) -> pre-prod -> production (blessed only).</summary>
    public static SetChain Chain(bool partial = false) => new([
        new ChainStep("staging", ["staging-eu", "staging-us"], RequiresBlessing: false, AllowsPartialSuccess: partial),
        new ChainStep("pre-prod", ["pre-prod"], RequiresBlessing: false),
        new ChainStep("production", ["production"], RequiresBlessing: true),
    ]);

    public static SetDeployment Deployed(string environment, ReleaseManifest set, int hour) => new(environment, set, T0.AddHours(hour));

    public static BlessedSet Blessed(ReleaseManifest set) => new(set, T0);
}
