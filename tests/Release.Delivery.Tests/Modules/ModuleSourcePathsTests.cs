using Release.Applications;
using Release.Delivery.Modules;
using Release.Engine;
using Release.Stages.Clone;
using Release.Testing;

namespace Release.Delivery.Tests.Modules;

/// <summary>
/// The paths whose last change versions a module of an application: its folder and inputs, its dependencies' (directly
/// or not), and the files dotnet and MSBuild find above its folder; none for a module of its own repository.
/// </summary>
public class ModuleSourcePathsTests
{
    [Test]
    public void A_module_is_versioned_by_its_folder_its_dependencies_their_inputs_and_the_sdk_files_above_them()
    {
        using var root = new TempDirectory("release-module-paths");
        root.WriteFile("samples/director/src/Director.csproj", "<Project />");
        root.WriteFile("samples/ledger/Dockerfile", "FROM base\n");
        root.WriteFile("samples/gateway/src/Gateway.csproj", "<Project />");
        root.WriteFile("shared/ledger.proto", "syntax = \"proto3\";");
        var app = Application.Named("sample")
            .Module("director", m => m.Folder("samples/director").DotNetProject("src/Director.csproj"))
            .Module("ledger", m => m.Folder("samples/ledger").Dockerfile().Inputs("shared/ledger.proto"))
            .Module("gateway", m => m.Folder("samples/gateway").DotNetProject("src/Gateway.csproj").DependsOn("director", "ledger"))
            .Module("billing", m => m.Repository("https://git.example/billing.git", "staging").Dockerfile())
            .Check(new AbsolutePath(root.Path));

        var gateway = ModuleSourcePaths.Of(app, "gateway")!;
        Assert.That(gateway.Take(4), Is.EqualTo(new[]
        {
            new SourceFolder("samples/gateway", "gateway"), new SourceFolder("samples/director", "director"),
            new SourceFolder("samples/ledger", "ledger"), new SourceFolder("shared/ledger.proto", "ledger"),
        }), string.Join(", ", gateway));
        Assert.That(gateway.Where(p => p.Module == "gateway").Select(p => p.Path),
            Does.Contain("global.json").And.Contain("Directory.Build.props").And.Contain("samples/NuGet.config"));
        Assert.That(gateway.Select(p => p.Path), Is.Unique);

        Assert.That(ModuleSourcePaths.Of(app, "director")!.Select(p => p.Path),
            Does.Not.Contain("samples/gateway").And.Not.Contain("samples/ledger").And.Contain("samples/director"));
        Assert.That(ModuleSourcePaths.Of(app, "billing"), Is.Null, "a module of its own repository is versioned at its checkout");
    }
}
