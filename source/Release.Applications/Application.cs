using System.Runtime.CompilerServices;
using Release.Engine;

namespace Release.Applications;

/// <summary>
/// An application of many modules, declared in the build definition and checked before anything runs:
/// <code>
/// static readonly Application Shop = Application.Named("shop")
///     .Module("catalog", m =&gt; m.Folder("samples/catalog").Dockerfile().Chart("chart").Health("/healthz"))
///     .Module("storefront", m =&gt; m.Folder("samples/storefront").DotNetProject("src/Storefront.csproj").DependsOn("catalog"));
///
/// CheckedApplication App =&gt; _app ??= Shop.Check(RootDirectory);   // exit 2 naming the place and the fix
/// TargetFamily BuildModule =&gt; new(App.ModuleNames, (module, _) =&gt; _.DependsOn(BuildModule, App.DependenciesOf(module)) ...);
/// </code>
/// Immutable: each call returns a new declaration, so a definition can be shared and extended safely.
/// </summary>
public sealed class Application
{
    // Pairs as a class, not a value tuple: a list of a struct is JIT-compiled at every start of a build (the
    // runtime's precompiled code covers lists of reference types), and every start declares the application.
    private readonly IReadOnlyList<DeclaredModule> _modules;

    private Application(string name, DeclarationSite site, IReadOnlyList<DeclaredModule> modules)
    {
        Name = name;
        Site = site;
        _modules = modules;
    }

    /// <summary>The application's name.</summary>
    public string Name { get; }

    /// <summary>Where the application was declared.</summary>
    public DeclarationSite Site { get; }

    /// <summary>Starts the declaration of an application.</summary>
    public static Application Named(string name, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        new(name, new DeclarationSite(file, line), []);

    /// <summary>Adds a module; <paramref name="declare"/> says where its source is, how it is built and what it needs.</summary>
    public Application Module(string name, Func<ModuleDeclaration, ModuleDeclaration> declare,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var declaration = new ModuleDeclaration(name);
        declare(declaration);
        return new Application(Name, Site, [.. _modules, new DeclaredModule(declaration, new DeclarationSite(file, line))]);
    }

    /// <summary>
    /// Checks the declaration against the repository at <paramref name="root"/>: names, sources, build files, charts,
    /// dependencies and cycles. Every problem is reported at once, each naming the place (file and line of the
    /// module's declaration) and the fix, as a <see cref="BuildInputException"/> (exit 2).
    /// </summary>
    public CheckedApplication Check(AbsolutePath root) => ApplicationCheck.Run(this, root);

    internal IReadOnlyList<DeclaredModule> Declarations => _modules;

    /// <summary>A module's declaration and where it was made.</summary>
    internal sealed record DeclaredModule(ModuleDeclaration Declaration, DeclarationSite Site);
}
