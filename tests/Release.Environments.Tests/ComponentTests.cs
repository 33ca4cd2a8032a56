using System.Text.Json;
using Release.Engine;
using Release.Engine.Hosting;
using Release.Testing;
using Release.Testing.Git;

using Release.Environments.Tests.Support;

namespace Release.Environments.Tests;

/// <summary>RenderEnvironments, CheckEnvironments and Drift run in-process as a build runs them, against a real git remote.</summary>
public partial class ComponentTests
{
    private SampleBuildFolder _folder = null!;
    private TempDirectory _root = null!;
    private TempBareRemote _remote = null!;

    [SetUp]
    public async Task Create()
    {
        _folder = await SampleBuildFolder.CreateAsync("release-environments-build");
        (_root, _remote) = (_folder.Root, _folder.Remote);
    }

    [TearDown]
    public void Delete() => _folder.Dispose();

    private async Task<(int Exit, string Output)> RunAsync<T>(params string[] args) where T : Build, new()
    {
        var output = new StringWriter();
        var exit = await BuildHost.RunAsync<T>([.. args, "--environments-repository", _remote.FileUrl], null, new BuildHostOptions
        {
            RootDirectory = _root.Path, Environment = new Dictionary<string, string>(), Output = TextWriter.Synchronized(output), Interactive = false, WriteSchema = false,
        });
        return (exit, output.ToString());
    }

    private async Task HandEditAsync(string path, string from, string to)
    {
        var clone = await _remote.CloneAsync();
        var file = Path.Combine(clone.Path, path);
        var text = File.ReadAllText(file);
        Assert.That(text, Does.Contain(from), "the hand edit must change something");
        File.WriteAllText(file, text.Replace(from, to));
        await clone.GitAsync(["-c", "user.name=Carol", "-c", "user.email=carol@example.com", "commit", "-qam", "hand edit"]);
        await clone.GitAsync(["push", "-q", "origin", "main"]);
    }

    [Test]
    public async Task RenderEnvironments_commits_every_environment_and_CheckEnvironments_then_passes()
    {
        var (render, renderOutput) = await RunAsync<SampleEnvironmentsBuild>("RenderEnvironments");
        var (check, checkOutput) = await RunAsync<SampleEnvironmentsBuild>("CheckEnvironments");
        var (again, againOutput) = await RunAsync<SampleEnvironmentsBuild>("RenderEnvironments");

        Assert.That(render, Is.EqualTo(BuildHost.Success), renderOutput);
        var clone = await _remote.CloneAsync();
        Assert.That(File.ReadAllText(Path.Combine(clone.Path, "environments/staging/gateway/helmrelease.yaml")), Does.Contain("dependsOn:"));
        Assert.That(File.ReadAllText(Path.Combine(clone.Path, "environments/friendly-user/config/director.yaml")), Does.Contain("friendly-users: \"true\""));
        Assert.That(File.Exists(Path.Combine(clone.Path, "clusters/eu-prod/production.yaml")));
        Assert.That(await clone.GitAsync(["log", "-1", "--format=%s"]), Does.StartWith("config: render friendly-user, pre-prod, production, staging from the configuration source"));
        Assert.That(check, Is.EqualTo(BuildHost.Success), checkOutput);
        Assert.That(checkOutput, Does.Contain("4 environment(s) are what the configuration source renders"));
        Assert.That(again, Is.EqualTo(BuildHost.Success), againOutput);
        Assert.That(againOutput, Does.Contain("already holds what the configuration source renders"));
        Assert.That(Directory.Exists(Path.Combine(_root.Path, ".nuke/temp/environments")) ? Directory.GetFileSystemEntries(Path.Combine(_root.Path, ".nuke/temp/environments")) : [], Is.Empty, "clones are removed");
    }

    [Test]
    public async Task CheckEnvironments_catches_a_hand_edit_naming_environment_file_field_and_the_repair()
    {
        await RunAsync<SampleEnvironmentsBuild>("RenderEnvironments");
        await HandEditAsync("environments/production/config/gateway.yaml", "LOG_LEVEL: info", "LOG_LEVEL: trace");

        var (exit, output) = await RunAsync<SampleEnvironmentsBuild>("CheckEnvironments");

        Assert.That(exit, Is.Not.EqualTo(BuildHost.Success));
        Assert.That(output, Does.Contain("production: environments/production/config/gateway.yaml data.LOG_LEVEL: expected 'info', found 'trace'"));
        Assert.That(output, Does.Contain("1 difference(s) from the configuration source in production. Run ./build.sh RenderEnvironments --environments-repository"));
    }

    [Test]
    public async Task CheckEnvironments_names_a_hand_made_file_and_RenderEnvironments_repairs_it()
    {
        await RunAsync<SampleEnvironmentsBuild>("RenderEnvironments");
        var clone = await _remote.CloneAsync();
        clone.WriteFile("environments/staging/extra.yaml", "kind: ConfigMap\n");
        await clone.GitAsync(["add", "-A"]);
        await clone.GitAsync(["-c", "user.name=Carol", "-c", "user.email=carol@example.com", "commit", "-qm", "hand-made file"]);
        await clone.GitAsync(["push", "-q", "origin", "main"]);

        var (check, checkOutput) = await RunAsync<SampleEnvironmentsBuild>("CheckEnvironments");
        var (render, renderOutput) = await RunAsync<SampleEnvironmentsBuild>("RenderEnvironments");
        var (after, afterOutput) = await RunAsync<SampleEnvironmentsBuild>("CheckEnvironments");

        Assert.That(check, Is.Not.EqualTo(BuildHost.Success));
        Assert.That(checkOutput, Does.Contain("staging: environments/staging/extra.yaml is not rendered by the configuration source"));
        Assert.That(render, Is.EqualTo(BuildHost.Success), renderOutput);
        Assert.That(after, Is.EqualTo(BuildHost.Success), afterOutput);
    }

    [Test]
    public async Task A_deployers_chart_pin_is_kept_by_rendering_and_not_reported()
    {
        await RunAsync<SampleEnvironmentsBuild>("RenderEnvironments");
        await HandEditAsync("environments/staging/ledger/ocirepository.yaml", "semver: '>=0.0.0-0'", "digest: sha256:" + new string('a', 64));

        var (check, output) = await RunAsync<SampleEnvironmentsBuild>("CheckEnvironments");

        Assert.That(check, Is.EqualTo(BuildHost.Success), output);
    }

    [Test]
    public async Task Bad_configuration_exits_2_and_leaves_the_environment_repository_untouched()
    {
        var before = await _remote.ResolveAsync("main");

        var (exit, output) = await RunAsync<SecretLiteralBuild>("RenderEnvironments");

        Assert.That(exit, Is.EqualTo(BuildHost.BadInput), output);
        Assert.That(output, Does.Contain("key 'LEDGER_TOKEN' in the overlay of 'gateway' in 'qa' is a secret in the base"));
        Assert.That(output, Does.Contain("Builds.cs:"));
        Assert.That(output, Does.Not.Contain("literal-token-value"));
        Assert.That(await _remote.ResolveAsync("main"), Is.EqualTo(before), "nothing committed");
        Assert.That(Directory.Exists(Path.Combine(_root.Path, ".nuke/temp/environments")), Is.False, "nothing cloned, nothing half-written");
    }

    [Test]
    public async Task Drift_reports_nothing_on_a_clean_repository_and_each_hand_edit_as_a_finding_with_its_repair()
    {
        await RunAsync<SampleEnvironmentsBuild>("RenderEnvironments");
        var (clean, cleanOutput) = await RunAsync<SampleEnvironmentsBuild>("Drift");
        var report = Path.Combine(_root.Path, "artifacts/drift/drift.json");
        var cleanJson = JsonDocument.Parse(File.ReadAllText(report)).RootElement;

        await HandEditAsync("environments/pre-prod/config/ledger.yaml", "RETENTION_DAYS: \"7\"", "RETENTION_DAYS: \"1\"");
        await HandEditAsync("environments/staging/gateway/helmrelease.yaml", "retries: 3", "retries: 9");
        var (drift, driftOutput) = await RunAsync<SampleEnvironmentsBuild>("Drift");
        var json = JsonDocument.Parse(File.ReadAllText(report)).RootElement;

        Assert.That(clean, Is.EqualTo(BuildHost.Success), cleanOutput);
        Assert.That(cleanJson.GetProperty("clean").GetBoolean(), Is.True);
        Assert.That(cleanJson.GetProperty("environments").GetArrayLength(), Is.EqualTo(4), "a clean report must say what it checked");
        Assert.That(drift, Is.Not.EqualTo(BuildHost.Success));
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        Assert.That(findings.Select(f => $"{f.GetProperty("environment").GetString()} {f.GetProperty("module").GetString()} {f.GetProperty("field").GetString()} {f.GetProperty("expected").GetString()} -> {f.GetProperty("found").GetString()}"),
            Is.EqualTo(new[]
            {
                "pre-prod ledger environments/pre-prod/config/ledger.yaml data.RETENTION_DAYS 7 -> 1",
                "staging gateway environments/staging/gateway/helmrelease.yaml line 16 retries: 3 -> retries: 9",
            }));
        Assert.That(findings[0].GetProperty("repair").GetString(), Does.StartWith("./build.sh RenderEnvironments --environments-repository"));
        Assert.That(driftOutput, Does.Contain("kind          | environment | module  | field"));
        Assert.That(driftOutput, Does.Contain("Drift: 2 finding(s) in pre-prod, staging"));
    }

    [Test]
    public async Task Drift_finds_group_members_differing_beyond_their_overlays_and_accepts_what_the_overlays_declare()
    {
        await RunAsync<ProductionGroupBuild>("RenderEnvironments");
        var (clean, cleanOutput) = await RunAsync<ProductionGroupBuild>("Drift");

        await HandEditAsync("environments/production-us/config/ledger.yaml", "RETENTION_DAYS: \"30\"", "RETENTION_DAYS: \"1\"");
        var (drift, output) = await RunAsync<ProductionGroupBuild>("Drift");
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root.Path, "artifacts/drift/drift.json"))).RootElement;

        Assert.That(clean, Is.EqualTo(BuildHost.Success), "production-us differs from production only by its TIMEOUT_SECONDS overlay\n" + cleanOutput);
        Assert.That(drift, Is.Not.EqualTo(BuildHost.Success));
        Assert.That(json.GetProperty("kindsChecked").EnumerateArray().Select(k => k.GetString()), Is.EqualTo(new[] { "configuration", "group" }));
        var group = json.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == "group").ToList();
        Assert.That(group.Select(f => $"{f.GetProperty("environment").GetString()} {f.GetProperty("module").GetString()} {f.GetProperty("field").GetString()}: {f.GetProperty("expected").GetString()} -> {f.GetProperty("found").GetString()}"),
            Is.EqualTo(new[] { "production-us ledger environments/production-us/config/ledger.yaml data.RETENTION_DAYS: 30 (as in production, group production) -> 1" }));
        Assert.That(output, Does.Contain("group         | production-us"));
    }

    [Test]
    public async Task A_secret_committed_by_hand_is_reported_without_its_value()
    {
        await RunAsync<SampleEnvironmentsBuild>("RenderEnvironments");
        await HandEditAsync("environments/production/config/gateway.yaml", "  LOG_LEVEL: info", "  LOG_LEVEL: info\n  DB_PASSWORD: hunter2-by-hand");

        var (check, checkOutput) = await RunAsync<SampleEnvironmentsBuild>("CheckEnvironments");
        var (drift, driftOutput) = await RunAsync<SampleEnvironmentsBuild>("Drift");
        var json = File.ReadAllText(Path.Combine(_root.Path, "artifacts/drift/drift.json"));

        Assert.That(check, Is.Not.EqualTo(BuildHost.Success));
        Assert.That(drift, Is.Not.EqualTo(BuildHost.Success));
        Assert.That(checkOutput, Does.Contain("production: environments/production/config/gateway.yaml data.DB_PASSWORD: expected '(absent)', found '(looks like a secret; not shown)'"));
        Assert.That(checkOutput + driftOutput + json, Does.Not.Contain("hunter2-by-hand"));
    }
}
