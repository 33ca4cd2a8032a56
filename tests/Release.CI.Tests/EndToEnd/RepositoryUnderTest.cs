using Release.Testing;
using Release.Testing.Git;
using Release.Testing.Registry;
using Release.Testing.Signing;

namespace Release.CI.Tests.EndToEnd;

/// <summary>
/// This repository as a GitLab project would hold it: its tracked files as they are on disk (so what is tested is the
/// working tree, uncommitted edits included) committed on <c>main</c> in a temp repository with the <c>origin</c>
/// remote and <c>refs/remotes/origin/HEAD</c> gitlab-ci-local expects; beside it the team's services, as the file
/// header asks for them: the module's repository (a bare copy of the commit), the release records and GitOps
/// repositories, and a registry that outlives the jobs (the project's container registry). The team's SSH keys are made
/// with ssh-keygen outside the checkout (<see cref="Team"/>); only their public halves are committed, in the roster.
/// </summary>
public sealed class RepositoryUnderTest : IAsyncDisposable
{
    /// <summary>The developer whose change is released (who may therefore not vote Go on it).</summary>
    public static readonly GitAuthor Developer = new("Dev One", "dev@example.com");

    /// <summary>Two small test projects, one per Test partition: the pipeline's own test jobs stay cheap.</summary>
    public const string TestProjects = "Release.Helm.Tests,Release.SemVer.Tests";

    private RepositoryUnderTest(TempGitRepository checkout, TeamRoster team, TempBareRemote source, TempBareRemote records, TempBareRemote gitops, RegistryFixture registry)
    {
        Team = team;
        Checkout = checkout;
        Source = source;
        Records = records;
        Gitops = gitops;
        Registry = registry;
    }

    /// <summary>The project's checkout, where gitlab-ci-local runs.</summary>
    public TempGitRepository Checkout { get; }

    /// <summary>The team's keys and its roster, committed as the checkout's <c>build/release-roster</c>.</summary>
    public TeamRoster Team { get; }

    /// <summary>
    /// The production job's key, the team's SIGNING_KEY: a File-type variable on GitLab, so the job sees a path (the key
    /// itself is in no log and no committed file).
    /// </summary>
    public string JobKey => Team.KeyOf(TeamRoster.Job);

    /// <summary>What protected branches' jobs get on GitLab: <see cref="Variables"/> and the protected secret SIGNING_KEY.</summary>
    public Dictionary<string, string> ProtectedVariables => new(Variables) { ["SIGNING_KEY"] = JobKey };

    /// <summary>SOURCE_REPOSITORY: the module's repository (this commit).</summary>
    public TempBareRemote Source { get; }

    /// <summary>RELEASE_RECORDS.</summary>
    public TempBareRemote Records { get; }

    /// <summary>GITOPS_REPOSITORY.</summary>
    public TempBareRemote Gitops { get; }

    /// <summary>REGISTRY: a registry that outlives the jobs, as GitLab's project registry does.</summary>
    public RegistryFixture Registry { get; }

    /// <summary>The team's CI/CD variables (the file header's list), plus the test-project selection.</summary>
    public Dictionary<string, string> Variables => new()
    {
        ["REGISTRY"] = Registry.Address,
        ["RELEASE_RECORDS"] = Records.Path,
        ["GITOPS_REPOSITORY"] = Gitops.Path,
        ["SOURCE_REPOSITORY"] = Source.Path,
        ["TEST_PROJECTS"] = TestProjects,
    };

    /// <summary>The files a job left as artifacts (gitlab-ci-local keeps them under its state folder).</summary>
    public string ArtifactsOf(string job) => Path.Combine(Checkout.Path, ".gitlab-ci-local", "artifacts", job);

    /// <summary>Copies the repository's tracked files into a new checkout and commits them on <paramref name="branch"/>.</summary>
    public static async Task<RepositoryUnderTest> CreateAsync(string branch = "main", CancellationToken ct = default)
    {
        var root = RepositoryRoot.Path;
        var checkout = await TempGitRepository.CreateAsync(branch, ct);
        var tracked = (await GitCli.RunAsync(root, ["ls-files", "-z"], ct: ct)).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in tracked.Select(f => Path.Combine(root, f)).Where(File.Exists))
        {
            var target = Path.Combine(checkout.Path, Path.GetRelativePath(root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
        // The team's OSV mirror, refreshed an hour ago (UpdateAdvisories): the committed copy is years old, and the quality
        // gate releases on stale advisory data to Alpha only, which production does not take.
        var advisory = Path.Combine(checkout.Path, ".nuke", "advisories", "GHSA-5crp-9r3c-p9vr.json");
        File.WriteAllText(advisory, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(advisory), "\"modified\": \"[^\"]*\"",
            $"\"modified\": \"{DateTimeOffset.UtcNow.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}\""));
        await checkout.CommitAsync("feat: the release under test", Developer, ReleaseDesk.CommitTime, ct: ct);
        // The team lists its members' and the production job's public keys on the roster and commits it, reviewed like
        // the build definition (this repository's own roster names no keys, so production would refuse to run).
        var team = new TeamRoster(Path.Combine(checkout.Path, "build", "release-roster"));
        foreach (var (role, who) in ReleaseDesk.Team) team.KeyOf(who, role);
        team.KeyOf(TeamRoster.Job);
        await checkout.CommitAsync("build: the team's release roster (voters, release manager, production job)", Developer, ReleaseDesk.CommitTime, ct: ct);
        // gitlab-ci-local takes GITLAB_USER_EMAIL from the checkout's git user: the person who starts the jobs.
        await checkout.GitAsync(["config", "user.email", ReleaseDesk.ReleaseManager], ct);
        await checkout.GitAsync(["remote", "add", "origin", "https://gitlab.example.com/release/release.git"], ct);
        await checkout.GitAsync(["update-ref", $"refs/remotes/origin/{branch}", "HEAD"], ct);
        await checkout.GitAsync(["symbolic-ref", "refs/remotes/origin/HEAD", $"refs/remotes/origin/{branch}"], ct);

        var source = await TempBareRemote.CreateAsync(branch, ct);
        await checkout.GitAsync(["push", "-q", source.Path, $"HEAD:refs/heads/{branch}"], ct);
        // The GitOps repository already has the branch Flux watches; the records repository starts empty.
        return new RepositoryUnderTest(checkout, team, source, await TempBareRemote.CreateAsync("main", ct), await TempBareRemote.CreateWithCommitsAsync(1, "main", ct),
            await RegistryFixture.StartAsync(ct));
    }

    /// <summary>Commits a change to the checkout (the module's repository follows), as a developer's next push would.</summary>
    public async Task CommitAsync(string file, string content, string message, CancellationToken ct = default)
    {
        Checkout.WriteFile(file, content);
        await Checkout.CommitAsync(message, Developer, ReleaseDesk.CommitTime, ct: ct);
        await Checkout.GitAsync(["push", "-q", "-f", Source.Path, "HEAD:refs/heads/" + await Checkout.GitAsync(["branch", "--show-current"], ct)], ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Registry.DisposeAsync();
        Gitops.Dispose();
        Records.Dispose();
        Source.Dispose();
        Checkout.Dispose();
        Team.Dispose();
    }

}
