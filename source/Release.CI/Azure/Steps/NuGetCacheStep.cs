using Release.CI.Yaml;

namespace Release.CI.Azure.Steps;

/// <summary>The NuGet package cache (<c>Cache@2</c>), keyed on every lock and project file.</summary>
internal static class NuGetCacheStep
{
    public static YMap Build() => new YMap()
        .Add("task", "Cache@2")
        .Add("displayName", "Cache NuGet packages")
        .Add("inputs", new YMap()
            .Add("key", "nuget | \"$(Agent.OS)\" | **/packages.lock.json,**/*.csproj,!**/bin/**,!**/obj/**")
            .Add("restoreKeys", YScalar.Lines(["nuget | \"$(Agent.OS)\""]))
            .Add("path", "$(NUGET_PACKAGES)"));
}
