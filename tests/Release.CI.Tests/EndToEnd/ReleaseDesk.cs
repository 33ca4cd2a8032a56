extern alias RepositoryBuild;

using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Release.Engine.Hosting;
using Release.Testing.Clocks;
using Release.Testing.Voting;

namespace Release.CI.Tests.EndToEnd;

/// <summary>
/// The desks of the release manager, the voters and the checklist owners: this repository's build (build/*.cs, as the
/// RepositoryBuild project compiles it) run in the project's checkout with the team's variables, for the commands
/// docs/release-process.md has people run by hand between the main pipeline and the production job (OpenRelease,
/// Promote to staging and pre-prod, Vote, Attest, VerifyEvidence). One thing differs from <c>./build.sh</c>: the
/// release process's clock is the last voting window before today, since production refuses votes outside 16:00-17:00
/// India Standard Time on weekdays and a test runs whenever it runs. Each command moves the clock 20 seconds on.
/// </summary>
internal sealed class ReleaseDesk(RepositoryUnderTest repository)
{
    /// <summary>Who opens the release and starts the production job (the checkout's git user, GitLab's GITLAB_USER_EMAIL).</summary>
    public const string ReleaseManager = "release.manager@example.com";

    /// <summary>
    /// The team on the roster (<c>ROLE WHO</c>): the four voters in their roles (<see cref="SeedApprovals.Voters"/>), each
    /// also owning the checklist items of that role, and the release manager with no role (opens and promotes).
    /// </summary>
    public static readonly IReadOnlyList<(string Role, string Who)> Team =
    [
        .. SeedApprovals.Voters.Select(v => (SeedApprovals.RosterRoleOf(v.Role), v.Voter)), ("-", ReleaseManager),
    ];

    private DateTimeOffset _now = ProductionVotingWindow.LastOpeningBefore(DateTimeOffset.UtcNow);

    /// <summary>Runs <paramref name="args"/> (targets and their parameters) at the desk; the exit code and the build's output.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        _now = _now.AddSeconds(20);
        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => ((string)e.Key, (string?)e.Value ?? ""))
            // A runner executing this test has CI variables naming another pipeline, branch or person.
            .Where(e => !e.Item1.StartsWith("CI_", StringComparison.Ordinal) && !e.Item1.StartsWith("GITLAB_", StringComparison.Ordinal))
            .ToDictionary(e => e.Item1, e => e.Item2);
        foreach (var (name, value) in repository.Variables) environment[name] = value;
        var output = new StringWriter();
        var options = new BuildHostOptions
        {
            RootDirectory = repository.Checkout.Path, Environment = environment, Output = TextWriter.Synchronized(output), Interactive = false, WriteSchema = false,
            Clock = new FakeTimeProvider(_now.ToUniversalTime()),
        };
        var exitCode = await BuildHost.RunAsync<RepositoryBuild::Release.Build.Build>(args, null, options, CancellationToken.None);
        await TestContext.Out.WriteLineAsync($"===== desk: {string.Join(' ', args)} (clock {_now:O}) -> exit {exitCode}\n{output}");
        return (exitCode, output.ToString());
    }

    /// <summary>Runs <paramref name="args"/> and fails the test with the output unless the build succeeded.</summary>
    public async Task<string> SucceedAsync(params string[] args)
    {
        var (exitCode, output) = await RunAsync(args);
        Assert.That(exitCode, Is.EqualTo(0), $"./build.sh {string.Join(' ', args)}\n{output}");
        return output;
    }

    /// <summary>
    /// Four people, none an author of the release nor its trigger, vote Go on the production gate in their roles, and the
    /// checklist owners attest the attestation items (QA's pre-prod suite once the release is there), as
    /// docs/release-process.md says, each signing with their own key (<c>--signing-key</c>). The one place votes are cast.
    /// </summary>
    public async Task CastVotesAndAttestationsAsync(string version)
    {
        foreach (var (role, voter) in SeedApprovals.Voters)
            await SucceedAsync("Vote", "--release", version, "--role", role, "--decision", "go", "--reason", "ready", "--voter", voter, "--signing-key", KeyOf(voter));
        // The release notes are the pipeline's evidence (the production job runs ReleaseNotes); everything else attestable is attested.
        foreach (var (item, role) in SeedApprovals.Attested.Where(a => a.Item != SeedApprovals.ReleaseNotesReady))
            await SucceedAsync("Attest", "--release", version, "--item", item, "--role", role, "--text", $"done: https://wiki.example.com/{item}",
                "--voter", SeedApprovals.VoterOf(role), "--signing-key", KeyOf(SeedApprovals.VoterOf(role)));
    }

    /// <summary>The private key file of <paramref name="who"/>, a member of <see cref="Team"/> (their own, as on their laptop).</summary>
    public string KeyOf(string who) => Team.Any(m => m.Who == who)
        ? repository.Team.KeyOf(who)
        : throw new ArgumentException($"{who} is not on the team's roster", nameof(who));

    /// <summary>The instant commits of the release should carry: a day before the voting window its votes are cast in.</summary>
    public static DateTimeOffset CommitTime => ProductionVotingWindow.LastOpeningBefore(DateTimeOffset.UtcNow).AddDays(-1);
}
