using Release.Engine;
using Release.Engine.Hosting;

namespace Release.Delivery.Tests.Support;

/// <summary>The outcome of one in-process build run.</summary>
internal sealed record BuildResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}

/// <summary>Runs a build in-process with its own root, environment and output, like ./build.sh would.</summary>
internal static class BuildRunner
{
    public static Task<BuildResult> RunAsync<T>(string root, params string[] args) where T : Build, new() =>
        RunAsync<T>(root, args, null, CancellationToken.None);

    /// <summary>The same, with an observer of the targets' starts and ends and the test's cancellation.</summary>
    public static async Task<BuildResult> RunAsync<T>(string root, IReadOnlyList<string> args, IBuildObserver? observer,
        CancellationToken cancellationToken) where T : Build, new()
    {
        var writer = new StringWriter();
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/root",
            ["USER"] = "tester",
        };
        var options = new BuildHostOptions
        {
            RootDirectory = root, Environment = environment, Output = TextWriter.Synchronized(writer), Interactive = false, WriteSchema = false,
            Observer = observer,
        };
        var exit = await BuildHost.RunAsync<T>(args, null, options, cancellationToken);
        var result = new BuildResult(exit, writer.ToString());
        TestContext.Progress.WriteLine(result.Output);
        return result;
    }
}
