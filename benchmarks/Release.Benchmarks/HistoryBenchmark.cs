using System.Diagnostics;
using Release.Tooling.Git;

namespace Release.Benchmarks;

/// <summary>
/// Reading a release's history (what Clone reads to version a commit: HEAD's commit, its short hash, the branch, the
/// shallow flag, the release tags reachable from HEAD, the commits since the last one, the tags at HEAD) two ways in
/// one run: by parsing the git CLI's output (seven processes, as before) and in-process through libgit2
/// (<see cref="GitHistory"/>). Both read the same repository, alternating run by run; prints medians and their ratio.
/// </summary>
public static class HistoryBenchmark
{
    private const int Runs = 21;
    private const int Releases = 20;
    private const int CommitsPerRelease = 15;
    private const int CommitsSinceLastRelease = 40;

    public static async Task<int> RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("release-history-bench-").FullName;
        try
        {
            await CreateRepositoryAsync(directory);
            var cli = new GitRepository(directory);

            // The first open loads libgit2 (the cost the start-up path of ./build.sh --help must never pay): shown apart.
            var firstOpen = Stopwatch.StartNew();
            var first = ReadInProcess(directory);
            firstOpen.Stop();
            var before = await ReadWithCliAsync(cli);
            if (before != first)
                throw new InvalidOperationException($"The two paths read different histories:\n  CLI:        {before}\n  in-process: {first}");

            var cliTimes = new List<TimeSpan>();
            var inProcessTimes = new List<TimeSpan>();
            for (var i = 0; i < Runs; i++)
            {
                cliTimes.Add(await TimeAsync(() => ReadWithCliAsync(cli)));
                inProcessTimes.Add(await TimeAsync(() => Task.FromResult(ReadInProcess(directory))));
            }
            var (cliMedian, inProcessMedian) = (Measurement.Median(cliTimes), Measurement.Median(inProcessTimes));
            Console.WriteLine($"a release's history: {Releases} release tags, {CommitsSinceLastRelease} commits since the last; read as {first}");
            Console.WriteLine($"medians of {Runs} alternating runs:");
            Console.WriteLine($"git CLI, output parsed (7 processes): {Measurement.Format(cliMedian)}");
            Console.WriteLine($"libgit2 in-process (GitHistory):      {Measurement.Format(inProcessMedian)}");
            Console.WriteLine($"  first open, loading libgit2:        {Measurement.Format(firstOpen.Elapsed)}   (once per process; never on the --help path)");
            Console.WriteLine($"ratio in-process / CLI:               {inProcessMedian / cliMedian,8:0.00}");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // What SourceVersionReader read before it moved to GitHistory, one git process per question.
    private static async Task<string> ReadWithCliAsync(GitRepository repository)
    {
        var head = await repository.GetCommitAsync("HEAD");
        var shortSha = await repository.RevParseAsync(new GitRevParseSettings("HEAD") { Short = 7 });
        var branch = await repository.CurrentBranchAsync();
        var shallow = await repository.IsShallowAsync();
        var tags = (await repository.ListTagsAsync(new GitTagListSettings { Merged = "HEAD" })).Select(ReleaseTag.FromName).OfType<ReleaseTag>().ToArray();
        var last = tags.Where(t => !t.Version.IsPreRelease).OrderByDescending(t => t.Version).FirstOrDefault();
        var commits = await repository.LogAsync(new GitLogSettings { From = last?.Name, To = "HEAD" });
        var atHead = await repository.TagsAtHeadAsync();
        return Summary(head, shortSha, branch, shallow, tags.Length, last, commits, atHead.Count);
    }

    private static string ReadInProcess(string directory)
    {
        using var history = GitHistory.Open(directory);
        var head = history.ReadCommit("HEAD");
        var shortSha = history.ShortHash("HEAD");
        var facts = ReleaseTagHistory.Read(history, "HEAD");
        return Summary(head, shortSha, history.CurrentBranch, history.IsShallow, facts.Tags.Count, facts.LastStable, facts.Commits, history.TagsAt("HEAD").Count);
    }

    private static string Summary(GitCommit head, string shortSha, string? branch, bool shallow, int tags, ReleaseTag? last, IReadOnlyList<GitCommit> commits, int atHead) =>
        $"HEAD {shortSha} ({head.Author.Email}) on {branch}, shallow {shallow}, {tags} tags, last {last?.Name}, " +
        $"{commits.Count} commits ({string.Join(',', commits.Select(c => c.Hash[..4]).Take(3))}..., bodies {commits.Sum(c => c.Body.Length)} chars), {atHead} at HEAD";

    private static async Task CreateRepositoryAsync(string directory)
    {
        await GitAsync(directory, "init", "-q", "-b", "main");
        var minor = 0;
        for (var release = 0; release < Releases; release++)
        {
            for (var i = 0; i < CommitsPerRelease; i++)
                await GitAsync(directory, "commit", "-q", "--allow-empty", "-m", $"feat(area{i % 4}): change {release}.{i}", "-m", $"Why it changed.\n\nRefs: #{release * 100 + i}");
            await GitAsync(directory, "tag", "-a", $"v1.{minor++}.0", "-m", "release");
        }
        for (var i = 0; i < CommitsSinceLastRelease; i++)
            await GitAsync(directory, "commit", "-q", "--allow-empty", "-m", i % 3 == 0 ? $"fix: repair {i}" : $"feat: add {i}", "-m", "Co-authored-by: Bob <bob@example.com>");
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task<string>> read)
    {
        var clock = Stopwatch.StartNew();
        await read();
        return clock.Elapsed;
    }

    private static async Task GitAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in new[] { ("GIT_AUTHOR_NAME", "Dev"), ("GIT_AUTHOR_EMAIL", "dev@example.com"), ("GIT_COMMITTER_NAME", "Dev"), ("GIT_COMMITTER_EMAIL", "dev@example.com") })
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
    }
}
