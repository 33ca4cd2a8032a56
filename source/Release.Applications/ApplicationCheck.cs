using System.Text.RegularExpressions;
using Release.Engine;
using Release.Process.Applications;

namespace Release.Applications;

/// <summary>
/// Checks an application's declaration before anything runs. Every problem is collected, so one run shows them all,
/// each as "place: what is wrong. The fix."; the module graph (dependencies and cycles) is checked once the modules
/// themselves are sound.
/// </summary>
internal static partial class ApplicationCheck
{
    /// <summary>Helm release names are at most 53 characters; a module's name is its chart's and release's name.</summary>
    private const int MaximumNameLength = 53;

    // A DNS label: lowercase letters, digits and inner '-'. Checked by hand, not by a Regex: every ./build.sh start
    // (--help included) checks the application, and the first Regex costs the start-up more than the check.
    private static bool IsDnsLabel(string name) =>
        name.Length > 0 && name[0] != '-' && name[^1] != '-' && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    public static CheckedApplication Run(Application application, AbsolutePath root)
    {
        var problems = new List<string>();
        // Places are described only for a problem: describing one costs path work that every start would otherwise pay.
        string Where() => application.Site.Describe(root);
        if (!IsDnsLabel(application.Name) || application.Name.Length > MaximumNameLength)
            problems.Add($"{Where()}: the application is named '{application.Name}'. Use lowercase letters, digits and '-' (at most " +
                $"{MaximumNameLength} characters), e.g. '{Suggest(application.Name)}'.");
        if (application.Declarations.Count == 0)
            problems.Add($"{Where()}: application '{application.Name}' declares no module. Add one: .Module(\"name\", m => " +
                "m.Folder(\"...\").DotNetProject(\"...\")).");

        var modules = new List<ApplicationModule>();
        var firstSite = new Dictionary<string, DeclarationSite>(StringComparer.OrdinalIgnoreCase);
        foreach (var (declaration, site) in application.Declarations)
        {
            if (firstSite.TryGetValue(declaration.Name, out var first))
            {
                problems.Add($"{site.Describe(root)}: module '{declaration.Name}' has the name of the module declared at {first.Describe(root)}. " +
                    "Give each module its own name, or remove one declaration.");
                continue;
            }
            firstSite[declaration.Name] = site;
            var module = CheckModule(declaration, new Place(site, declaration.Name, root), root, problems);
            if (module is not null) modules.Add(module);
        }
        if (problems.Count > 0) throw Refusal(application, problems);

        ModuleGraph graph;
        try { graph = ModuleGraph.Create(modules.Select(m => new ModuleNode(m.Name, m.DependsOn))); }
        catch (ModuleGraphException e)
        {
            var site = modules.First(m => string.Equals(m.Name, e.Module, StringComparison.OrdinalIgnoreCase)).Site;
            throw Refusal(application, [$"{site.Describe(root)}: {e.Message}"]);
        }
        return new CheckedApplication(application.Name, root, modules, graph);
    }

    /// <summary>"build/Build.cs:42: module 'ledger'", described only when a problem is reported.</summary>
    private sealed class Place(DeclarationSite site, string module, AbsolutePath root)
    {
        public DeclarationSite Site => site;
        public override string ToString() => $"{site.Describe(root)}: module '{module}'";
    }

    private static ApplicationModule? CheckModule(ModuleDeclaration declaration, Place place, AbsolutePath root, List<string> problems)
    {
        var count = problems.Count;
        if (!IsDnsLabel(declaration.Name) || declaration.Name.Length > MaximumNameLength)
            problems.Add($"{place}: the name becomes its chart's, release's and image's name, so use lowercase letters, digits and '-' (at most " +
                $"{MaximumNameLength} characters), e.g. '{Suggest(declaration.Name)}'.");

        switch (declaration.Source)
        {
            case null:
                problems.Add($"{place} does not say where its source is. Add .Folder(\"path/in/this/repository\") or .Repository(url, branch).");
                break;
            case FolderSource folder:
                if (Escapes(folder.Path))
                    problems.Add($"{place} is in folder '{folder.Path}', outside the repository. Give a folder relative to the repository root " +
                        $"({root}).");
                else if (!(root / folder.Path).DirectoryExists())
                    problems.Add($"{place} is in folder '{folder.Path}', which does not exist under {root}. Create the folder, or correct the path " +
                        "in .Folder(...).");
                else CheckFiles(declaration, place, root / folder.Path, problems);
                break;
            case RepositorySource repository:
                if (string.IsNullOrWhiteSpace(repository.Url))
                    problems.Add($"{place} comes from a repository with no URL. Give its URL: .Repository(\"https://...\", \"staging\").");
                if (string.IsNullOrWhiteSpace(repository.Branch) || repository.Branch.Contains(' ') || repository.Branch.Contains(".."))
                    problems.Add($"{place} comes from branch '{repository.Branch}', which is not a branch name. Give the branch to build, e.g. " +
                        "\"staging\".");
                if (Escapes(repository.Folder))
                    problems.Add($"{place} is cloned to '{repository.Folder}', outside the repository. Give a folder relative to the repository " +
                        "root.");
                break;
        }

        if (declaration.BuildKind is null)
            problems.Add($"{place} does not say how it is built. Add .DotNetProject(\"src/X/X.csproj\") or .Dockerfile().");
        if (declaration.HealthPath is { } health && !health.StartsWith('/'))
            problems.Add($"{place} has health endpoint '{health}'. Give an HTTP path starting with '/', e.g. \"/healthz\".");
        foreach (var input in declaration.InputPaths)
        {
            if (Escapes(input))
                problems.Add($"{place} names build input '{input}', outside the repository. Give a path relative to the repository root ({root}).");
            else if (!(root / input).FileExists() && !(root / input).DirectoryExists())
                problems.Add($"{place} names build input '{input}', which does not exist under {root}. Correct the path in .Inputs(...).");
        }
        return problems.Count > count ? null : new ApplicationModule(declaration.Name, declaration.Source!, declaration.BuildKind!,
            declaration.ChartFolder, declaration.HealthPath, declaration.TestProject, declaration.Dependencies.ToList(), place.Site)
        {
            Inputs = declaration.InputPaths.Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The files a module in this repository names must exist; a cloned module's are checked after its clone.</summary>
    private static void CheckFiles(ModuleDeclaration declaration, Place place, AbsolutePath folder, List<string> problems)
    {
        void File(string? relative, string what, string fix)
        {
            if (relative is null) return;
            if (Escapes(relative)) problems.Add($"{place}: its {what} '{relative}' is outside the module's folder. {fix}");
            else if (!(folder / relative).FileExists()) problems.Add($"{place}: its {what} '{relative}' does not exist in {folder}. {fix}");
        }

        switch (declaration.BuildKind)
        {
            case DotNetProjectBuild project:
                File(project.Project, "project", "Give the project file's path relative to the module's folder in .DotNetProject(...).");
                break;
            case DockerfileBuild dockerfile:
                File(dockerfile.Dockerfile, "Dockerfile", "Add the Dockerfile, or give its path relative to the module's folder in " +
                    ".Dockerfile(...).");
                File(dockerfile.PublishedProject, "project to publish", "Give the project file's path relative to the module's folder in " +
                    ".Dockerfile(publish: ...).");
                if (!Escapes(dockerfile.Context) && !(folder / dockerfile.Context).DirectoryExists())
                    problems.Add($"{place}: its build context '{dockerfile.Context}' does not exist in {folder}. Give a folder relative to the " +
                        "module's folder.");
                break;
        }
        if (declaration.ChartFolder is { } chart)
            File(chart + "/Chart.yaml", "chart", "Give the folder holding Chart.yaml, relative to the module's folder, in .Chart(...).");
        File(declaration.TestProject, "integration test project", "Give the test project's path relative to the module's folder in " +
            ".IntegrationTests(...).");
    }

    // Whether the path leaves its folder ('..' deeper than the path went down). Scanned by hand, not split into parts:
    // every start checks every path of the application, and each framework method first used here costs it.
    private static bool Escapes(string relative)
    {
        if (Path.IsPathRooted(relative)) return true;
        var depth = 0;
        for (var start = 0; start <= relative.Length;)
        {
            var end = relative.IndexOf('/', start);
            if (end < 0) end = relative.Length;
            var length = end - start;
            if (length == 2 && relative[start] == '.' && relative[start + 1] == '.') depth--;
            else if (length > 0 && !(length == 1 && relative[start] == '.')) depth++;
            if (depth < 0) return true;
            start = end + 1;
        }
        return false;
    }

    private static string Suggest(string name)
    {
        var text = Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        return text.Length == 0 ? "module" : text[..Math.Min(text.Length, MaximumNameLength)];
    }

    private static BuildInputException Refusal(Application application, IReadOnlyList<string> problems) =>
        new($"Application '{application.Name}' is declared wrongly ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n  " +
            string.Join("\n  ", problems));
}
