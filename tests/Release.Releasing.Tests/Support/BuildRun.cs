using Release.Engine.Hosting;

namespace Release.Releasing.Tests.Support;

/// <summary>What one in-process run of <see cref="ReleaseBuild"/> returned and printed.</summary>
public sealed record BuildRun(int ExitCode, string Output)
{
    /// <summary>Runs the build in <paramref name="root"/> with its own environment and clock (null: the system's).</summary>
    /// <remarks>A long-running target (ChatOps) stops when <paramref name="stop"/> is cancelled; <paramref name="output"/>
    /// lets a test read what it printed while it runs.</remarks>
    public static Task<BuildRun> RunAsync(string root, IReadOnlyDictionary<string, string> environment, TimeProvider? clock, IReadOnlyList<string> args,
        CancellationToken stop = default, StringWriter? output = null) =>
        RunAsync<ReleaseBuild>(root, environment, clock, args, stop, output);

    /// <summary>Runs another build class in the same way (e.g. a stage the release build does not mix in).</summary>
    public static async Task<BuildRun> RunAsync<T>(string root, IReadOnlyDictionary<string, string> environment, TimeProvider? clock, IReadOnlyList<string> args,
        CancellationToken stop = default, StringWriter? output = null) where T : Release.Engine.Build, new()
    {
        var writer = output ?? new StringWriter();
        var options = new BuildHostOptions
        {
            RootDirectory = root, Environment = environment, Output = TextWriter.Synchronized(writer), Interactive = false, WriteSchema = false, Clock = clock ?? TimeProvider.System,
        };
        var code = await BuildHost.RunAsync<T>(args, null, options, stop);
        return new BuildRun(code, writer.ToString());
    }

    /// <summary>Fails the test with the output unless the run succeeded.</summary>
    public BuildRun Succeeded()
    {
        Assert.That(ExitCode, Is.EqualTo(0), Output);
        return this;
    }

    /// <summary>Fails the test unless the run failed with a non-zero exit and printed every expected text.</summary>
    public BuildRun Refused(params string[] expected)
    {
        Assert.That(ExitCode, Is.Not.EqualTo(0), Output);
        foreach (var text in expected) Assert.That(Output, Does.Contain(text), Output);
        return this;
    }
}
