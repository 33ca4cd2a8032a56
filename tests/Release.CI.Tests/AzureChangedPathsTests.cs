using System.Diagnostics;
using System.Text.RegularExpressions;
using Release.CI.Tests.Builds;
using Release.CI.Tests.Support;
using Release.Testing.Git;
using YamlDotNet.RepresentationModel;

namespace Release.CI.Tests;

/// <summary>
/// Azure has no per-job path filter: the generated ChangedPaths stage lists the files a pull request changes and sets an
/// output variable per module, and the module stages' conditions read them. The stage's bash script is run for real in
/// temp git repositories (a pull request's merge commit, a branch without one, a push build).
/// </summary>
public class AzureChangedPathsTests
{
    private static async Task<Dictionary<string, YamlMappingNode>> StagesAsync()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(await Generated.AzureAsync<ThreeModulesBuild>()));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return ((YamlSequenceNode)root["stages"]).Cast<YamlMappingNode>().ToDictionary(s => s["stage"].ToString());
    }

    private static List<string> DependsOn(YamlMappingNode stage) => ((YamlSequenceNode)stage["dependsOn"]).Select(d => d.ToString()).ToList();

    private static string Changed(string module) => $"eq(dependencies.ChangedPaths.outputs['ChangedPaths.paths.{module}'], 'true')";

    [Test]
    public async Task Module_stages_depend_on_the_changed_paths_stage_and_run_when_their_module_changed()
    {
        var stages = await StagesAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stages.Keys.First(), Is.EqualTo("ChangedPaths"));
            Assert.That(DependsOn(stages["ChangedPaths"]), Is.Empty);
            Assert.That(DependsOn(stages["PushModule_c"]), Is.EquivalentTo(new[] { "ChangedPaths", "BuildModule_a" }));
            Assert.That(stages["PushModule_c"]["condition"].ToString(), Does.Contain(Changed("c")));
            Assert.That(stages["BuildModule_a"]["condition"].ToString(), Does.Contain(Changed("a")));
            Assert.That(stages["PushModule_a"]["condition"].ToString(), Does.Contain(Changed("a")));
            Assert.That(stages["PushModule_b"]["condition"].ToString(), Does.Contain(Changed("b")));
            // c's push may run without a's build only when the pull request did not change a (not when a's build failed).
            Assert.That(stages["PushModule_c"]["condition"].ToString(), Does.Contain(
                "or(in(dependencies.BuildModule_a.result, 'Succeeded', 'SucceededWithIssues'), and(eq(dependencies.BuildModule_a.result, 'Skipped'), " +
                "ne(dependencies.ChangedPaths.outputs['ChangedPaths.paths.a'], 'true')))"));
            // Deploy runs for every change, after the pushes that ran.
            var deploy = stages["Deploy"]["condition"].ToString();
            Assert.That(deploy, Does.StartWith("and(not(canceled()), ").And.Not.Contain(Changed("a")));
            Assert.That(deploy, Does.Contain("ne(dependencies.ChangedPaths.outputs['ChangedPaths.paths.b'], 'true')"));
            Assert.That(DependsOn(stages["Deploy"]), Does.Contain("ChangedPaths"));
            Assert.That(stages.ContainsKey("Restore") && stages["Restore"].Children.ContainsKey(new YamlScalarNode("condition")), Is.False,
                "a job whose targets name no files runs for every change");
        });
    }

    [Test]
    public async Task A_stage_takes_the_artifacts_of_a_need_left_out_from_the_target_branchs_last_run()
    {
        var deploy = (YamlMappingNode)((YamlSequenceNode)(await StagesAsync())["Deploy"]["jobs"])[0];
        var downloads = ((YamlSequenceNode)deploy["steps"]).Cast<YamlMappingNode>()
            .Where(s => s.Children.TryGetValue(new YamlScalarNode("task"), out var task) && task.ToString() == "DownloadPipelineArtifact@2"
                && s["inputs"]["artifactName"].ToString() == "PushModule_b")
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(deploy["variables"]["changed_b"].ToString(), Is.EqualTo("$[ stageDependencies.ChangedPaths.ChangedPaths.outputs['paths.b'] ]"));
            Assert.That(downloads.Select(d => d["inputs"]["buildType"].ToString()), Is.EqualTo(new[] { "current", "specific" }));
            Assert.That(downloads[0]["condition"].ToString(), Is.EqualTo("and(succeeded(), eq(variables['changed_b'], 'true'))"));
            Assert.That(downloads[1]["condition"].ToString(), Is.EqualTo("and(succeeded(), ne(variables['changed_b'], 'true'))"));
            Assert.That(downloads[1]["inputs"]["buildVersionToDownload"].ToString(), Is.EqualTo("latestFromBranch"));
            Assert.That(downloads[1]["inputs"]["branchName"].ToString(), Is.EqualTo("$(System.PullRequest.TargetBranch)"));
            Assert.That(downloads[1]["inputs"]["definition"].ToString(), Is.EqualTo("$(System.DefinitionId)"));
        });
    }

    [Test]
    public async Task A_pull_request_merge_commit_touching_a_sets_a_and_its_dependent_c_but_not_b()
    {
        using var repository = await RepositoryAsync();
        await repository.CreateBranchAsync("feature/a");
        await repository.CommitFileAsync("modules/a/src/Program.cs", "// changed\n", "feat: a");
        // Azure builds a pull request's merge commit (refs/pull/N/merge): its first parent is the target branch.
        await repository.CheckoutAsync("main");
        await repository.CommitFileAsync("README.md", "main moved on\n", "docs: main");
        await repository.GitAsync(["-c", "user.name=Azure", "-c", "user.email=azure@example.com", "merge", "--no-ff", "-q", "-m", "Merge pull request 1", "feature/a"]);

        var variables = await RunScriptAsync(repository.Path, pullRequest: true);
        Assert.That(variables, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "true", ["b"] = "false", ["c"] = "true" }));
    }

    [Test]
    public async Task A_pull_request_branch_without_a_merge_commit_is_compared_with_the_fetched_target_branch()
    {
        using var repository = await RepositoryAsync();
        await repository.GitAsync(["remote", "add", "origin", repository.Path]);
        await repository.CreateBranchAsync("feature/b");
        await repository.CommitFileAsync("modules/b/notes.txt", "b changed\n", "feat: b");

        var variables = await RunScriptAsync(repository.Path, pullRequest: true);
        Assert.That(variables, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "false", ["b"] = "true", ["c"] = "false" }));
    }

    [Test]
    public async Task A_push_build_sets_every_module()
    {
        using var repository = await RepositoryAsync();
        await repository.CommitFileAsync("modules/b/notes.txt", "b changed\n", "feat: b");

        var variables = await RunScriptAsync(repository.Path, pullRequest: false);
        Assert.That(variables, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "true", ["b"] = "true", ["c"] = "true" }));
    }

    [Test]
    public void Globs_become_whole_path_patterns_with_gitlabs_meaning()
    {
        string Regex(string glob) => Release.CI.Azure.ChangedPathsScript.ToExtendedRegex(glob);
        Assert.Multiple(() =>
        {
            Assert.That("modules/a/x.txt", Does.Match(Regex("modules/a/**/*")));
            Assert.That("modules/a/deep/er/x.txt", Does.Match(Regex("modules/a/**/*")));
            Assert.That("modules/ab/x.txt", Does.Not.Match(Regex("modules/a/**/*")));
            Assert.That("src/a.cs", Does.Match(Regex("src/*.{cs,csproj}")));
            Assert.That("src/deep/a.cs", Does.Not.Match(Regex("src/*.cs")));
            Assert.That("srcXa.cs", Does.Not.Match(Regex("src/a.cs")).And.Match(Regex("src?a.cs")));
            Assert.That("src/a.cs", Does.Not.Match(Regex("src?a.cs")), "? is one character within a folder");
        });
    }

    /// <summary>A repository on main holding the three modules' folders.</summary>
    private static async Task<TempGitRepository> RepositoryAsync()
    {
        var repository = await TempGitRepository.CreateAsync("main");
        foreach (var module in ThreeModulesBuild.Modules.Keys) repository.WriteFile($"modules/{module}/Dockerfile", "FROM scratch\n");
        await repository.CommitAsync("feat: three modules");
        return repository;
    }

    /// <summary>Runs the generated stage's script in <paramref name="directory"/> as an agent would; returns the output variables it set.</summary>
    private static async Task<Dictionary<string, string>> RunScriptAsync(string directory, bool pullRequest)
    {
        var stages = await StagesAsync();
        var job = (YamlMappingNode)((YamlSequenceNode)stages["ChangedPaths"]["jobs"])[0];
        var step = ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>().Single(s => s.Children.ContainsKey(new YamlScalarNode("bash")));
        Assert.That(step["name"].ToString(), Is.EqualTo("paths"));
        var start = new ProcessStartInfo("bash", ["-c", step["bash"].ToString()])
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["BUILD_REASON"] = pullRequest ? "PullRequest" : "IndividualCI";
        start.Environment["SYSTEM_PULLREQUEST_TARGETBRANCH"] = "refs/heads/main";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        TestContext.Out.WriteLine(output + error);
        Assert.That(process.ExitCode, Is.EqualTo(0), output + error);
        return Regex.Matches(output, @"^##vso\[task\.setvariable variable=([^;]+);isOutput=true\](.*)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }
}
