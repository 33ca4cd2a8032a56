namespace Release.CI.Tests.Builds;

/// <summary>
/// An application of three modules: c needs a (a &lt;- c), b stands alone. Each module builds and pushes (its push
/// record, <c>artifacts/MODULE/digest.txt</c>); one Deploy consumes every module's push record, so a merge request that
/// rebuilds one module must still hand Deploy the records of the modules it did not rebuild.
/// </summary>
public sealed class ThreeModulesBuild : ModuleApplicationBuild
{
    public static readonly Dictionary<string, string[]> Modules = new() { ["a"] = [], ["b"] = [], ["c"] = ["a"] };

    protected override IReadOnlyDictionary<string, string[]> Graph => Modules;

    protected override bool DeployConsumesEveryPush => true;
}
