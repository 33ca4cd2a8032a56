using Release.CI.Yaml;

namespace Release.CI.Azure.Steps;

/// <summary>Cobertura coverage (<c>PublishCodeCoverageResults@2</c>), published even when tests fail.</summary>
internal static class CoverageStep
{
    public static YMap Build(string file) => new YMap()
        .Add("task", "PublishCodeCoverageResults@2")
        .Add("displayName", "Publish code coverage")
        .Add("condition", "succeededOrFailed()")
        .Add("inputs", new YMap().Add("summaryFileLocation", "$(Build.SourcesDirectory)/" + file));
}
