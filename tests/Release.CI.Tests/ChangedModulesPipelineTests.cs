using System.IO.Compression;
using Release.CI.Tests.Builds;
using Release.CI.Tests.Support;
using Release.Testing.GitLab;
using Release.Testing.Network;

namespace Release.CI.Tests;

/// <summary>
/// The generated GitLab pipeline of an application of three modules (a &lt;- c, b), run with gitlab-ci-local as a merge
/// request touching one module's folder: exactly that module's jobs, its dependents' and the unfiltered ones run, and
/// Deploy, which consumes every module's push record, takes those of the modules not rebuilt from the last successful
/// pipeline of the target branch (GitLab's job-artifacts API, served here by a loopback HTTP server).
/// </summary>
[NonParallelizable]
public class ChangedModulesPipelineTests
{
    [OneTimeSetUp]
    public Task InstallAsync() => GitLabCiLocal.EnsureInstalledAsync();

    [Test]
    public async Task A_change_to_module_a_runs_a_and_c_and_deploy_takes_bs_last_pushed_record()
    {
        var (jobs, fetched, log) = await RunMergeRequestAsync("a");
        Assert.That(jobs, Is.EquivalentTo(new[] { "restore", "build-module-a", "push-module-a", "push-module-c", "deploy" }));
        Assert.That(fetched, Is.EqualTo(new[] { "push-module-b" }), "only b's record comes from the target branch");
        Assert.That(log, Is.SupersetOf(new[]
        {
            "deploy Deploy saw artifacts/a/digest.txt", "deploy Deploy saw artifacts/b/digest.txt", "deploy Deploy saw artifacts/c/digest.txt",
            "deploy Deploy ran",
        }));
    }

    [Test]
    public async Task A_change_to_module_b_runs_only_b_and_deploy_takes_a_and_c_from_the_target_branch()
    {
        var (jobs, fetched, log) = await RunMergeRequestAsync("b");
        Assert.That(jobs, Is.EquivalentTo(new[] { "restore", "push-module-b", "deploy" }));
        Assert.That(fetched, Is.EquivalentTo(new[] { "push-module-a", "push-module-c" }));
        Assert.That(log, Is.SupersetOf(new[] { "deploy Deploy saw artifacts/a/digest.txt", "deploy Deploy saw artifacts/c/digest.txt", "deploy Deploy ran" }));
    }

    [Test]
    public async Task Without_a_passed_pipeline_on_the_target_branch_deploy_fails_naming_the_job_and_branch()
    {
        var (jobs, fetched, output) = await RunMergeRequestAsync("b", serveArtifacts: false);
        Assert.That(jobs, Does.Not.Contain("deploy"));
        Assert.That(fetched, Is.Not.Empty);
        Assert.That(output.Single(), Does.Contain("no artifacts of push-module-a on main: run a pipeline of main that passes push-module-a first"));
    }

    /// <summary>
    /// Runs the merge-request pipeline for a commit touching <c>modules/MODULE</c>; returns the jobs that passed, the
    /// jobs whose artifacts were asked of the API, and the stub build's log (or, when artifacts are not served, the output).
    /// </summary>
    private static async Task<(List<string> Passed, List<string> Fetched, List<string> Log)> RunMergeRequestAsync(string module, bool serveArtifacts = true)
    {
        using var repository = await GitLabCiLocalTests.RepositoryAsync<ThreeModulesBuild>("main");
        await repository.GitAsync("checkout", "-b", $"feature/{module}");
        repository.WriteFile($"modules/{module}/src.txt", "a change\n");
        await repository.GitAsync("add", "-A");
        await repository.GitAsync("-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-m", $"feat: change {module}");

        var fetched = new List<string>();
        await using var api = LoopbackHttpServer.Start(async context =>
        {
            var job = context.Request.QueryString["job"] ?? "";
            var expected = "/api/v4/projects/1217/jobs/artifacts/main/download";
            lock (fetched) fetched.Add(job);
            var known = context.Request.Url!.AbsolutePath == expected && context.Request.Headers["JOB-TOKEN"] == "job-token"
                && job.StartsWith("push-module-", StringComparison.Ordinal);
            if (!serveArtifacts || !known)
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
                return;
            }
            var body = ArtifactsZip(job["push-module-".Length..]);
            context.Response.ContentType = "application/zip";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });

        var result = await GitLabCiLocal.RunPipelineAsync(repository.Path,
        [
            .. GitLabCiLocal.MergeRequest($"feature/{module}", "main"),
            "--variable", $"CI_SERVER_URL={api.BaseUrl.ToString().TrimEnd('/')}", "--variable", "CI_JOB_TOKEN=job-token",
        ]);
        TestContext.Out.WriteLine(result.Output + "\n--- log ---\n" + string.Join("\n", repository.Log));
        if (serveArtifacts) Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        else Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.Output);
        var passed = result.Jobs.Where(j => j.Value == "PASS").Select(j => j.Key).ToList();
        lock (fetched) return (passed, fetched.ToList(), serveArtifacts ? repository.Log : [result.Output]);
    }

    /// <summary>The artifacts archive of a module's push job as the last main pipeline left it: its push record.</summary>
    private static byte[] ArtifactsZip(string module)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry($"artifacts/{module}/digest.txt").Open());
            writer.Write($"sha256:{module} pushed by main\n");
        }
        return memory.ToArray();
    }
}
