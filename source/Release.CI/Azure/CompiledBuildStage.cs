using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.Azure;

/// <summary>
/// The first stage when the build is compiled once per pipeline: compiles it and publishes <c>.nuke/temp/bin</c> as the
/// pipeline artifact every other stage downloads before running <c>build.sh</c>.
/// </summary>
internal static class CompiledBuildStage
{
    public static YMap Build(CiPipeline pipeline) => new YMap()
        .Add("stage", CompiledBuild.AzureName)
        .Add("displayName", "Compile the build definition")
        .Add("dependsOn", YSeq.Of(Array.Empty<YNode>()))
        .Add("jobs", YSeq.Of([new YMap()
            .Add("job", CompiledBuild.AzureName)
            .Add("displayName", "Compile the build definition")
            .Add("steps", YSeq.Of(JobSteps(pipeline)))]));

    /// <summary>The step every other job runs after its checkout: the compiled build, where build.sh looks for it.</summary>
    public static YMap DownloadStep() => new YMap()
        .Add("task", "DownloadPipelineArtifact@2")
        .Add("displayName", "Download the compiled build definition")
        .Add("inputs", new YMap()
            .Add("buildType", "current")
            .Add("artifactName", CompiledBuild.AzureName)
            .Add("targetPath", "$(Build.SourcesDirectory)/" + CompiledBuild.Directory));

    private static IEnumerable<YNode> JobSteps(CiPipeline pipeline)
    {
        yield return Steps.CheckoutStep.Build();
        yield return Steps.DotNetSdkStep.Build(pipeline.Configuration.Azure.DotNetSdkVersion);
        if (pipeline.Configuration.CachesNuGetPackages) yield return Steps.NuGetCacheStep.Build();
        yield return new YMap().Add("script", CompiledBuild.Command).Add("displayName", CompiledBuild.Command);
        yield return new YMap()
            .Add("task", "PublishPipelineArtifact@1")
            .Add("displayName", "Publish the compiled build definition")
            .Add("inputs", new YMap()
                .Add("targetPath", "$(Build.SourcesDirectory)/" + CompiledBuild.Directory)
                .Add("artifact", CompiledBuild.AzureName)
                .Add("publishLocation", "pipeline"));
    }
}
