using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.GitLab;

/// <summary>
/// The <c>variables:</c> and <c>default:</c> nodes: the job image, the container-registry fallback and the NuGet cache. GitLab only caches paths
/// inside the project directory, so NUGET_PACKAGES points there.
/// </summary>
internal static class GitLabDefaults
{
    public const string NuGetPackagesDirectory = ".nuget/packages";

    public static YMap? Variables(CiPipeline pipeline) =>
        pipeline.Configuration.CachesNuGetPackages
            ? new YMap().Add("NUGET_PACKAGES", "$CI_PROJECT_DIR/" + NuGetPackagesDirectory)
            : null;

    public static YMap? Default(CiPipeline pipeline)
    {
        var map = new YMap().Add("image", pipeline.Configuration.GitLab.Image);
        if (pipeline.ContainerRegistryVariables is [var registry, var user, var password, var repository])
            // CI_REGISTRY_USER is set only when the project's registry is on; a team's own registry variable always wins.
            map.Add("before_script", YSeq.Of([
                $"if [ -z \"${{{registry}:-}}\" ] && [ -n \"${{CI_REGISTRY_USER:-}}\" ]; then export {registry}=\"$CI_REGISTRY\" " +
                $"{user}=\"$CI_REGISTRY_USER\" {password}=\"$CI_REGISTRY_PASSWORD\" {repository}=\"${{CI_REGISTRY_IMAGE#\"$CI_REGISTRY\"/}}\"; fi"]));
        if (pipeline.Configuration.CachesNuGetPackages)
            map.Add("cache", new YMap()
                .Add("key", new YMap()
                    // GitLab accepts at most two key files; globs cover every project's lock and project file.
                    .Add("files", YSeq.Of(["**/packages.lock.json", "**/*.csproj"]))
                    .Add("prefix", "nuget"))
                .Add("paths", YSeq.Of([NuGetPackagesDirectory])));
        return map.IsEmpty ? null : map;
    }
}
