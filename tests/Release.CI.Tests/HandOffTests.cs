using Release.Testing;
using Release.CI.Tests.Builds;
using Release.CI.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Release.CI.Tests;

/// <summary>How jobs hand work on: the compiled build made once, GitLab's registry when the team sets none, reports.</summary>
public class HandOffTests
{
    [Test]
    public async Task GitLab_compiles_the_build_in_a_first_job_that_every_other_job_needs_with_its_artifacts()
    {
        var root = Root(await Generated.GitLabAsync<HandOffBuild>());
        var first = (YamlMappingNode)root["build-definition"];

        Assert.That(((YamlSequenceNode)first["script"])[0].ToString(), Is.EqualTo("./build.sh --help"));
        Assert.That(((YamlSequenceNode)first["needs"]).Children, Is.Empty);
        Assert.That(((YamlSequenceNode)((YamlMappingNode)first["artifacts"])["paths"]).Select(p => p.ToString()), Is.EqualTo(new[] { ".nuke/temp/bin/" }));
        foreach (var job in new[] { "test" })
        {
            var need = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)root[job])["needs"])[0];
            Assert.That((need["job"].ToString(), need["artifacts"].ToString()), Is.EqualTo(("build-definition", "true")), job);
        }
    }

    [Test]
    public async Task Azure_compiles_the_build_in_a_first_stage_whose_artifact_every_stage_downloads()
    {
        var azure = await Generated.AzureAsync<HandOffBuild>();
        var stages = (YamlSequenceNode)Root(azure)["stages"];

        Assert.That(((YamlMappingNode)stages[0])["stage"].ToString(), Is.EqualTo("BuildDefinition"));
        foreach (var stage in stages.Skip(1).Cast<YamlMappingNode>())
            Assert.That(((YamlSequenceNode)stage["dependsOn"]).Select(d => d.ToString()), Does.Contain("BuildDefinition"), stage["stage"].ToString());
        Assert.That(azure, Does.Contain("artifactName: BuildDefinition").And.Contain("targetPath: $(Build.SourcesDirectory)/.nuke/temp/bin"));
        // No SDK version given: dotnet-install.sh reads global.json (UseDotNet@2's boolean useGlobalJson fails Azure's schema).
        Assert.That(azure, Does.Contain("dotnet-install.sh\" --jsonfile global.json").And.Not.Contain("useGlobalJson"));
        Assert.That(azure, Does.Contain("testResultsFormat: VSTest").And.Contain("testResultsFiles: artifacts/tests/*.trx"));
        Assert.That(azure, Does.Contain("REGISTRY is required here"));
    }

    [Test]
    public void This_repositorys_Azure_file_installs_the_SDK_global_json_names_by_version()
    {
        // The named form: the boolean useGlobalJson input fails checkers that read every YAML scalar as a string.
        var sdk = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("global.json"))).RootElement.GetProperty("sdk").GetProperty("version").GetString();
        var azure = File.ReadAllText(RepositoryRoot.File("azure-pipelines.yml"));
        Assert.That(azure, Does.Contain($"version: {sdk}").And.Not.Contain("useGlobalJson"));
        Assert.That(File.ReadAllText(RepositoryRoot.File(".gitlab-ci.yml")), Does.Contain($"image: mcr.microsoft.com/dotnet/sdk:{sdk}"));
    }

    [Test]
    public async Task GitLab_reads_the_coverage_line_and_falls_back_to_the_projects_registry_only_when_the_team_sets_none()
    {
        var gitLab = await Generated.GitLabAsync<HandOffBuild>();
        var root = Root(gitLab);

        Assert.That(((YamlMappingNode)root["test"])["coverage"].ToString(), Is.EqualTo(@"/Line coverage: (\d+(?:\.\d+)?)%/"));
        var fallback = ((YamlSequenceNode)((YamlMappingNode)root["default"])["before_script"])[0].ToString();
        Assert.That(fallback, Does.StartWith("if [ -z \"${REGISTRY:-}\" ] && [ -n \"${CI_REGISTRY_USER:-}\" ]; then export REGISTRY=\"$CI_REGISTRY\"")
            .And.Contain("REGISTRY_USERNAME=\"$CI_REGISTRY_USER\"").And.Contain("REGISTRY_PASSWORD=\"$CI_REGISTRY_PASSWORD\"")
            .And.Contain("IMAGE_REPOSITORY=\"${CI_REGISTRY_IMAGE#\"$CI_REGISTRY\"/}\""));
        Assert.That(gitLab, Does.Contain("# Without REGISTRY, every job uses the project's container registry"));
    }

    private static YamlMappingNode Root(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
