using Microsoft.Extensions.Time.Testing;
using System.Security.Cryptography;
using System.Text;
using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Oci;
using Release.Releasing.Tests.Support;
using Release.Testing;
using Release.Testing.Git;
using Release.Testing.Registry;
using Release.Testing.Signing;
using Release.Testing.Voting;

namespace Release.Releasing.Tests.Sets;

/// <summary>
/// The world of an application released as a set: a build root declaring <c>shop</c> (<see cref="SetReleaseBuild"/>),
/// the modules' real git repository (Alice's commits; each module's Clone record points at it), a real bare records
/// repository, the team's roster with real SSH keys, and a clock on a Wednesday at 16:01 IST (inside the seed voting
/// window) moving 20 seconds per run. <see cref="PushedAsync"/> leaves what Clone, Push and Chart leave for a module;
/// a world made with a registry (<see cref="CreateAsync{TBuild}"/>) pushes each module's image and chart there for real,
/// so promotions copy them by digest.
/// </summary>
public sealed class SetWorld : IDisposable
{
    public static readonly GitAuthor Alice = new("Alice Author", "alice@example.com");
    private readonly TempDirectory _root = new("set-root");
    private readonly string _salt = Guid.NewGuid().ToString("N");
    private DateTimeOffset _now = new(2026, 11, 25, 10, 31, 0, TimeSpan.Zero);
    private RegistryFixture? _registry;
    private Func<string, IReadOnlyDictionary<string, string>, TimeProvider, IReadOnlyList<string>, Task<BuildRun>> _run =
        (root, environment, clock, args) => BuildRun.RunAsync<SetReleaseBuild>(root, environment, clock, args);

    private SetWorld(TempGitRepository source, TempBareRemote records, TempBareRemote environments)
    {
        Source = source;
        Records = records;
        Environments = environments;
        Roster = new TeamRoster(_root.Combine("build", "release-roster"));
        foreach (var module in new[] { "api", "web" }) _root.WriteFile($"modules/{module}/Dockerfile", "FROM scratch\n");
        Directory.CreateDirectory(_root.Combine(".nuke"));
    }

    /// <summary>The modules' repository (both modules' Clone records point at it).</summary>
    public TempGitRepository Source { get; }

    /// <summary>The release records repository.</summary>
    public TempBareRemote Records { get; }

    /// <summary>The GitOps repository of every environment.</summary>
    public TempBareRemote Environments { get; }

    /// <summary>The team's keys and build/release-roster.</summary>
    public TeamRoster Roster { get; }

    public string Root => _root.Path;

    /// <summary>Variables of every run's environment (e.g. a repository the build class reads).</summary>
    public Dictionary<string, string> Variables { get; } = new();

    /// <summary>A world whose runs use <typeparamref name="TBuild"/> and whose modules are pushed to <paramref name="registry"/>.</summary>
    public static async Task<SetWorld> CreateAsync<TBuild>(RegistryFixture registry) where TBuild : global::Release.Engine.Build, new()
    {
        var world = await CreateAsync();
        world._registry = registry;
        world._run = (root, environment, clock, args) => BuildRun.RunAsync<TBuild>(root, environment, clock, args);
        return world;
    }

    public static async Task<SetWorld> CreateAsync()
    {
        var source = await TempGitRepository.CreateAsync();
        source.WriteFile("modules/api/app.txt", "v1\n");
        await source.CommitAsync("feat: first version #1", Alice);
        return new SetWorld(source, await TempBareRemote.CreateAsync(), await TempBareRemote.CreateWithCommitsAsync(1));
    }

    /// <summary>Runs targets with the world's repositories and clock; the voter's (else the job's) key signs.</summary>
    public Task<BuildRun> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Runs targets with the given signing arguments instead of the voter's key.</summary>
    public Task<BuildRun> RunAsync(IReadOnlyList<string>? signing, params string[] args)
    {
        _now = _now.AddSeconds(20);
        return _run(Root, Variables, new FakeTimeProvider(_now),
            [.. args, .. signing ?? Roster.SigningArguments(args), "--release-records", Records.Path, "--gitops-repository", Environments.Path,
                "--triggered-by", "release.manager@example.com"]);
    }

    /// <summary>
    /// Leaves what Clone, Push and Chart leave for <paramref name="module"/> at <paramref name="version"/>: its Clone
    /// record (the source's HEAD on main), the pushed image's and the chart's digests (of <paramref name="content"/>).
    /// </summary>
    public async Task<(string Image, string Chart)> PushedAsync(string module, string version, string content)
    {
        var ct = CancellationToken.None;
        var paths = new PipelinePaths(new AbsolutePath(Root), module);
        var head = await Source.HeadAsync();
        await StageRecord.WriteAsync(paths.SourceRecord, new SourceRecord(Source.Path, Source.Path, head, head[..7], "main", [], Alice.Name, Alice.Email,
            _now, version, version), ct);
        await StageRecord.WriteAsync(paths.UnitTestSummary, new UnitTestSummary(40, 0, 0, 85.0, 70.0), ct);
        var image = "sha256:" + Sha($"image {module} {content}");
        var chart = "sha256:" + Sha($"chart {module} {content}");
        var package = "sha256:" + Sha($"package {module} {content}");
        var registry = "registry.example";
        if (_registry is not null)
        {
            using var client = _registry.CreateClient();
            registry = _registry.Address;
            image = (await SampleImage.Create("app.txt", $"{module} {content} {_salt}").PushAsync(client, $"apps/{module}", version)).ToString();
            (chart, package) = await SampleChart.PushAsync(client, $"charts/{module}", version, $"{module} {content} {_salt}");
        }
        await StageRecord.WriteAsync(paths.PushRecord, new PushRecord(registry, $"apps/{module}", version, image), ct);
        await StageRecord.WriteAsync(paths.ChartRecord, new ChartRecord(module, version, version, $"{module}-{version}.tgz", package,
            new OciReference(registry, $"charts/{module}", version, chart), $"{module}-{version}", new OciReference(registry, $"apps/{module}", digest: image)), ct);
        return (image, chart);
    }

    /// <summary>
    /// Both modules' first releases pushed (<see cref="PushedAsync"/>): api 1.0.0 and web 2.0.0, what most Sets tests start from.
    /// </summary>
    public async Task<((string Image, string Chart) Api, (string Image, string Chart) Web)> BothModulesPushedAsync()
    {
        var api = await PushedAsync("api", "1.0.0", "api one");
        var web = await PushedAsync("web", "2.0.0", "web one");
        return (api, web);
    }

    /// <summary>Four people vote Go on the set in the seed's four roles, and the attestable checklist items are attested.</summary>
    public async Task VoteAndAttestAsync(string version, string? skipVoteOf = null)
    {
        foreach (var (role, voter) in SeedApprovals.Voters.Where(v => v.Role != skipVoteOf))
            (await RunAsync("VoteSet", "--set", version, "--role", role, "--decision", "go", "--reason", "ready", "--voter", voter)).Succeeded();
        foreach (var (item, role) in SeedApprovals.Attested)
            (await RunAsync("AttestSet", "--set", version, "--item", item, "--text", $"done: https://wiki.example.com/{item}", "--voter",
                SeedApprovals.VoterOf(role), "--role", role)).Succeeded();
    }

    /// <summary>
    /// Records, signed with the CI job's roster key and chained, that the set reached <paramref name="environment"/>: what a
    /// promotion records (the QA suite's attestation waits for pre-prod), for tests of the approvals alone.
    /// </summary>
    public Task RecordPromotionAsync(string releaseId, string setDigest, string environment) =>
        RecordsTampering.CommitSignedEventAsync(Records, releaseId, _ => new Release.Process.Approvals.ReleasePromoted(_now.AddSeconds(1), environment, setDigest, TeamRoster.Job),
            Roster.KeyOf(TeamRoster.Job));

    /// <summary>Removes a module's Push record: the next pipeline did not build it.</summary>
    public void NotBuilt(string module) => File.Delete(new PipelinePaths(new AbsolutePath(Root), module).PushRecord);

    /// <summary>The release record as committed in the records repository.</summary>
    public Task<string> RecordAsync(string releaseId) => GitCli.RunAsync(Records.Path, ["show", $"main:releases/{releaseId}.json"]);

    /// <summary>The manifest OpenSet left in artifacts/application/sets/.</summary>
    public string ManifestFile(string version) => File.ReadAllText(_root.Combine("artifacts", "application", "sets", $"{version}.manifest"));

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public void Dispose()
    {
        Source.Dispose();
        Records.Dispose();
        Environments.Dispose();
        Roster.Dispose();
        _root.Dispose();
    }
}
