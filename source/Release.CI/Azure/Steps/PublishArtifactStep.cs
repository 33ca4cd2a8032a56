using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.Azure.Steps;

/// <summary>Publishes the staged files as a pipeline artifact named after the job.</summary>
internal static class PublishArtifactStep
{
    public static YMap Build(CiJob job) => new YMap()
        .Add("task", "PublishPipelineArtifact@1")
        .Add("displayName", "Publish artifacts")
        .Add("inputs", new YMap()
            .Add("targetPath", $"$(Build.ArtifactStagingDirectory)/{job.AzureName}")
            .Add("artifact", job.AzureName)
            .Add("publishLocation", "pipeline"));
}
