using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.Azure.Steps;

/// <summary>Copies produced files, keeping their paths, into the staging folder the artifact is published from.</summary>
internal static class StageArtifactsStep
{
    public static YMap Build(CiJob job) => new YMap()
        .Add("task", "CopyFiles@2")
        .Add("displayName", "Stage artifacts")
        .Add("inputs", new YMap()
            .Add("SourceFolder", "$(Build.SourcesDirectory)")
            .Add("Contents", YScalar.Lines(job.Produces))
            .Add("TargetFolder", $"$(Build.ArtifactStagingDirectory)/{job.AzureName}"));
}
