using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.Azure.Steps;

/// <summary>Downloads another job's artifact into the sources directory, where its files were produced.</summary>
internal static class DownloadArtifactStep
{
    public static YMap Build(JobNeed need) => new YMap()
        .Add("task", "DownloadPipelineArtifact@2")
        .Add("displayName", $"Download artifacts of {need.Job.AzureName}")
        .Add("inputs", new YMap()
            .Add("buildType", "current")
            .Add("artifactName", need.Job.AzureName)
            .Add("itemPattern", need.ArtifactGlobs.Count == 0 ? null : YScalar.Lines(need.ArtifactGlobs))
            .Add("targetPath", "$(Build.SourcesDirectory)"));
}
