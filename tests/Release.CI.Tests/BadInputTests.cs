using Release.CI.Tests.Builds;
using Release.CI.Tests.Support;
using Release.Engine;
using Release.Engine.Hosting;

namespace Release.CI.Tests;

/// <summary>Every bad definition is one error naming the build class, the place and the fix.</summary>
public class BadInputTests
{
    [Test]
    public void Consuming_a_target_that_is_not_in_the_pipeline() =>
        AssertProblem<ConsumesOutsidePipelineBuild>("target Publish (Consumes(Pack))", "no job of the pipeline", "add .DependsOn(Pack) to Publish");

    [Test]
    public void Target_names_that_clash_as_GitLab_job_names() =>
        AssertProblem<ClashingNamesBuild>("targets TestUnit and Test_Unit", "same GitLab job name 'test-unit'", "rename one of the targets");

    [Test]
    public void Target_names_that_clash_as_Azure_identifiers() =>
        AssertProblem<AzureClashBuild>("targets Tèst and T_st", "same Azure stage/job identifier 'T_st'", "rename one of the targets");

    [Test]
    public void Target_names_that_are_reserved_GitLab_keywords() =>
        AssertProblem<ReservedNameBuild>("target Variables", "reserved GitLab keyword", "rename the target");

    [Test]
    public void Secrets_that_are_not_declared_as_secret_parameters() =>
        AssertProblem<UndeclaredSecretBuild>("ImportSecrets(\"ApiToken\")", "not marked [Secret]", "add [Secret] to ApiToken",
            "ImportSecrets(\"DeployKey\")", "declares no parameter 'DeployKey'", "[Parameter, Secret] readonly string DeployKey;");

    [Test]
    public void Unknown_and_malformed_branch_rules() =>
        AssertProblem<UnknownBranchRuleBuild>("Deploy(\"Deploy\", \"production\")", "unknown branch rule 'mian' (declared rules: main)", "OnBranches(\"mian\")",
            "OnBranches(\"feature/*/wip\")", "'*' may only end the rule", "prefix pattern like \"release/*\"");

    [Test]
    public void Cron_expressions_with_wrong_field_counts_or_ranges() =>
        AssertProblem<BadScheduleBuild>("Schedule(\"Nightly\", \"0 2 * *\")", "it has 4 field(s)", "\"0 2 * * *\"",
            "Schedule(\"Weekly\", \"0 25 * * 1\")", "the hour field '25' is invalid: 25 is out of range", "allowed: 0-23",
            "Schedule(\"Monthly\", \"0 2 1 1-13 *\")", "the month field '1-13' is invalid: 13 is out of range", "allowed: 1-12");

    [Test]
    public void Deployments_whose_environment_parameter_the_build_does_not_declare() =>
        AssertProblem<NoEnvironmentParameterBuild>("Deploy(\"Deploy\", \"staging\")", "declares no parameter 'Environment' to pass the environment name 'staging' to",
            "declare [Parameter] string Environment", "Deploy(\"Deploy\", \"production\")", "no parameter 'Stage'", "Deploy(..., parameter: nameof(...))");

    [Test]
    public void Targets_run_in_every_job_that_have_a_job_or_other_dependencies() =>
        AssertProblem<BadEveryJobBuild>("RunInEveryJob(\"Clone\")", "also declared with Job()", "remove Job(\"Clone\") or RunInEveryJob(\"Clone\")",
            "depends on Restore, which every job would then have to run too", "declare nameof(Restore) with RunInEveryJob as well");

    [Test]
    public void Team_variables_that_are_secrets_or_not_parameters() =>
        AssertProblem<BadEveryJobBuild>("Variables(\"Token\")", "is a [Secret]", "ImportSecrets(nameof(Token))",
            "Variables(\"Registry\")", "declares no parameter 'Registry'");

    [Test]
    public void Unknown_targets_get_a_suggestion() =>
        AssertProblem<UnknownTargetBuild>("Job(\"Compiel\")", "'Compiel' is not a target", "did you mean Compile");

    [Test]
    public async Task GenerateCI_on_a_bad_definition_exits_2_and_writes_no_file()
    {
        using var root = new Release.Testing.TempDirectory("ci-bad");
        using var output = new StringWriter();

        var exit = await BuildHost.RunAsync<ClashingNamesBuild>(["GenerateCI"], options: new BuildHostOptions
        {
            RootDirectory = root.Path, Output = output, Interactive = false, WriteSchema = false,
            Environment = new Dictionary<string, string>(),
        });

        Assert.That(exit, Is.EqualTo(BuildHost.BadInput), output.ToString());
        Assert.That(output.ToString(), Does.Contain("same GitLab job name 'test-unit'"));
        Assert.That(File.Exists(Path.Combine(root.Path, ".gitlab-ci.yml")) || File.Exists(Path.Combine(root.Path, "azure-pipelines.yml")), Is.False);
    }

    private static void AssertProblem<T>(params string[] fragments) where T : Build, IContinuousIntegration, new()
    {
        var error = Assert.ThrowsAsync<BuildDefinitionException>(() => Generated.ForAsync<T>())!;
        Assert.That(error.Message, Does.StartWith($"The CI configuration of build class {typeof(T).Name} has"));
        Assert.That(error.Message, Does.Contain("nothing was written"));
        foreach (var fragment in fragments) Assert.That(error.Message, Does.Contain(fragment));
    }
}
