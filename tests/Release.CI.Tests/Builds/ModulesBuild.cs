namespace Release.CI.Tests.Builds;

/// <summary>
/// An application of four modules: storefront needs pricing and catalog; pricing needs catalog; audit stands alone.
/// </summary>
public sealed class ModulesBuild : ModuleApplicationBuild
{
    protected override IReadOnlyDictionary<string, string[]> Graph { get; } = new Dictionary<string, string[]>
    {
        ["catalog"] = [], ["pricing"] = ["catalog"], ["storefront"] = ["pricing", "catalog"], ["audit"] = [],
    };
}
