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

    /// <summary>
    /// The same artifact from the latest run of this pipeline on the pull request's target branch: a need a pull request
    /// left out because it changed none of its files published it there.
    /// </summary>
    public static YMap FromTargetBranch(JobNeed need) => new YMap()
        .Add("task", "DownloadPipelineArtifact@2")
        .Add("displayName", $"Download the last artifacts of {need.Job.AzureName} on the target branch")
        .Add("inputs", new YMap()
            .Add("buildType", "specific")
            .Add("project", "$(System.TeamProjectId)")
            .Add("definition", "$(System.DefinitionId)")
            .Add("buildVersionToDownload", "latestFromBranch")
            .Add("branchName", "$(System.PullRequest.TargetBranch)")
            .Add("artifactName", need.Job.AzureName)
            .Add("itemPattern", need.ArtifactGlobs.Count == 0 ? null : YScalar.Lines(need.ArtifactGlobs))
            .Add("targetPath", "$(Build.SourcesDirectory)"));
}
