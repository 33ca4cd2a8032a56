using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Stages.Common;

/// <summary>
/// The MSBuild properties every stage compiles the module with. Build and UnitTest must pass the same ones: then
/// UnitTest's <c>dotnet test</c> finds Build's output up to date instead of compiling again with other settings, and
/// the coverage collector reads the deterministic (<c>ContinuousIntegrationBuild</c>) source paths through the
/// source-root mapping that compile wrote. Different properties in the two stages left Director.dll deterministic but
/// the mapping stale, and coverage silently measured nothing.
/// </summary>
internal static class ModuleBuildProperties
{
    /// <summary>Version and commit stamped into the assemblies; deterministic paths so the same commit gives the same bytes.</summary>
    public static IReadOnlyDictionary<string, string> For(SourceRecord source) => new Dictionary<string, string>
    {
        ["Version"] = source.Version,
        ["SourceRevisionId"] = source.Commit,
        ["ContinuousIntegrationBuild"] = "true",
    };
}
