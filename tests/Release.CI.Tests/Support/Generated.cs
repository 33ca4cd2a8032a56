using Release.Engine;
using Release.Engine.Hosting;
using Release.Testing;

namespace Release.CI.Tests.Support;

/// <summary>Generates a test build's CI files in memory, the way GenerateCI does, without running the build.</summary>
public static class Generated
{
    public static async Task<IReadOnlyList<GeneratedFile>> ForAsync<T>() where T : Build, IContinuousIntegration, new()
    {
        using var root = new TempDirectory("release-ci-inspect");
        var graph = await BuildHost.InspectAsync<T>(new BuildHostOptions
        {
            RootDirectory = root.Path, Environment = new Dictionary<string, string>(), Output = TextWriter.Null, Interactive = false, WriteSchema = false,
        });
        // The CI configuration is plain data on the build; it must not depend on a run's parameter values.
        return CiFiles.Generate(graph, ((IContinuousIntegration)new T()).Ci, typeof(T).Name);
    }

    public static async Task<string> GitLabAsync<T>() where T : Build, IContinuousIntegration, new() => (await ForAsync<T>())[0].Content;

    public static async Task<string> AzureAsync<T>() where T : Build, IContinuousIntegration, new() => (await ForAsync<T>())[1].Content;
}
