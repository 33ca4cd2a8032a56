using System.Xml.Linq;

namespace Release.Stages.UnitTest;

/// <summary>
/// Makes a Cobertura report's paths relative to the repository root. The coverlet collector writes the absolute
/// folders of the machine that ran the tests as <c>&lt;source&gt;</c> (a CI runner's workspace) and class file names
/// relative to them, so GitLab's merge-request coverage view, which matches class file names against the project's
/// files ("the full path relative to the project root"), maps nothing. After this, every class file name is its path
/// in the repository (<c>samples/director/src/Director/BuildInfo.cs</c>) and the one source is the root itself, <c>.</c>.
/// </summary>
public static class CoberturaPaths
{
    /// <summary>Rewrites <paramref name="reportPath"/> in place; files outside <paramref name="repositoryRoot"/> keep an absolute path.</summary>
    /// <exception cref="InvalidDataException">Not a Cobertura report; the message names the file.</exception>
    public static void MakeRelative(string reportPath, string repositoryRoot)
    {
        var document = XDocument.Load(reportPath);
        var root = document.Root;
        if (root?.Name.LocalName != "coverage")
            throw new InvalidDataException($"{reportPath}: not a Cobertura report (no <coverage> root element).");
        var repository = Path.GetFullPath(repositoryRoot).TrimEnd('/') + "/";
        var sources = root.Element("sources")?.Elements("source").Select(s => s.Value.Trim()).Where(s => s.Length > 0).ToList() ?? [];
        foreach (var file in root.Descendants("class").Select(c => c.Attribute("filename")).OfType<XAttribute>())
        {
            var full = Locate(file.Value, sources);
            file.Value = full.StartsWith(repository, StringComparison.Ordinal) ? full[repository.Length..] : full;
        }
        var sourcesElement = root.Element("sources") ?? new XElement("sources");
        sourcesElement.ReplaceNodes(new XElement("source", "."));
        if (sourcesElement.Parent is null) root.AddFirst(sourcesElement);
        document.Save(reportPath);
    }

    // A class file name is relative to one of the sources: the one under which the file exists, else the first.
    private static string Locate(string filename, IReadOnlyList<string> sources)
    {
        if (Path.IsPathFullyQualified(filename)) return Path.GetFullPath(filename);
        var candidates = sources.Where(Path.IsPathFullyQualified).Select(s => Path.GetFullPath(Path.Combine(s, filename))).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? candidates.FirstOrDefault() ?? filename;
    }
}
