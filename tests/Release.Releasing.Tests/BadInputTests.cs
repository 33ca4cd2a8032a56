using Release.Releasing.Tests.Support;
using Release.Testing.Registry;

namespace Release.Releasing.Tests;

/// <summary>Bad input to the release targets exits 2 naming the parameter and the fix, without .NET exception names.</summary>
[NonParallelizable]
public class BadInputTests : RegistryTestBase
{
    private static readonly string[][] Cases =
    [
        ["Vote", "--release", "0.1.0", "--role", "sre", "--decision", "maybe", "--voter", "sre@example.com", "=--decision"],
        ["Vote", "--release", "0.1.0", "--role", "9lives", "--decision", "go", "--voter", "sre@example.com", "=--role '9lives'"],
        ["Vote", "--release", "0.1.0", "--role", "sre", "--decision", "go", "--environment", "moon", "--voter", "sre@example.com", "=--environment"],
        ["GateStatus", "--release", "", "=--release has the value ''"],
        ["GateStatus", "--release", "one.two", "=--release has the value 'one.two'"],
        ["Attest", "--release", "0.1.0", "--item", "dr-plan-drafted", "--text", " ", "--voter", "sre@example.com", "=--text"],
        ["Rollback", "--environment", "production", "--to", "x.y", "--voter", "sre@example.com", "=--to 'x.y'"],
        ["Version", "--release-type", "huge", "=--release-type"],
        ["GateStatus", "--release", "0.1.0", "--signing-key", "/nonexistent/key", "=--signing-key"],
    ];

    [Test]
    public async Task Each_bad_input_exits_2_naming_the_parameter()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        await world.OpenAsync();
        foreach (var bad in Cases)
        {
            var args = bad[..^1];
            var run = await world.RunAsync(args.Contains("--signing-key") ? new WorldRun(Signing: []) : new WorldRun(), args);
            Assert.That(run.ExitCode, Is.EqualTo(2), $"{string.Join(' ', args)}\n{run.Output}");
            Assert.That(run.Output, Does.Contain(bad[^1][1..]), string.Join(' ', args));
            Assert.That(run.Output, Does.Not.Match(@"\w+Exception\b"), string.Join(' ', args));
        }
    }

    [Test]
    public async Task A_production_gate_without_roster_keys_is_a_configuration_error_naming_the_fix()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        var unsigned = new WorldRun(Signing: []);
        var missing = await world.RunAsync(unsigned, "Clone", "Version", "OpenRelease", "--voter", "release.manager@example.com");
        Assert.That(missing.ExitCode, Is.EqualTo(2), missing.Output);
        Assert.That(missing.Output, Does.Contain("build/release-roster is missing").And.Contain("'ROLE WHO PUBLIC-KEY'"));

        Directory.CreateDirectory(Path.GetDirectoryName(world.Roster.File)!);
        await File.WriteAllTextAsync(world.Roster.File, "# nobody yet\n");
        var empty = await world.RunAsync(unsigned, "Clone", "Version", "OpenRelease", "--voter", "release.manager@example.com");
        Assert.That(empty.ExitCode, Is.EqualTo(2), empty.Output);
        Assert.That(empty.Output, Does.Contain("Gate 'production' guards an environment that accepts only blessed releases, but its roster names no keys")
            .And.Contain("WithRoster(RosterFile.Read("));
        Assert.That(await world.RecordCommitsAsync().ContinueWith(t => t.IsFaulted ? 0 : t.Result), Is.EqualTo(0), "nothing was recorded");
    }
}
