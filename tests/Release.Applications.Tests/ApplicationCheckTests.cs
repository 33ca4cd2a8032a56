using System.Runtime.CompilerServices;
using Release.Engine;
using Release.Testing;

namespace Release.Applications.Tests;

/// <summary>Each wrong declaration is refused before anything runs, naming the declaration's file and line and the fix.</summary>
public class ApplicationCheckTests
{
    private TempDirectory _root = null!;

    [SetUp]
    public void CreateRepository()
    {
        _root = new TempDirectory("release-application");
        _root.WriteFile("modules/catalog/Dockerfile", "FROM base\n");
        _root.WriteFile("modules/catalog/chart/Chart.yaml", "apiVersion: v2\nname: catalog\nversion: 1.0.0\n");
        _root.WriteFile("modules/storefront/src/Storefront.csproj", "<Project />");
        _root.WriteFile("modules/storefront/tests/Storefront.IntegrationTests.csproj", "<Project />");
    }

    [TearDown]
    public void DeleteRepository() => _root.Dispose();

    private AbsolutePath Root => new(_root.Path);

    private static int Line([CallerLineNumber] int line = 0) => line;

    private static Application Shop() => Application.Named("shop")
        .Module("catalog", m => m.Folder("modules/catalog").Dockerfile().Chart("chart").Health("/healthz"))
        .Module("storefront", m => m.Folder("modules/storefront").DotNetProject("src/Storefront.csproj")
            .IntegrationTests("tests/Storefront.IntegrationTests.csproj").Health("/healthz").DependsOn("catalog"));

    private string Refusal(Application application) =>
        Assert.Throws<BuildInputException>(() => application.Check(Root))!.Message;

    [Test]
    public void A_sound_declaration_gives_typed_modules_and_their_graph()
    {
        var app = Shop().Check(Root);
        Assert.Multiple(() =>
        {
            Assert.That(app.ModuleNames, Is.EqualTo(new[] { "catalog", "storefront" }));
            Assert.That(app["catalog"].Build, Is.EqualTo(new DockerfileBuild("Dockerfile", ".")));
            Assert.That(app["catalog"].Chart, Is.EqualTo("chart"));
            Assert.That(app["storefront"].Build, Is.EqualTo(new DotNetProjectBuild("src/Storefront.csproj")));
            Assert.That(app["storefront"].Source, Is.EqualTo(new FolderSource("modules/storefront")));
            Assert.That(app.DependenciesOf("storefront"), Is.EqualTo(new[] { "catalog" }));
            Assert.That(app.Graph.Order, Is.EqualTo(new[] { "catalog", "storefront" }));
            Assert.That(app.FolderOf("catalog").Value, Is.EqualTo(System.IO.Path.Combine(_root.Path, "modules", "catalog")));
            Assert.That(app.ChangePathsOf("storefront"), Is.EqualTo(new[] { "modules/catalog/**/*", "modules/storefront/**/*" }));
            Assert.That(app["storefront"].Site.File, Does.EndWith("ApplicationCheckTests.cs"));
        });
    }

    [Test]
    public void A_module_from_its_own_repository_and_branch_is_cloned_to_a_folder_of_its_own()
    {
        var app = Shop().Module("billing", m => m.Repository("https://git.example/billing.git", "staging").Dockerfile()).Check(Root);
        Assert.That(app["billing"].Source, Is.EqualTo(new RepositorySource("https://git.example/billing.git", "staging", ".nuke/temp/workspace/billing")));
        Assert.That(app.ChangePathsOf("billing"), Is.Empty, "a change to another repository is not a change to this one's files");
    }

    [Test]
    public void An_unknown_dependency_names_the_modules_line_and_the_fix()
    {
        var line = Line(); var app = Shop().Module("web", m => m.Folder("modules/storefront").DotNetProject("src/Storefront.csproj").DependsOn("catalogue"));
        var message = Refusal(app);
        Assert.That(message, Does.Contain($"ApplicationCheckTests.cs:{line}: module 'web' depends on 'catalogue', which is not a module of the application")
            .And.Contain("Declare module 'catalogue', or remove it from the dependencies of 'web'"));
    }

    [Test]
    public void A_cycle_is_shown_as_a_path()
    {
        var app = Application.Named("loop")
            .Module("a", m => m.Folder("modules/catalog").Dockerfile().DependsOn("b"))
            .Module("b", m => m.Folder("modules/catalog").Dockerfile().DependsOn("a"));
        Assert.That(Refusal(app), Does.Contain("a -> b -> a").And.Contain("Remove one of these dependencies"));
    }

    [Test]
    public void Two_modules_with_one_name_point_at_both_declarations()
    {
        var first = Line(); var app = Application.Named("twice").Module("api", m => m.Folder("modules/catalog").Dockerfile())
            .Module("api", m => m.Folder("modules/catalog").Dockerfile());
        Assert.That(Refusal(app), Does.Contain($"module 'api' has the name of the module declared at").And.Contain($"ApplicationCheckTests.cs:{first}. Give each module its own name"));
    }

    [Test]
    public void A_module_whose_folder_does_not_exist_names_the_folder_and_the_root()
    {
        var line = Line(); var app = Shop().Module("pricing", m => m.Folder("modules/pricing").Dockerfile());
        Assert.That(Refusal(app), Does.Contain($"ApplicationCheckTests.cs:{line}: module 'pricing' is in folder 'modules/pricing', which does not exist under {_root.Path}. Create the folder, or correct the path"));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var app = Application.Named("Shop App")
            .Module("Pricing", m => m.Folder("modules/catalog").Dockerfile("Missing.Dockerfile", publish: "src/None.csproj"))
            .Module("store", m => m.Folder("../elsewhere").DotNetProject("x.csproj"))
            .Module("nothing", m => m)
            .Module("health", m => m.Folder("modules/catalog").Dockerfile().Health("healthz").Chart("nochart"))
            .Module("remote", m => m.Repository("", "two words").Dockerfile());
        var message = Refusal(app);
        Assert.Multiple(() =>
        {
            Assert.That(message, Does.StartWith("Application 'Shop App' is declared wrongly (11 problems):"));
            Assert.That(message, Does.Contain("the application is named 'Shop App'").And.Contain("e.g. 'shop-app'"));
            Assert.That(message, Does.Contain("module 'Pricing': the name becomes its chart's").And.Contain("e.g. 'pricing'"));
            Assert.That(message, Does.Contain("module 'Pricing': its Dockerfile 'Missing.Dockerfile' does not exist"));
            Assert.That(message, Does.Contain("module 'Pricing': its project to publish 'src/None.csproj' does not exist"));
            Assert.That(message, Does.Contain("module 'store' is in folder '../elsewhere', outside the repository"));
            Assert.That(message, Does.Contain("module 'nothing' does not say where its source is"));
            Assert.That(message, Does.Contain("module 'nothing' does not say how it is built"));
            Assert.That(message, Does.Contain("module 'health' has health endpoint 'healthz'"));
            Assert.That(message, Does.Contain("module 'health': its chart 'nochart/Chart.yaml' does not exist"));
            Assert.That(message, Does.Contain("module 'remote' comes from a repository with no URL"));
            Assert.That(message, Does.Contain("module 'remote' comes from branch 'two words', which is not a branch name"));
        });
    }

    [Test]
    public void A_project_or_test_project_that_does_not_exist_is_refused()
    {
        var app = Application.Named("shop")
            .Module("storefront", m => m.Folder("modules/storefront").DotNetProject("src/Typo.csproj").IntegrationTests("tests/Missing.csproj"));
        var message = Refusal(app);
        Assert.That(message, Does.Contain("its project 'src/Typo.csproj' does not exist").And.Contain("its integration test project 'tests/Missing.csproj' does not exist"));
    }

    [Test]
    public void An_application_without_modules_is_refused() =>
        Assert.That(Refusal(Application.Named("empty")), Does.Contain("application 'empty' declares no module"));
}
