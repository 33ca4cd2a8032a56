using Microsoft.Extensions.Time.Testing;
using Release.Engine.Hosting;
using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Hosting;

/// <summary>The run's clock and per-run services: the host's own by default, what the options give when they give one.</summary>
public class BuildServicesTests
{
    /// <summary>A per-run service a target asks for; it counts its disposals, so the test sees who owns it.</summary>
    public sealed class Counter : IDisposable
    {
        public string Origin { get; init; } = "created by the run";
        public int Disposals { get; private set; }
        public void Dispose() => Disposals++;
    }

    private class Stamping : Build
    {
        Target Stamp => _ => _.Executes(() =>
        {
            Log.Information("now " + Context.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            Log.Information("service " + Context.GetOrAddService(() => new Counter()).Origin);
        });
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(BuildHostOptions options)
    {
        using var root = new TempRoot();
        var writer = new StringWriter();
        var exit = await BuildHost.RunAsync<Stamping>(["Stamp"], null,
            options with { RootDirectory = root.Path, Environment = new Dictionary<string, string>(), Output = TextWriter.Synchronized(writer), Interactive = false });
        return (exit, writer.ToString());
    }

    [Test]
    public async Task Targets_read_the_clock_and_services_the_host_was_given_and_the_run_leaves_given_services_undisposed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var given = new Counter { Origin = "given by the test" };
        var (exit, output) = await RunAsync(new BuildHostOptions { Clock = clock }.WithService(given));
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("now 2026-03-04T05:06:07.0000000+00:00").And.Contain("service given by the test"));
        Assert.That(given.Disposals, Is.EqualTo(0), "a given service belongs to whoever gave it");
    }

    [Test]
    public async Task Without_them_targets_get_the_system_clock_and_a_service_the_run_creates()
    {
        var before = DateTimeOffset.UtcNow;
        var (exit, output) = await RunAsync(new BuildHostOptions());
        Assert.That(exit, Is.EqualTo(0), output);
        var stamped = DateTimeOffset.Parse(output.Split("now ")[1].Split('\n')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(stamped, Is.InRange(before, DateTimeOffset.UtcNow));
        Assert.That(output, Does.Contain("service created by the run"));
    }
}
