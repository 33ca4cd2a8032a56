using Release.CI.Yaml;

namespace Release.CI.Azure.Steps;

/// <summary>JUnit or TRX (VSTest) results (<c>PublishTestResults@2</c>), published even when tests fail.</summary>
internal static class TestResultsStep
{
    public static YMap Build(string files, string format = "JUnit") => new YMap()
        .Add("task", "PublishTestResults@2")
        .Add("displayName", "Publish test results")
        .Add("condition", "succeededOrFailed()")
        .Add("inputs", new YMap()
            .Add("testResultsFormat", format)
            .Add("testResultsFiles", files)
            .Add("searchFolder", "$(Build.SourcesDirectory)"));
}
