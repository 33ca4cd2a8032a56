using Release.CI.Azure;
using Release.CI.GitLab;
using Release.CI.Planning;
using Release.Engine;

namespace Release.CI;

/// <summary>
/// Generates the CI files of a build from its target graph and CI configuration, entirely in memory: either both
/// files are produced or an error lists every problem and nothing is produced.
/// </summary>
public static class CiFiles
{
    /// <summary>
    /// The files for <paramref name="graph"/> and <paramref name="configuration"/>; <paramref name="buildClass"/> names
    /// the build in messages and headers. Throws <see cref="BuildDefinitionException"/> listing every problem.
    /// </summary>
    public static IReadOnlyList<GeneratedFile> Generate(TargetGraph graph, CiConfiguration configuration, string buildClass)
    {
        var pipeline = CiPipeline.Plan(graph, configuration, buildClass);
        return
        [
            new GeneratedFile(configuration.GitLab.Path, GitLabFile.Write(pipeline)),
            new GeneratedFile(configuration.Azure.Path, AzureFile.Write(pipeline)),
        ];
    }
}

/// <summary>A generated file: its path relative to the root and its full text.</summary>
/// <param name="RelativePath">Path relative to the build root, with forward slashes.</param>
/// <param name="Content">The file's text (LF line endings).</param>
public sealed record GeneratedFile(string RelativePath, string Content);
