using Release.Engine;
using Release.Testing;

namespace Release.Applications.Tests;

/// <summary>
/// A module's declared build inputs (<c>.Inputs("shared/protos")</c>): files or folders outside its folder that its
/// build reads. They join its change paths (and those of its dependents), and a missing or escaping one is refused.
/// </summary>
public class ModuleInputsTests
{
    private TempDirectory _root = null!;

    [SetUp]
    public void CreateRepository()
    {
        _root = new TempDirectory("release-application-inputs");
        _root.WriteFile("modules/catalog/Dockerfile", "FROM base\n");
        _root.WriteFile("modules/storefront/src/Storefront.csproj", "<Project />");
        _root.WriteFile("shared/protos/catalog.proto", "syntax = \"proto3\";");
        _root.WriteFile("shared/versions.props", "<Project />");
    }

    [TearDown]
    public void DeleteRepository() => _root.Dispose();

    private AbsolutePath Root => new(_root.Path);

    private static Application Shop(params string[] catalogInputs) => Application.Named("shop")
        .Module("catalog", m => m.Folder("modules/catalog").Dockerfile().Inputs(catalogInputs))
        .Module("storefront", m => m.Folder("modules/storefront").DotNetProject("src/Storefront.csproj").DependsOn("catalog"));

    [Test]
    public void Declared_inputs_join_the_change_paths_of_the_module_and_its_dependents()
    {
        var app = Shop("shared/protos", "shared/versions.props").Check(Root);
        Assert.That(app["catalog"].Inputs, Is.EqualTo(new[] { "shared/protos", "shared/versions.props" }));
        Assert.That(app.ChangePathsOf("catalog"), Is.EqualTo(new[] { "modules/catalog/**/*", "shared/protos/**/*", "shared/versions.props" }));
        Assert.That(app.ChangePathsOf("storefront"),
            Is.EqualTo(new[] { "modules/catalog/**/*", "shared/protos/**/*", "shared/versions.props", "modules/storefront/**/*" }));
    }

    [TestCase("shared/missing.props", "which does not exist")]
    [TestCase("../outside", "outside the repository")]
    public void A_missing_or_escaping_input_is_refused_naming_the_module_and_the_fix(string input, string why)
    {
        var message = Assert.Throws<BuildInputException>(() => Shop(input).Check(Root))!.Message;
        Assert.That(message, Does.Contain("catalog").And.Contain($"build input '{input}'").And.Contain(why));
    }
}
